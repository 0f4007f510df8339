import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { ApiError } from './api.js';
import './components/diagnostics.js';
import { getLocale, type Locale, switchLocale } from './i18n.js';
import { match, ROUTES, type ViewRoute } from './routes.js';
import { may, resume, type Session, signIn, signOut } from './session.js';
import { shared } from './styles.js';

/** The shell: sign-in, navigation, language, and the view the address names. */
export class TwApp extends LitElement {
  static override properties = {
    session: { state: true },
    problem: { state: true },
    hash: { state: true },
    busy: { state: true },
  };
  static override styles = [
    shared,
    css`
      header { display: flex; align-items: center; gap: 1.5rem; padding: 0.6rem 1.25rem; background: #18181b; color: #fff; }
      header .brand { font-weight: 700; letter-spacing: 0.02em; }
      nav { display: flex; gap: 1rem; flex: 1; }
      nav a { color: #e4e4e7; text-decoration: none; padding: 0.2rem 0; }
      nav a[aria-current='page'] { color: #fff; border-bottom: 2px solid #fbbf24; }
      header .who { color: #d4d4d8; font-size: 0.9rem; }
      header select, header button { background: #27272a; color: #fff; border-color: #52525b; }
      main { padding: 1.25rem; max-width: 80rem; margin: 0 auto; }
      form.signin { max-width: 28rem; margin: 4rem auto; }
      form.signin input { width: 100%; box-sizing: border-box; margin: 0.5rem 0 1rem; }
    `,
  ];

  declare session: Session | undefined;
  declare problem: ApiError | undefined;
  declare hash: string;
  declare busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.hash = location.hash;
    this.busy = true;
    window.addEventListener('hashchange', () => {
      // A view may hold work it has not saved (the editor): it says whether the user may leave, on
      // a link, the back button or a typed address alike; staying puts the address back.
      const view = this.view?.element as { canLeave?: () => boolean } | undefined;
      if (location.hash !== this.hash && view?.canLeave && !view.canLeave()) {
        history.replaceState(null, '', this.hash || '#/');
        return;
      }
      this.hash = location.hash;
    });
  }

  override async connectedCallback() {
    super.connectedCallback();
    this.session = await resume();
    this.busy = false;
  }

  private async submitToken(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    this.busy = true;
    try {
      this.session = await signIn(input.value.trim());
      this.problem = undefined;
    } catch (error) {
      this.problem = error instanceof ApiError ? error : new ApiError(0, []);
    } finally {
      this.busy = false;
    }
  }

  private leave() {
    signOut();
    this.session = undefined;
  }

  private languageSwitch() {
    const change = (e: Event) => void switchLocale((e.target as HTMLSelectElement).value as Locale);
    return html`<label class="sr-only" for="language">${msg('Language', { id: 'app.language' })}</label>
      <select id="language" @change=${change}>
        <option value="en" ?selected=${getLocale() === 'en'}>English</option>
        <option value="zh-CN" ?selected=${getLocale() === 'zh-CN'}>中文</option>
      </select>`;
  }

  private navLabel(nav: string) {
    if (nav === 'policies') return msg('Policies', { id: 'nav.policies' });
    if (nav === 'whatif') return msg('What-if', { id: 'nav.whatif' });
    if (nav === 'customer') return msg('Customer', { id: 'nav.customer' });
    return msg('Review', { id: 'nav.review' });
  }

  override render() {
    const session = this.session;
    const current = match(this.hash);
    const header = html`<header>
      <span class="brand">tierwise</span>
      <nav aria-label=${msg('Main', { id: 'nav.main' })}>
        ${
          session
            ? ROUTES.filter((r) => r.nav && may(session.actor, r.role)).map(
                (r) =>
                  html`<a href=${`#${r.path}`} aria-current=${current.route === r ? 'page' : 'false'}
                    >${this.navLabel(r.nav!)}</a
                  >`,
              )
            : nothing
        }
      </nav>
      ${this.languageSwitch()}
      ${
        session
          ? html`<span class="who">${session.actor.name} · ${roleLabel(session.actor.role)}</span>
              <button class="secondary" @click=${this.leave}>${msg('Sign out', { id: 'app.signOut' })}</button>`
          : nothing
      }
    </header>`;
    if (this.busy && !session) return html`${header}<main aria-busy="true"></main>`;
    if (!session)
      return html`${header}<main>
        <form class="signin card" @submit=${this.submitToken}>
          <h1>${msg('Sign in', { id: 'signin.title' })}</h1>
          <p class="muted">${msg('Paste the token your administrator gave you (tierwise token create).', { id: 'signin.help' })}</p>
          <label for="token">${msg('Token', { id: 'signin.token' })}</label>
          <input id="token" name="token" type="password" autocomplete="off" required />
          <button type="submit">${msg('Sign in', { id: 'signin.submit' })}</button>
          ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
        </form>
      </main>`;
    return html`${header}<main>${this.viewFor(current.route, current.params, session)}</main>`;
  }

  private view: { key: string; element: HTMLElement & { session?: Session } } | undefined;

  /**
   * The view's element, its module loaded first; parameters of the path become attributes. The
   * same address keeps the same element across renders (a language switch keeps the user's edits).
   */
  private viewFor(route: ViewRoute, params: Record<string, string>, session: Session) {
    const key = `${route.tag}?${JSON.stringify(params)}`;
    if (this.view?.key !== key) {
      if (!customElements.get(route.tag)) void route.load();
      const element = document.createElement(route.tag) as HTMLElement & { session?: Session };
      for (const [name, value] of Object.entries(params)) element.setAttribute(name, value);
      this.view = { key, element };
    }
    this.view.element.session = session;
    return this.view.element;
  }
}

export function roleLabel(role: string): string {
  if (role === 'viewer') return msg('viewer', { id: 'role.viewer' });
  if (role === 'analyst') return msg('analyst', { id: 'role.analyst' });
  if (role === 'approver') return msg('approver', { id: 'role.approver' });
  return msg('administrator', { id: 'role.admin' });
}

customElements.define('tw-app', TwApp);
