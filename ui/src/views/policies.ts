import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { ApiError } from '../api.js';
import '../components/diagnostics.js';
import { isoMinute } from '../format.js';
import { getLocale } from '../i18n.js';
import { labelOf, policyStatus, requestState } from '../review/labels.js';
import type { OverviewRow, PolicyOverview } from '../review/types.js';
import type { Session } from '../session.js';
import { shared } from '../styles.js';

/**
 * The registry's policies by business unit: status, the version in force and from when, who wrote
 * it, the change requests open on it; and, for those who may, a new variant of a company policy.
 */
export class TwPolicies extends LitElement {
  static override properties = {
    session: { attribute: false },
    overview: { state: true },
    problem: { state: true },
    filter: { state: true },
    creating: { state: true },
  };
  static override styles = [
    shared,
    css`
      section { margin-bottom: 1.25rem; }
      form.card { display: grid; gap: 0.5rem; max-width: 40rem; }
      form.card .row label { min-width: 9rem; }
      ul.requests { list-style: none; margin: 0; padding: 0; }
      .badge.scheduled, .badge.proposed { color: #92400e; }
      .badge.unpublished { color: #52525b; }
      .badge, time { white-space: nowrap; }
    `,
  ];
  declare session: Session | undefined;
  declare overview: PolicyOverview | undefined;
  declare problem: ApiError | undefined;
  declare filter: string;
  declare creating: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.filter = '';
    this.creating = false;
  }

  // Not connectedCallback: an element upgraded after its module loads gets its properties only now.
  override async firstUpdated() {
    if (!this.session) return;
    try {
      this.overview = await this.session.api.get<PolicyOverview>('/v1/policy-overview');
    } catch (error) {
      this.problem = error instanceof ApiError ? error : undefined;
    }
  }

  private shown(row: OverviewRow): boolean {
    const needle = this.filter.trim().toLowerCase();
    if (!needle) return true;
    const text = [row.name, row.businessUnit, row.author, row.labels?.en, row.labels?.['zh-CN'], row.extends]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return text.includes(needle);
  }

  override render() {
    const rows = (this.overview?.policies ?? []).filter((r) => this.shown(r));
    const units = [...new Set(rows.map((r) => r.businessUnit))];
    return html`<h1>${msg('Policies', { id: 'policies.title' })}</h1>
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
      <div class="row" role="search">
        <label for="search">${msg('Search', { id: 'policies.search' })}</label>
        <input id="search" type="search" .value=${this.filter}
          @input=${(e: Event) => {
            this.filter = (e.target as HTMLInputElement).value;
          }} />
        <span class="muted" aria-live="polite">${
          this.overview ? msg(str`${rows.length} policies`, { id: 'policies.count' }) : nothing
        }</span>
      </div>
      ${this.variantForm()}
      <div aria-busy=${this.overview === undefined ? 'true' : 'false'}>
        ${units.map((unit) =>
          this.unitTable(
            unit,
            rows.filter((r) => r.businessUnit === unit),
          ),
        )}
      </div>`;
  }

  private unitTable(unit: string, rows: OverviewRow[]) {
    const company = unit === this.overview?.companyUnit;
    return html`<section aria-labelledby=${`unit-${unit}`}>
      <h2 id=${`unit-${unit}`}>${unit}${company ? html` <span class="muted">(${msg('company base', { id: 'policies.company' })})</span>` : nothing}</h2>
      <table>
        <caption class="sr-only">${msg(str`Policies of ${unit}`, { id: 'policies.unitCaption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Policy', { id: 'policies.name' })}</th>
          <th scope="col">${msg('Status', { id: 'policies.status' })}</th>
          <th scope="col">${msg('Version', { id: 'policies.version' })}</th>
          <th scope="col">${msg('Effective', { id: 'policies.effective' })}</th>
          <th scope="col">${msg('Author', { id: 'policies.author' })}</th>
          <th scope="col">${msg('Open change requests', { id: 'policies.requests' })}</th>
        </tr></thead>
        <tbody>${rows.map((row) => this.policyRow(row))}</tbody>
      </table>
    </section>`;
  }

  private policyRow(row: OverviewRow) {
    const label = labelOf(row.labels, getLocale());
    const publication = row.inForce ?? row.scheduled;
    const semver = publication?.semver ?? row.latest?.semver;
    const draft = row.changeRequests.find((r) => r.state === 'draft');
    const edit = draft ? `?changeRequest=${encodeURIComponent(draft.id)}` : '';
    return html`<tr>
      <td>
        ${
          row.editable
            ? html`<a href=${`#/policies/${encodeURIComponent(row.name)}/edit${edit}`}>${row.name}</a>`
            : html`<span>${row.name}</span>`
        }
        ${label ? html`<div class="muted">${label}</div>` : nothing}
        ${row.fileName ? html`<div class="muted">${msg('File', { id: 'policies.file' })}: <code>${row.fileName}</code></div>` : nothing}
        ${row.extends ? html`<div class="muted">${msg(str`extends ${row.extends}`, { id: 'policies.extends' })}</div>` : nothing}
      </td>
      <td><span class=${`badge ${row.status}`}>${policyStatus(row.status)}</span></td>
      <td>${semver ?? '—'}${publication ? html`<div class="muted"><code>${publication.version}</code></div>` : nothing}</td>
      <td>${
        publication
          ? html`<time datetime=${publication.effectiveFrom}>${isoMinute(publication.effectiveFrom)}</time>${
              publication.effectiveTo
                ? html` – <time datetime=${publication.effectiveTo}>${isoMinute(publication.effectiveTo)}</time>`
                : nothing
            }`
          : '—'
      }</td>
      <td>${row.author}</td>
      <td>${
        row.changeRequests.length === 0
          ? html`<span class="muted">—</span>`
          : html`<ul class="requests">${row.changeRequests.map(
              (r) => html`<li><a href=${`#/review/${encodeURIComponent(r.id)}`}
                aria-label=${msg(str`Review ${r.id}: ${r.title} (${requestState(r.state)})`, { id: 'policies.reviewLink' })}
                >${r.id}</a> <span class=${`badge ${r.state}`}>${requestState(r.state)}</span></li>`,
            )}</ul>`
      }</td>
    </tr>`;
  }

  private variantForm() {
    const overview = this.overview;
    if (!overview || overview.variantUnits.length === 0 || overview.bases.length === 0) return nothing;
    return html`<details class="card">
      <summary>${msg('Create a variant of the company base for my business unit', { id: 'policies.variant' })}</summary>
      <form @submit=${(e: Event) => this.createVariant(e)}>
        <div class="row">
          <label for="variant-base">${msg('Company policy', { id: 'policies.variantBase' })}</label>
          <select id="variant-base" name="base">
            ${overview.bases.map((b) => html`<option value=${b.name}>${b.name}${b.semver ? ` ${b.semver}` : ''}</option>`)}
          </select>
        </div>
        <div class="row">
          <label for="variant-unit">${msg('Business unit', { id: 'policies.unit' })}</label>
          <select id="variant-unit" name="businessUnit">
            ${overview.variantUnits.map((u) => html`<option value=${u}>${u}</option>`)}
          </select>
        </div>
        <div class="row">
          <label for="variant-name">${msg('New policy name', { id: 'policies.variantName' })}</label>
          <input id="variant-name" name="name" required pattern="[A-Za-z][A-Za-z0-9_\\-]*" maxlength="100"
            aria-describedby="variant-name-hint" />
          <span id="variant-name-hint" class="muted">${msg('a letter, then letters, digits, - or _', { id: 'policies.variantNameHint' })}</span>
        </div>
        <div class="row"><button type="submit" ?disabled=${this.creating}>${msg('Create variant', { id: 'policies.variantCreate' })}</button></div>
      </form>
    </details>`;
  }

  private async createVariant(event: Event) {
    event.preventDefault();
    if (!this.session) return;
    const form = new FormData(event.target as HTMLFormElement);
    const body = {
      base: String(form.get('base') ?? ''),
      businessUnit: String(form.get('businessUnit') ?? ''),
      name: String(form.get('name') ?? '').trim(),
    };
    this.creating = true;
    this.problem = undefined;
    try {
      const created = await this.session.api.post<{ changeRequest: { id: string; policy: string } }>(
        '/v1/policy-variants',
        body,
      );
      const { policy, id } = created.changeRequest;
      location.hash = `#/policies/${encodeURIComponent(policy)}/edit?changeRequest=${encodeURIComponent(id)}`;
    } catch (error) {
      this.problem = error instanceof ApiError ? error : undefined;
    } finally {
      this.creating = false;
    }
  }
}

customElements.define('tw-policies', TwPolicies);
