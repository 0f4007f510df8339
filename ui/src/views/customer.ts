import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { type ApiError, type Dataset, type PolicyRow, reported } from '../api.js';
import '../components/diagnostics.js';
import { decimal, formatNumber, percent } from '../format.js';
import { getLocale } from '../i18n.js';
import type { Session } from '../session.js';
import { shared } from '../styles.js';
import { type Label, labelOf } from '../whatif/model.js';

/** POST /v1/evaluate with `explain`: the customer's result as `tierwise eval --explain` gives it. */
interface Evaluated {
  customer: string;
  tier?: string;
  tierLabel?: Label;
  score?: number;
  policy: { name: string; version: string };
  facts?: Record<string, unknown>;
  dimensions?: {
    dimension: string;
    weight: number;
    share: number;
    points: number;
    contribution: number;
    excluded: boolean;
  }[];
  metrics?: {
    dimension: string;
    metric: string;
    value?: unknown;
    points?: number;
    share?: number;
    contribution?: number;
    status: string;
  }[];
  decidedBy?: Decided;
  /** Set when an approved override decided the tier (docs/overrides.md). */
  override?: { id: string; tier?: string; computedTier?: string; approvedBy?: string; expiresAt?: string };
  moveUp?: {
    tier: string;
    tierLabel?: Label;
    pointsNeeded?: number;
    options?: { metric: string; current?: unknown; operator: string; target: unknown }[];
    /** For criteria: the next tier's comparisons that failed. */
    failed?: { fact: string; operator: string; value: unknown; factValue: unknown }[];
  };
  explanation?: string[];
  diagnostics?: import('../api.js').Diagnostic[];
}

interface Decided {
  method: string;
  tier?: string;
  score?: number;
  range?: { atLeast?: number; below?: number };
  /** An override's: what the policy decided without it. */
  computed?: Decided;
}

const shown = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value ?? ''));

/** One customer of a stored dataset: tier, score breakdown, the deciding rule and how to move up. */
export class TwCustomer extends LitElement {
  static override properties = {
    session: { attribute: false },
    policy: { type: String },
    businessUnit: { type: String, attribute: 'business-unit' },
    customer: { type: String },
    policies: { state: true },
    datasets: { state: true },
    unitPolicy: { state: true },
    result: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  static override styles = [
    shared,
    css`dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; } dd { margin: 0; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; }`,
  ];
  declare session: Session | undefined;
  /** Deep link (`#/customer?policy=…&business-unit=…&customer=…`): what to open with. */
  declare policy: string | undefined;
  declare businessUnit: string | undefined;
  declare customer: string | undefined;
  declare policies: PolicyRow[];
  declare datasets: Dataset[];
  declare unitPolicy: string;
  declare result: Evaluated | undefined;
  declare problem: ApiError | undefined;
  declare busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.policies = [];
    this.datasets = [];
    this.unitPolicy = '';
    this.busy = false;
  }

  private get chosen(): PolicyRow | undefined {
    return this.policies.find((p) => `${p.businessUnit}/${p.name}` === this.unitPolicy);
  }

  override async updated(changed: PropertyValues<this>) {
    if (changed.has('session') && this.session) {
      await this.guard(async () => {
        this.policies = (await this.session!.api.get<{ policies: PolicyRow[] }>('/v1/policies')).policies;
        const linked = this.policies.find(
          (p) => p.name === this.policy && (!this.businessUnit || p.businessUnit === this.businessUnit),
        );
        const first = linked ?? this.policies[0];
        if (first) this.unitPolicy = `${first.businessUnit}/${first.name}`;
      });
    }
    if (changed.has('unitPolicy') && this.chosen && this.session) {
      const unit = encodeURIComponent(this.chosen.businessUnit);
      await this.guard(async () => {
        this.datasets = (
          await this.session!.api.get<{ datasets: Dataset[] }>(`/v1/datasets?businessUnit=${unit}`)
        ).datasets;
      });
    }
  }

  private guard(work: () => Promise<void>) {
    return reported(work, (problem) => {
      this.problem = problem;
    });
  }

  private async lookUp(event: SubmitEvent) {
    event.preventDefault();
    const chosen = this.chosen;
    if (!chosen || !this.session) return;
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    this.busy = true;
    this.result = undefined;
    await this.guard(async () => {
      this.result = await this.session!.api.post<Evaluated>('/v1/evaluate', {
        businessUnit: chosen.businessUnit,
        policy: chosen.name,
        dataset: field('dataset'),
        ...(field('transactions') ? { transactionsDataset: field('transactions') } : {}),
        ...(field('asOf') ? { asOf: field('asOf') } : {}),
        customer: field('customer'),
        explain: true,
      });
    });
    this.busy = false;
  }

  override render() {
    const customers = this.datasets.filter((d) => d.kind === 'customers');
    const logs = this.datasets.filter((d) => d.kind === 'transactions');
    return html`<h1>${msg('Customer', { id: 'customer.title' })}</h1>
      <form class="card row" @submit=${this.lookUp}>
        <label for="policy">${msg('Policy', { id: 'customer.policy' })}</label>
        <select id="policy" @change=${(e: Event) => {
          this.unitPolicy = (e.target as HTMLSelectElement).value;
        }}>${this.policies.map((p) => {
          const key = `${p.businessUnit}/${p.name}`;
          return html`<option value=${key} ?selected=${key === this.unitPolicy}>${p.businessUnit} · ${p.name}</option>`;
        })}</select>
        <label for="dataset">${msg('Customers', { id: 'customer.dataset' })}</label>
        <select id="dataset" name="dataset">${customers.map((d, i) => html`<option value=${d.id} ?selected=${i === 0}>${d.name} (${d.id})</option>`)}</select>
        <label for="transactions">${msg('Transactions', { id: 'customer.transactions' })}</label>
        <select id="transactions" name="transactions">
          <!-- "none" first: of two options selected at once the later wins, so the unit's log, arriving later, is chosen -->
          <option value="">${msg('none', { id: 'customer.none' })}</option>
          ${logs.map((d, i) => html`<option value=${d.id} ?selected=${i === 0}>${d.name} (${d.id})</option>`)}
        </select>
        <label for="asof">${msg('As of', { id: 'customer.asOf' })}</label>
        <input id="asof" name="asOf" type="date" />
        <label for="key">${msg('Customer id', { id: 'customer.key' })}</label>
        <input id="key" name="customer" required autocomplete="off" .value=${this.customer ?? ''} />
        <button type="submit" ?disabled=${this.busy || !this.chosen}>${msg('Look up', { id: 'customer.lookUp' })}</button>
        ${this.busy ? html`<progress aria-label=${msg('Looking the customer up', { id: 'customer.busy' })}></progress>` : nothing}
      </form>
      ${this.problem ? html`<tw-diagnostics .diagnostics=${this.problem.diagnostics}></tw-diagnostics>` : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}`;
  }

  private renderResult(r: Evaluated) {
    const locale = getLocale();
    return html`<section class="card" aria-labelledby="who">
        <h2 id="who">${r.customer}</h2>
        <dl>
          <dt>${msg('Tier', { id: 'customer.tier' })}</dt>
          <dd class="tier">${r.tier ? labelOf(r.tierLabel, r.tier, locale) : msg('(no tier)', { id: 'customer.noTier' })}</dd>
          ${r.score === undefined ? nothing : html`<dt>${msg('Score', { id: 'customer.score' })}</dt><dd>${decimal(r.score).text}</dd>`}
          <dt>${msg('Policy', { id: 'customer.policy' })}</dt><dd>${r.policy.version}</dd>
          <dt>${msg('Deciding rule', { id: 'customer.decidedBy' })}</dt><dd class="decided">${this.decided(r)}</dd>
        </dl>
      </section>
      <tw-diagnostics .diagnostics=${r.diagnostics ?? []}></tw-diagnostics>
      ${this.renderBreakdown(r)}
      <section><h2>${msg('To move up', { id: 'customer.moveUp' })}</h2>
        ${
          r.override
            ? html`<p class="overridden">${msg(str`The override decides the tier until ${r.override.expiresAt ?? '—'}; what follows moves the computed tier.`, { id: 'customer.overrideMoveUp' })}</p>`
            : nothing
        }${this.renderMoveUp(r)}</section>
      ${
        r.explanation
          ? html`<section><h2>${msg('Explanation', { id: 'customer.explanation' })}</h2>
              <pre>${r.explanation.join('\n')}</pre></section>`
          : nothing
      }
      <section><h2>${msg('Facts', { id: 'customer.facts' })}</h2>
        <table><caption class="sr-only">${msg('The facts used, personal data masked', { id: 'customer.factsCaption' })}</caption>
          <tbody>${Object.entries(r.facts ?? {}).map(
            ([fact, value]) =>
              html`<tr><th scope="row">${fact}</th><td data-fact=${fact}>${shown(value)}</td></tr>`,
          )}</tbody></table></section>`;
  }

  private decided(r: Evaluated) {
    const d = r.decidedBy;
    const o = r.override;
    if (d?.method === 'override' && o) {
      const computed = o.computedTier ?? msg('(no tier)', { id: 'customer.noTier' });
      const rule = d.computed ? this.rule(d.computed) : '';
      return msg(
        str`override ${o.id}, approved by ${o.approvedBy ?? '—'}, until ${o.expiresAt ?? '—'}; computed: ${computed} (${rule})`,
        { id: 'customer.overrideRule' },
      );
    }
    return d ? this.rule(d) : '';
  }

  private rule(d: Decided): string {
    if (d.method === 'thresholds' && d.range?.atLeast !== undefined)
      return msg(str`score ${decimal(d.score).text} ≥ ${decimal(d.range.atLeast).text}`, {
        id: 'customer.thresholdRule',
      });
    return Object.entries(d)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  }

  private renderBreakdown(r: Evaluated) {
    if (!r.dimensions?.length && !r.metrics?.length) return nothing;
    return html`<section><h2>${msg('Score breakdown', { id: 'customer.breakdown' })}</h2>
      <table>
        <caption class="sr-only">${msg('Points and contribution per dimension and metric', { id: 'customer.breakdownCaption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Dimension / metric', { id: 'customer.item' })}</th>
          <th scope="col" class="num">${msg('Value', { id: 'customer.value' })}</th>
          <th scope="col" class="num">${msg('Points', { id: 'customer.points' })}</th>
          <th scope="col" class="num">${msg('Share of the score', { id: 'customer.share' })}</th>
          <th scope="col" class="num">${msg('Contribution', { id: 'customer.contribution' })}</th>
        </tr></thead>
        <tbody>${(r.dimensions ?? []).map(
          (d) => html`<tr><th scope="row">${d.dimension}</th><td></td>
            <td class="num">${decimal(d.points, 2).text}</td><td class="num">${percent(d.share).text}</td>
            <td class="num">${decimal(d.contribution, 2).text}</td></tr>
            ${(r.metrics ?? [])
              .filter((m) => m.dimension === d.dimension)
              .map(
                (m) => html`<tr><td>— ${m.metric}</td><td class="num">${shown(m.value)}</td>
                  <td class="num">${decimal(m.points, 2).text}</td><td class="num">${percent(m.share).text}</td>
                  <td class="num">${decimal(m.contribution, 2).text}</td></tr>`,
              )}`,
        )}</tbody>
      </table></section>`;
  }

  private renderMoveUp(r: Evaluated) {
    const up = r.moveUp;
    const next = up ? labelOf(up.tierLabel, up.tier, getLocale()) : '';
    if (!up)
      return html`<p>${msg('Already in the top tier reachable by score.', { id: 'customer.top' })}</p>`;
    if (up.failed)
      return html`<p class="move-up">${msg(str`${next} needs all of:`, { id: 'customer.criteriaNeeded' })}</p>
        <ul>${up.failed.map(
          (f) =>
            html`<li><code>${f.fact} ${f.operator} ${shown(f.value)}</code> ${msg(str`(now ${shown(f.factValue ?? '—')})`, { id: 'customer.now' })}</li>`,
        )}</ul>`;
    if (up.pointsNeeded === undefined)
      return html`<p class="move-up">${msg(str`The next tier is ${next}.`, { id: 'customer.nextTier' })}</p>`;
    if (!up.options?.length)
      return html`<p class="move-up">${msg(str`${decimal(up.pointsNeeded, 2).text} more points reach ${next}; no single metric can close the gap alone.`, { id: 'customer.pointsNoSingle' })}</p>`;
    return html`<p class="move-up">${msg(str`${decimal(up.pointsNeeded, 2).text} more points reach ${next}; any one of:`, { id: 'customer.pointsNeeded' })}</p>
      <ul>${(up.options ?? []).map(
        (o) =>
          html`<li>${o.metric}: ${shown(o.current)} → ${o.operator === 'atMost' ? '≤' : '≥'} ${shown(o.target)}</li>`,
      )}</ul>`;
  }
}

customElements.define('tw-customer', TwCustomer);
