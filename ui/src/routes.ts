// The views of the editor, by hash path. A view's code is loaded when it is first opened, so the
// first screen carries only the shell; each entry says the least role that sees it.
import type { Actor } from './api.js';

export interface ViewRoute {
  /**
   * `#/policies/:name` style; `:x` parts reach the view as attributes of the same name, and so do
   * the query's (`#/whatif?policy=seed004-scorecard`).
   */
  path: string;
  tag: string;
  role: Actor['role'];
  /** In the navigation bar (with this label id), or reached by links only. */
  nav?: 'policies' | 'whatif' | 'customer' | 'review';
  load: () => Promise<unknown>;
}

export const ROUTES: ViewRoute[] = [
  {
    path: '/policies',
    tag: 'tw-policies',
    role: 'viewer',
    nav: 'policies',
    load: () => import('./views/policies.js'),
  },
  {
    path: '/policies/:name/edit',
    tag: 'tw-policy-editor',
    role: 'analyst',
    load: () => import('./views/editor.js'),
  },
  {
    path: '/whatif',
    tag: 'tw-whatif',
    role: 'viewer',
    nav: 'whatif',
    load: () => import('./views/whatif.js'),
  },
  {
    path: '/customer',
    tag: 'tw-customer',
    role: 'viewer',
    nav: 'customer',
    load: () => import('./views/customer.js'),
  },
  {
    path: '/review',
    tag: 'tw-review-list',
    role: 'viewer',
    nav: 'review',
    load: () => import('./views/review-list.js'),
  },
  {
    path: '/review/:id',
    tag: 'tw-review',
    role: 'viewer',
    load: () => import('./views/review.js'),
  },
];

/** The route a hash path opens, with its parameters; the policies list for anything else. */
export function match(hash: string): { route: ViewRoute; params: Record<string, string> } {
  const [rawPath = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const path = decodeURI(rawPath) || '/policies';
  for (const route of ROUTES) {
    const names: string[] = [];
    const pattern = route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const found = new RegExp(`^${pattern}$`).exec(path);
    if (found) {
      const params: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      return { route, params };
    }
  }
  return { route: ROUTES[0]!, params: {} };
}
