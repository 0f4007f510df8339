import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { ApiError } from '../api.js';
import '../components/diagnostics.js';
import type { Session } from '../session.js';
import { shared } from '../styles.js';

interface PolicyRow {
  name: string;
  businessUnit: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
}

/** The registry's policies: the company base and each business unit's variants. */
export class TwPolicies extends LitElement {
  static override properties = {
    session: { attribute: false },
    policies: { state: true },
    problem: { state: true },
    filter: { state: true },
  };
  static override styles = [shared];
  declare session: Session | undefined;
  declare policies: PolicyRow[] | undefined;
  declare problem: ApiError | undefined;
  declare filter: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.filter = '';
  }

  // Not connectedCallback: an element upgraded after its module loads gets its properties only now.
  override async firstUpdated() {
    if (!this.session) return;
    try {
      this.policies = (await this.session.api.get<{ policies: PolicyRow[] }>('/v1/policies')).policies;
    } catch (error) {
      this.problem = error instanceof ApiError ? error : undefined;
    }
  }

  override render() {
    const rows = (this.policies ?? []).filter((p) =>
      `${p.name} ${p.businessUnit}`.toLowerCase().includes(this.filter.toLowerCase()),
    );
    return html`<h1>${msg('Policies', { id: 'policies.title' })}</h1>
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
      <div class="row">
        <label for="search">${msg('Search', { id: 'policies.search' })}</label>
        <input id="search" type="search" .value=${this.filter}
          @input=${(e: Event) => {
            this.filter = (e.target as HTMLInputElement).value;
          }} />
      </div>
      <table aria-busy=${this.policies === undefined ? 'true' : 'false'}>
        <caption class="sr-only">${msg('Policies by business unit', { id: 'policies.caption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Business unit', { id: 'policies.unit' })}</th>
          <th scope="col">${msg('Policy', { id: 'policies.name' })}</th>
          <th scope="col">${msg('File', { id: 'policies.file' })}</th>
          <th scope="col">${msg('Created by', { id: 'policies.createdBy' })}</th>
        </tr></thead>
        <tbody>
          ${rows.map(
            (p) => html`<tr>
              <td>${p.businessUnit}</td>
              <td><a href=${`#/policies/${encodeURIComponent(p.name)}`}>${p.name}</a></td>
              <td><code>${p.fileName}</code></td>
              <td>${p.createdBy}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

customElements.define('tw-policies', TwPolicies);
