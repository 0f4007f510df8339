import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { isRefusal } from '../registry/outcome.js';
import { StoreUnavailable } from '../registry/store/store.js';
import { isBodyProblem } from './body.js';
import { DecisionLog } from './decision-log.js';
import type { ServerDeps, ServerOptions } from './deps.js';
import type { ServerEnv } from './env.js';
import { readInput } from './input.js';
import { authenticate, requireRole } from './middleware/auth.js';
import { language } from './middleware/language.js';
import { limitsOf } from './options.js';
import { diagnosticsResponse, refuse } from './respond.js';
import { honoPath, pathMatcher, type Route, type RouteContext } from './route.js';
import { decisionRoutes } from './routes/decisions.js';
import { docsRoutes } from './routes/docs.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { meRoutes } from './routes/me.js';
import { planRoutes } from './routes/plan.js';
import { populationRoutes } from './routes/population.js';
import { rerateRoutes } from './routes/rerate.js';
import { scoresRoutes } from './routes/scores.js';
import { slaRoutes } from './routes/sla.js';
import { validateRoutes } from './routes/validate.js';
import { SERVER_STATUS } from './status.js';
import { loadUiAssets, serveUi } from './ui-assets.js';

export interface ServerApp {
  app: Hono<ServerEnv>;
  /** Every operation the app answers, as /openapi.json describes them. */
  routes: readonly Route[];
  /** Writes the decisions still held (graceful close calls it). */
  flush(): Promise<void>;
}

/**
 * The HTTP surface: each route parses its request, calls the library (or the registry through
 * `deps`) and renders the result. `extraRoutes` are the registry's own (policies, versions,
 * change requests…), registered and documented exactly as these are.
 */
export function createApp(
  deps: ServerDeps,
  options: ServerOptions = {},
  extraRoutes: readonly Route[] = [],
): ServerApp {
  const limits = limitsOf(options);
  const decisions = new DecisionLog(deps, options);
  const routes: Route[] = [
    ...docsRoutes,
    ...meRoutes,
    ...validateRoutes,
    ...evaluateRoutes(decisions, options),
    ...decisionRoutes(decisions),
    ...populationRoutes,
    ...scoresRoutes,
    ...rerateRoutes,
    ...planRoutes,
    ...slaRoutes,
    ...extraRoutes,
  ];
  const context: RouteContext = { deps, limits, routes };
  const app = new Hono<ServerEnv>();
  app.use('*', language);
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      // The token before the body: an unknown client gets nothing read on its behalf.
      if (route.role !== 'public') {
        const actor = await authenticate(c, deps);
        if (isRefusal(actor)) return refuse(c, actor);
        const denied = requireRole(actor, route.role);
        if (denied) return refuse(c, denied);
        c.set('actor', actor);
      }
      const input = await readInput(c, route, limits);
      if (isBodyProblem(input)) return diagnosticsResponse(c, input.status, input.diagnostics);
      return route.handle(c, input, context);
    });
  }
  const assets = options.uiDir ? loadUiAssets(options.uiDir) : undefined;
  if (assets) serveUi(app, assets);
  const matchers = routes.map((route) => ({ route, matches: pathMatcher(route.path) }));
  app.notFound((c) => {
    const path = c.req.path;
    const allowed = [
      ...new Set(matchers.filter((m) => m.matches.test(path)).map((m) => m.route.method.toUpperCase())),
    ];
    if (allowed.length === 0)
      return diagnosticsResponse(c, 404, [
        diagnostic('TW1303', msg('server.noRoute', { method: c.req.method, path }), {
          help: msg('server.noRouteHelp'),
        }),
      ]);
    return diagnosticsResponse(
      c,
      SERVER_STATUS.methodNotAllowed,
      [
        diagnostic(
          'TW1304',
          msg('server.wrongMethod', { method: c.req.method, path, allowed: allowed.join(', ') }),
        ),
      ],
      { Allow: allowed.join(', ') },
    );
  });
  app.onError((error, c) => {
    // The client gets a reference, never the error: its message may quote the request's data.
    const reference = randomUUID().slice(0, 8);
    options.onError?.(Object.assign(error, { reference }));
    if (error instanceof StoreUnavailable)
      return diagnosticsResponse(c, SERVER_STATUS.unavailable, [
        diagnostic('TW1257', msg('server.unavailable', { reference }), {
          help: msg('server.unavailableHelp'),
        }),
      ]);
    return diagnosticsResponse(c, SERVER_STATUS.internal, [
      diagnostic('TW1311', msg('server.internal', { reference }), { help: msg('server.internalHelp') }),
    ]);
  });
  return { app, routes, flush: () => decisions.flush() };
}
