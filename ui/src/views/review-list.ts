import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { ApiError } from '../api.js';
import '../components/diagnostics.js';
import { isoMinute } from '../format.js';
import { REQUEST_STATES, requestState } from '../review/labels.js';
import type { ChangeRequest } from '../review/types.js';
import type { Session } from '../session.js';
import { shared } from '../styles.js';

/** Change requests by state, newest first; filtered by state (in review by default), unit and text. */
export class TwReviewList extends LitElement {
  static override properties = {
    session: { attribute: false },
    state: { type: String, reflect: false },
    requests: { state: true },
    problem: { state: true },
    unit: { state: true },
    filter: { state: true },
  };
  static override styles = [shared];
  declare session: Session | undefined;
  /** `#/review?state=approved` arrives as this attribute; '' shows every state. */
  declare state: string | undefined;
  declare requests: ChangeRequest[] | undefined;
  declare problem: ApiError | undefined;
  declare unit: string;
  declare filter: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.unit = '';
    this.filter = '';
  }

  override async firstUpdated() {
    if (this.state === undefined) this.state = 'in_review';
    await this.load();
  }

  private async load() {
    if (!this.session) return;
    this.requests = undefined;
    this.problem = undefined;
    const query = this.state ? `?state=${encodeURIComponent(this.state)}` : '';
    try {
      this.requests = (
        await this.session.api.get<{ changeRequests: ChangeRequest[] }>(`/v1/change-requests${query}`)
      ).changeRequests;
    } catch (error) {
      this.problem = error instanceof ApiError ? error : undefined;
      this.requests = [];
    }
  }

  override render() {
    const all = this.requests ?? [];
    const units = [...new Set(all.map((r) => r.businessUnit))].sort();
    const needle = this.filter.trim().toLowerCase();
    const rows = all.filter(
      (r) =>
        (!this.unit || r.businessUnit === this.unit) &&
        (!needle || `${r.id} ${r.title} ${r.policy} ${r.author}`.toLowerCase().includes(needle)),
    );
    return html`<h1>${msg('Change requests', { id: 'reviewList.title' })}</h1>
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
      <div class="row" role="search">
        <label for="state">${msg('State', { id: 'reviewList.state' })}</label>
        <select id="state" .value=${this.state ?? ''} @change=${(e: Event) => {
          this.state = (e.target as HTMLSelectElement).value;
          void this.load();
        }}>
          <option value="" ?selected=${!this.state}>${msg('all', { id: 'reviewList.all' })}</option>
          ${REQUEST_STATES.map((s) => html`<option value=${s} ?selected=${this.state === s}>${requestState(s)}</option>`)}
        </select>
        <label for="unit">${msg('Business unit', { id: 'policies.unit' })}</label>
        <select id="unit" @change=${(e: Event) => {
          this.unit = (e.target as HTMLSelectElement).value;
        }}>
          <option value="">${msg('all', { id: 'reviewList.all' })}</option>
          ${units.map((u) => html`<option value=${u} ?selected=${this.unit === u}>${u}</option>`)}
        </select>
        <label for="search">${msg('Search', { id: 'policies.search' })}</label>
        <input id="search" type="search" .value=${this.filter} @input=${(e: Event) => {
          this.filter = (e.target as HTMLInputElement).value;
        }} />
        <span class="muted" aria-live="polite">${
          this.requests ? msg(str`${rows.length} change requests`, { id: 'reviewList.count' }) : nothing
        }</span>
      </div>
      <table aria-busy=${this.requests === undefined ? 'true' : 'false'}>
        <caption class="sr-only">${msg('Change requests', { id: 'reviewList.title' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Change request', { id: 'reviewList.id' })}</th>
          <th scope="col">${msg('Policy', { id: 'policies.name' })}</th>
          <th scope="col">${msg('Business unit', { id: 'policies.unit' })}</th>
          <th scope="col">${msg('State', { id: 'reviewList.state' })}</th>
          <th scope="col">${msg('Author', { id: 'policies.author' })}</th>
          <th scope="col">${msg('Updated', { id: 'reviewList.updated' })}</th>
        </tr></thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <td><a href=${`#/review/${encodeURIComponent(r.id)}`}>${r.id}</a> ${r.title}</td>
              <td>${r.policy}</td>
              <td>${r.businessUnit}</td>
              <td><span class=${`badge ${r.state}`}>${requestState(r.state)}</span></td>
              <td>${r.author}</td>
              <td><time datetime=${r.updatedAt}>${isoMinute(r.updatedAt)}</time></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.requests && rows.length === 0 ? html`<p class="muted">${msg('No change requests here.', { id: 'reviewList.none' })}</p>` : nothing}`;
  }
}

customElements.define('tw-review-list', TwReviewList);
