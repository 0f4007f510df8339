import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { ApiError, type Dataset, type PolicyRow, reported } from '../api.js';
import '../components/diagnostics.js';
import { count, money, percent, signedCount } from '../format.js';
import { getLocale } from '../i18n.js';
import { coversUnit, may, type Session } from '../session.js';
import { shared } from '../styles.js';
import '../whatif/calibrate.js';
import { draftMetadata } from '../whatif/draft-meta.js';
import '../whatif/heatmap.js';
import { type DiffAnswer, labelOf, tierRows } from '../whatif/model.js';
import { isAbort } from '../whatif/request.js';

export interface Draft {
  content: string;
  fileName: string;
}

/** How long the draft must stay still before a run starts: typing does not start a run per key. */
const DEBOUNCE_MS = 400;
/** Movers listed (the count is always the whole population's). */
const MOVERS_LISTED = 100;

/**
 * What-if: a draft (or a stored version) against what its business unit publishes, on a dataset.
 * Embedded by the policy editor with `draft` and `compact`; every figure is the server's /v1/diff.
 */
export class TwWhatif extends LitElement {
  static override properties = {
    session: { attribute: false },
    policy: { type: String },
    businessUnit: { type: String, attribute: 'business-unit' },
    compact: { type: Boolean },
    draft: { attribute: false },
    policies: { state: true },
    datasets: { state: true },
    versions: { state: true },
    customersId: { state: true },
    transactions: { state: true },
    version: { state: true },
    asOf: { state: true },
    result: { state: true },
    running: { state: true },
    problem: { state: true },
  };
  static override styles = [
    shared,
    css`
      section { margin-bottom: 1.25rem; }
      .side { display: grid; grid-template-columns: 1fr; gap: 1rem; }
      progress { width: 12rem; }
    `,
  ];
  declare session: Session | undefined;
  declare policy: string | undefined;
  declare businessUnit: string | undefined;
  declare compact: boolean;
  declare draft: Draft | undefined;
  declare policies: PolicyRow[] | undefined;
  declare datasets: Dataset[];
  declare versions: string[];
  declare customersId: string;
  declare transactions: string;
  declare version: string;
  declare asOf: string;
  declare result: DiffAnswer | undefined;
  declare running: boolean;
  declare problem: ApiError | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  /** The language the result's server-written texts (movers' reasons) are in: a switch asks again. */
  private resultIn: string | undefined;
  /** The `unit/policy` whose datasets and versions are loaded. */
  private loadedFor: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.compact = false;
    this.datasets = [];
    this.versions = [];
    this.customersId = '';
    this.transactions = '';
    this.version = '';
    this.asOf = '';
    this.running = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.controller?.abort();
  }

  /** The policy compared: the attribute, else the draft's metadata, else the first policy. */
  private get chosen(): PolicyRow | undefined {
    const meta = this.draft ? draftMetadata(this.draft.content) : {};
    const name = this.policy ?? meta.name;
    const unit = this.businessUnit ?? meta.businessUnit;
    const all = this.policies ?? [];
    const found =
      all.find((p) => p.name === name && (!unit || p.businessUnit === unit)) ??
      all.find((p) => !name && (unit ? p.businessUnit === unit : this.mine(p))) ??
      (name ? undefined : all[0]);
    if (found) return { name: found.name, businessUnit: unit ?? found.businessUnit };
    return name && unit ? { name, businessUnit: unit } : undefined;
  }

  /** Without a choice, the actor's own unit's policy comes first (an admin's is any). */
  private mine(p: PolicyRow) {
    return !this.session || coversUnit(this.session.actor, p.businessUnit);
  }

  override async updated(changed: PropertyValues<this>) {
    if (!this.session) return;
    if (changed.has('session') && this.policies === undefined) {
      await this.guard(async () => {
        this.policies = (await this.session!.api.get<{ policies: PolicyRow[] }>('/v1/policies')).policies;
      });
      await this.load();
    } else if (changed.has('policy') || changed.has('businessUnit')) await this.load();
    // A draft that now names another policy or unit needs that one's datasets and versions.
    else if (changed.has('draft')) await (this.loadedFor === this.chosenKey ? this.schedule() : this.load());
    else if (this.result && this.resultIn !== getLocale() && !this.running) this.schedule();
  }

  private get chosenKey() {
    const chosen = this.chosen;
    return chosen ? `${chosen.businessUnit}/${chosen.name}` : undefined;
  }

  /** The unit's datasets and the policy's versions, then a run. */
  private async load() {
    const chosen = this.chosen;
    if (!chosen || !this.session) return;
    this.loadedFor = this.chosenKey;
    await this.guard(async () => {
      const unit = encodeURIComponent(chosen.businessUnit);
      const [{ datasets }, found] = await Promise.all([
        this.session!.api.get<{ datasets: Dataset[] }>(`/v1/datasets?businessUnit=${unit}`),
        this.session!.api.get<{ versions: { id: string }[] }>(
          `/v1/policies/${encodeURIComponent(chosen.name)}`,
        ),
      ]);
      this.datasets = datasets;
      this.versions = found.versions.map((v) => v.id).reverse();
      this.version = this.versions[0] ?? '';
      this.customersId = datasets.find((d) => d.kind === 'customers')?.id ?? '';
      this.transactions = datasets.find((d) => d.kind === 'transactions')?.id ?? '';
    });
    this.schedule();
  }

  private guard(work: () => Promise<void>) {
    return reported(work, (problem) => {
      this.problem = problem;
    });
  }

  /** A run after the draft has been still for a moment; the run in flight is cancelled. */
  private schedule() {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  /** The request body's data and as-of, shared by diff and calibrate. */
  private get data() {
    return {
      dataset: this.customersId,
      ...(this.transactions ? { transactionsDataset: this.transactions } : {}),
      ...(this.asOf ? { asOf: this.asOf } : {}),
    };
  }

  private async run() {
    const chosen = this.chosen;
    if (!chosen || !this.customersId || !this.session) return;
    const controller = new AbortController();
    this.controller = controller;
    this.resultIn = getLocale();
    this.running = true;
    this.problem = undefined;
    try {
      const answer = await this.session.api.request<DiffAnswer>('/v1/diff', {
        method: 'POST',
        json: {
          from: { businessUnit: chosen.businessUnit, policy: chosen.name },
          to: this.draft ? { ...this.draft } : { version: this.version },
          ...this.data,
          limit: MOVERS_LISTED,
        },
        signal: controller.signal,
      });
      this.result = answer.body;
    } catch (error) {
      if (isAbort(error)) return;
      this.result = undefined;
      if (error instanceof ApiError) this.problem = error;
      else throw error;
    } finally {
      if (this.controller === controller) this.running = false;
    }
  }

  private async upload(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const chosen = this.chosen;
    if (!file || !chosen || !this.session) return;
    await this.guard(async () => {
      const query = new URLSearchParams({
        businessUnit: chosen.businessUnit,
        name: file.name,
        kind: 'customers',
      });
      const { body } = await this.session!.api.request<Dataset>(`/v1/datasets?${query}`, {
        method: 'POST',
        body: file,
        contentType: file.type || 'application/octet-stream',
      });
      this.datasets = [...this.datasets, body];
      this.customersId = body.id;
      this.schedule();
    });
    input.value = '';
  }

  private label = (tier: string) => {
    const row = this.result ? tierRows(this.result).find((r) => r.tier === tier) : undefined;
    return tier === '(no tier)'
      ? msg('(no tier)', { id: 'whatif.noTier' })
      : labelOf(row?.label, tier, getLocale());
  };

  override render() {
    const chosen = this.chosen;
    return html`${this.compact ? nothing : html`<h1>${msg('What-if', { id: 'whatif.title' })}</h1>`}
      ${
        chosen
          ? html`<p class="muted">${
              this.draft
                ? msg(str`The draft against what ${chosen.businessUnit} publishes (${chosen.name})`, {
                    id: 'whatif.comparingDraft',
                  })
                : msg(str`${this.version} against what ${chosen.businessUnit} publishes (${chosen.name})`, {
                    id: 'whatif.comparing',
                  })
            }</p>`
          : nothing
      }
      ${this.renderControls()}
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
      <div role="status" aria-live="polite">${
        this.running
          ? html`<progress aria-label=${msg('Running the what-if', { id: 'whatif.running' })}></progress>
              ${msg('Running the what-if', { id: 'whatif.running' })}`
          : nothing
      }</div>
      ${this.result ? this.renderResult(this.result) : nothing}`;
  }

  private renderControls() {
    const customers = this.datasets.filter((d) => d.kind === 'customers');
    const logs = this.datasets.filter((d) => d.kind === 'transactions');
    const chosen = this.chosen;
    const canUpload =
      !this.compact &&
      chosen &&
      this.session &&
      may(this.session.actor, 'analyst') &&
      coversUnit(this.session.actor, chosen.businessUnit);
    const change = (apply: (value: string) => void) => (e: Event) => {
      apply((e.target as HTMLInputElement | HTMLSelectElement).value);
      this.schedule();
    };
    const choose = (e: Event) => {
      const [unit, name] = (e.target as HTMLSelectElement).value.split('/');
      this.businessUnit = unit;
      this.policy = name;
    };
    return html`<div class="row card">
      ${
        this.draft || this.compact
          ? nothing
          : html`<label for="policy">${msg('Policy', { id: 'whatif.policy' })}</label>
            <select id="policy" @change=${choose}>${(this.policies ?? []).map((p) => {
              const key = `${p.businessUnit}/${p.name}`;
              const selected = chosen?.businessUnit === p.businessUnit && chosen.name === p.name;
              return html`<option value=${key} ?selected=${selected}>${p.businessUnit} · ${p.name}</option>`;
            })}</select>`
      }
      <label for="dataset">${msg('Customers', { id: 'whatif.dataset' })}</label>
      <select id="dataset" .value=${this.customersId} @change=${change((v) => {
        this.customersId = v;
      })}>
        ${customers.map((d) => html`<option value=${d.id} ?selected=${d.id === this.customersId}>${d.name} (${d.id})</option>`)}
      </select>
      <label for="transactions">${msg('Transactions', { id: 'whatif.transactions' })}</label>
      <select id="transactions" @change=${change((v) => {
        this.transactions = v;
      })}>
        <option value="" ?selected=${this.transactions === ''}>${msg('none', { id: 'whatif.none' })}</option>
        ${logs.map((d) => html`<option value=${d.id} ?selected=${d.id === this.transactions}>${d.name} (${d.id})</option>`)}
      </select>
      ${
        this.compact
          ? nothing
          : html`<label for="asof">${msg('As of', { id: 'whatif.asOf' })}</label>
            <input id="asof" type="date" .value=${this.asOf} @change=${change((v) => {
              this.asOf = v;
            })} />
            ${
              this.draft
                ? nothing
                : html`<label for="version">${msg('Version', { id: 'whatif.version' })}</label>
                  <select id="version" @change=${change((v) => {
                    this.version = v;
                  })}>
                    ${this.versions.map((v) => html`<option value=${v} ?selected=${v === this.version}>${v}</option>`)}
                  </select>`
            }`
      }
      ${
        canUpload
          ? html`<label for="upload">${msg('Upload customers (CSV, XLSX)', { id: 'whatif.upload' })}</label>
            <input id="upload" type="file" accept=".csv,.tsv,.txt,.xlsx" @change=${this.upload} />`
          : nothing
      }
    </div>`;
  }

  private renderResult(result: DiffAnswer) {
    const locale = getLocale();
    const currency = result.currency ?? '';
    // A policy that reads no revenue has none to compare: its columns would only say 0.
    const revenue = !this.compact && !!result.currency;
    const rows = tierRows(result);
    const { matrix } = result;
    const summary = msg(
      str`${count(matrix.upgrades).text} up, ${count(matrix.downgrades).text} down, ${count(matrix.unchanged).text} unchanged`,
      { id: 'whatif.migrationSummary' },
    );
    const tierTable = html`<table>
      <caption>${msg('Customers and revenue per tier: published and draft', { id: 'whatif.tiersCaption' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Tier', { id: 'whatif.tier' })}</th>
        <th scope="col" class="num">${msg('Published customers', { id: 'whatif.publishedCustomers' })}</th>
        <th scope="col" class="num">${msg('Draft customers', { id: 'whatif.draftCustomers' })}</th>
        ${
          !revenue
            ? nothing
            : html`<th scope="col" class="num">${msg(str`Published revenue (${currency})`, { id: 'whatif.publishedRevenue' })}</th>
          <th scope="col" class="num">${msg(str`Draft revenue (${currency})`, { id: 'whatif.draftRevenue' })}</th>`
        }
      </tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr data-tier=${r.tier}>
          <th scope="row">${labelOf(r.label, r.tier, locale)}</th>
          <td class="num">${count(r.before?.customers ?? 0).text} <span class="muted">${percent(r.before?.share ?? 0).text}</span></td>
          <td class="num">${count(r.after?.customers ?? 0).text} <span class="muted">${percent(r.after?.share ?? 0).text}</span></td>
          ${!revenue ? nothing : html`<td class="num">${money(r.before?.revenue ?? 0).text}</td><td class="num">${money(r.after?.revenue ?? 0).text}</td>`}
        </tr>`,
      )}</tbody>
    </table>`;
    const movers = html`<p class="movers">${msg(str`${count(result.moversTotal).text} customers change tier`, { id: 'whatif.moversCount' })}
      · ${summary}</p>`;
    if (this.compact) return html`<section>${tierTable}${movers}</section>`;
    return html`<section><h2>${msg('Tiers', { id: 'whatif.tiers' })}</h2>${tierTable}${movers}</section>
      <section><h2>${msg('Migration', { id: 'whatif.migration' })}</h2>
        <tw-migration-heatmap .matrix=${matrix} .labels=${this.label}></tw-migration-heatmap></section>
      <section><h2>${msg('Cost and service load', { id: 'whatif.deltas' })}</h2>${this.renderDeltas(result)}</section>
      <section><h2>${msg('Movers', { id: 'whatif.movers' })}</h2>${this.renderMovers(result)}</section>
      <section><h2>${msg('Calibrate', { id: 'whatif.calibrate' })}</h2>
        <tw-whatif-calibrate .session=${this.session} ?can-apply=${!!this.draft}
          .tiers=${rows.map((r) => ({ tier: r.tier, label: labelOf(r.label, r.tier, locale) }))}
          .base=${this.calibrateBase()}></tw-whatif-calibrate></section>`;
  }

  private calibrateBase() {
    const chosen = this.chosen;
    if (!chosen) return undefined;
    return { ...(this.draft ? { draft: { ...this.draft } } : { version: this.version }), ...this.data };
  }

  private renderDeltas(result: DiffAnswer) {
    const { deltas } = result;
    const locale = getLocale();
    const actions = result.simulations.from.actionLabels ?? {};
    const contacts = Object.entries(deltas.service?.contactsPerQuarter ?? {});
    return html`<table>
      <caption class="sr-only">${msg('Change from published to draft', { id: 'whatif.deltasCaption' })}</caption>
      <tbody>
        ${
          !result.currency
            ? nothing
            : html`<tr><th scope="row">${msg(str`Entitlement cost (${result.currency})`, { id: 'whatif.entitlementCost' })}</th>
          <td class="num">${money(deltas.entitlementCost ?? 0, { signed: true }).text}</td></tr>`
        }
        <tr><th scope="row">${msg('Dedicated staff', { id: 'whatif.dedicatedStaff' })}</th>
          <td class="num">${signedCount(deltas.service?.dedicatedStaff ?? 0).text}</td></tr>
        <tr><th scope="row">${msg('24/7 hotline', { id: 'whatif.hotline' })}</th>
          <td class="num">${signedCount(deltas.service?.hotline24x7 ?? 0).text}</td></tr>
        ${contacts.map(
          ([
            action,
            n,
          ]) => html`<tr><th scope="row">${msg(str`Contacts a quarter: ${labelOf(actions[action], action, locale)}`, { id: 'whatif.contacts' })}</th>
            <td class="num">${signedCount(n).text}</td></tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderMovers(result: DiffAnswer) {
    if (result.movers.length === 0)
      return html`<p>${msg('Nobody changes tier.', { id: 'whatif.noMovers' })}</p>`;
    return html`<table>
      <caption class="sr-only">${msg('Customers who change tier, with the reason', { id: 'whatif.moversCaption' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Customer', { id: 'whatif.customer' })}</th>
        <th scope="col">${msg('From', { id: 'whatif.from' })}</th>
        <th scope="col">${msg('To', { id: 'whatif.to' })}</th>
        <th scope="col">${msg('Reason', { id: 'whatif.reason' })}</th>
      </tr></thead>
      <tbody>${result.movers.map(
        (m) =>
          html`<tr><td>${m.customer}</td><td>${this.label(m.from)}</td><td>${this.label(m.to)}</td><td>${m.reason}</td></tr>`,
      )}</tbody>
    </table>
    ${result.moversTotal > result.movers.length ? html`<p class="muted">${msg(str`First ${count(result.movers.length).text} of ${count(result.moversTotal).text}`, { id: 'whatif.moversListed' })}</p>` : nothing}`;
  }
}

customElements.define('tw-whatif', TwWhatif);
