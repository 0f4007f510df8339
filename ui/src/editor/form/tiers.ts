import { msg, str } from '@lit/localize';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatCount } from '../../format.js';
import type { Axis, Condition, Level } from '../policy-shape.js';
import { thresholdOf, thresholdPath } from '../policy-shape.js';
import type { ScoreHistogram } from '../source.js';
import { type FormContext, labelText, numberField, problemsAt, textField } from './context.js';

const COLOURS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#4d7c0f'];

export interface TiersExtras {
  histogram: ScoreHistogram | undefined;
  /** The dataset picker the histogram is drawn from (the view owns the datasets). */
  picker: TemplateResult;
}

/** The tiers: thresholds over the score histogram, quota shares, criteria, or the matrix. */
export function tiersSection(ctx: FormContext, extras: TiersExtras) {
  const tiers = ctx.policy.tiers;
  if (!tiers) return nothing;
  const levels = tiers.levels ?? [];
  const method = tiers.method ?? 'thresholds';
  return html`<section class="card" aria-labelledby="tiers-title">
    <h2 id="tiers-title">${msg('Tiers', { id: 'editor.tiers.title' })} <span class="badge">${method}</span></h2>
    ${labels(ctx, levels)}
    ${method === 'thresholds' ? thresholds(ctx, levels, extras) : nothing}
    ${method === 'quota' ? quota(ctx, levels) : nothing}
    ${method === 'criteria' ? criteria(levels) : nothing}
    ${method === 'matrix' ? matrix(tiers.matrix, levels) : nothing}
    ${problemsAt(ctx, '/tiers')}
  </section>`;
}

/** Each tier's bilingual label, best tier first. */
function labels(ctx: FormContext, levels: readonly Level[]) {
  return html`<table>
    <thead><tr>
      <th scope="col">${msg('Tier', { id: 'editor.tiers.tier' })}</th>
      <th scope="col">${msg('Label (Chinese)', { id: 'editor.label.zh' })}</th>
      <th scope="col">${msg('Label (English)', { id: 'editor.label.en' })}</th>
    </tr></thead>
    <tbody>${levels.map(
      ({ id, label }, i) => html`<tr><th scope="row"><code>${id}</code></th>
        <td>${textField(ctx, ['tiers', 'levels', i, 'label', 'zh-CN'], label?.['zh-CN'], msg(str`Chinese label of ${id}`, { id: 'editor.facts.labelZh' }), 14)}</td>
        <td>${textField(ctx, ['tiers', 'levels', i, 'label', 'en'], label?.en, msg(str`English label of ${id}`, { id: 'editor.facts.labelEn' }), 18)}</td></tr>`,
    )}</tbody>
  </table>`;
}

function thresholds(ctx: FormContext, levels: readonly Level[], extras: TiersExtras) {
  return html`${extras.picker}
    ${histogramChart(extras.histogram, levels)}
    <div class="levels">${levels.map((level, i) => {
      const path = thresholdPath(level);
      const value = thresholdOf(level);
      if (!path || value === undefined) return nothing;
      const name = labelText(level.label, level.id);
      const at = ['tiers', 'levels', i, ...path];
      const label = msg(str`${name} threshold`, { id: 'editor.tiers.threshold' });
      return html`<div class="row level">
        <label for="slider-${level.id}" class="tier-name">${label}</label>
        <input id="slider-${level.id}" type="range" min="0" max="100" step="1" .value=${String(value)}
          ?disabled=${ctx.readOnly} @input=${(e: Event) => ctx.set(at, Number((e.target as HTMLInputElement).value))} />
        ${numberField(ctx, at, value, msg(str`${name} threshold (number)`, { id: 'editor.tiers.thresholdNumber' }), { min: 0, max: 100 })}
      </div>`;
    })}</div>`;
}

/** Bars of customers per score bin, each split by tier, with the thresholds drawn over them. */
function histogramChart(histogram: ScoreHistogram | undefined, levels: readonly Level[]) {
  if (!histogram)
    return html`<p class="muted" role="status">${msg('No score histogram yet: choose a dataset.', { id: 'editor.histogram.none' })}</p>`;
  const W = 480;
  const H = 140;
  const bins = histogram.counts.length;
  const top = Math.max(1, ...histogram.counts);
  const barW = W / Math.max(bins, 1);
  const x = (score: number) => (score / 100) * W;
  const bars = histogram.tierCounts.flatMap((perTier, i) => {
    let base = H;
    return perTier.map((n, t) => {
      const h = (n / top) * (H - 10);
      base -= h;
      return n === 0
        ? nothing
        : svg`<rect x=${i * barW + 1} y=${base} width=${barW - 2} height=${h} fill=${COLOURS[t % COLOURS.length]}></rect>`;
    });
  });
  const lines = levels.map((level) => {
    const value = thresholdOf(level);
    return value === undefined
      ? nothing
      : svg`<line x1=${x(value)} x2=${x(value)} y1="0" y2=${H} stroke="#18181b" stroke-dasharray="4 3"></line>`;
  });
  const summary = histogram.tiers
    .map((t) => `${labelText(t.label, t.tier)} ${formatCount(t.customers)}`)
    .join(', ');
  const label = msg(
    str`Score histogram of ${formatCount(histogram.customers)} customers by tier: ${summary}`,
    { id: 'editor.histogram.label' },
  );
  return html`<figure class="histogram">
    <svg role="img" aria-label=${label} viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="none">${bars}${lines}</svg>
    <figcaption><ul class="legend">${histogram.tiers.map(
      (t, i) =>
        html`<li><svg class="swatch" aria-hidden="true" viewBox="0 0 10 10"><rect width="10" height="10" fill=${COLOURS[i % COLOURS.length]!}></rect></svg>${labelText(t.label, t.tier)}: ${formatCount(t.customers)}</li>`,
    )}</ul></figcaption>
    <details>
      <summary>${msg('The histogram as a table', { id: 'editor.histogram.table' })}</summary>
      <table>
        <thead><tr>
          <th scope="col">${msg('Score', { id: 'editor.histogram.score' })}</th>
          <th scope="col" class="num">${msg('Customers', { id: 'editor.histogram.customers' })}</th>
          ${histogram.tiers.map((t) => html`<th scope="col" class="num">${labelText(t.label, t.tier)}</th>`)}
        </tr></thead>
        <tbody>${histogram.counts.map(
          (n, i) => html`<tr>
            <th scope="row">${formatCount(histogram.edges[i] ?? 0)}–${formatCount(histogram.edges[i + 1] ?? 100)}</th>
            <td class="num">${formatCount(n)}</td>
            ${(histogram.tierCounts[i] ?? []).map((c) => html`<td class="num">${formatCount(c)}</td>`)}
          </tr>`,
        )}</tbody>
      </table>
    </details>
  </figure>`;
}

function quota(ctx: FormContext, levels: readonly Level[]) {
  return html`<table>
    <thead><tr><th scope="col">${msg('Tier', { id: 'editor.tiers.tier' })}</th><th scope="col">${msg('Share', { id: 'editor.tiers.share' })}</th></tr></thead>
    <tbody>${levels.map((level, i) => {
      const name = labelText(level.label, level.id);
      return html`<tr><th scope="row">${name}</th>
        <td>${level.share !== undefined ? textField(ctx, ['tiers', 'levels', i, 'share'], level.share, msg(str`Share of ${name}`, { id: 'editor.tiers.shareOf' }), 8) : html`<span class="muted">${msg('the rest', { id: 'editor.plot.rest' })}</span>`}</td></tr>`;
    })}</tbody>
  </table>`;
}

function criteria(levels: readonly Level[]) {
  return html`<ol class="criteria">${levels.map(
    (level) => html`<li><strong>${labelText(level.label, level.id)}</strong>:
      ${level.otherwise ? msg('everyone else', { id: 'editor.tiers.otherwise' }) : conditionText(level.when)}</li>`,
  )}</ol>`;
}

/** A condition as nested readable lines: all of / any of / not, then `fact op value`. */
export function conditionText(condition: Condition | undefined): TemplateResult | string {
  if (!condition) return '—';
  const all = condition.all as Condition[] | undefined;
  const any = condition.any as Condition[] | undefined;
  if (Array.isArray(all))
    return html`${msg('all of', { id: 'editor.condition.all' })}<ul>${all.map((c) => html`<li>${conditionText(c)}</li>`)}</ul>`;
  if (Array.isArray(any))
    return html`${msg('any of', { id: 'editor.condition.any' })}<ul>${any.map((c) => html`<li>${conditionText(c)}</li>`)}</ul>`;
  if (condition.not)
    return html`${msg('not', { id: 'editor.condition.not' })} ${conditionText(condition.not as Condition)}`;
  if (typeof condition.fact === 'string' && typeof condition.operator === 'string')
    return html`<code>${condition.fact} ${OPERATORS[condition.operator] ?? condition.operator} ${valueText(condition.value)}</code>`;
  return html`<code>${Object.entries(condition)
    .map(([k, v]) => `${k} ${valueText(v)}`)
    .join(' · ')}</code>`;
}

const OPERATORS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
};

const valueText = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

function matrix(
  m: { rows?: Axis; columns?: Axis; cells?: Record<string, Record<string, string>> } | undefined,
  levels: readonly Level[],
) {
  if (!m?.rows?.bands || !m.columns?.bands) return nothing;
  const tierName = (id: string | undefined) => {
    const level = levels.find((l) => l.id === id);
    return level ? labelText(level.label, level.id) : (id ?? '—');
  };
  return html`<table class="matrix">
    <caption>${labelText(m.rows.label, m.rows.fact ?? m.rows.dimension ?? '')} × ${labelText(m.columns.label, m.columns.fact ?? m.columns.dimension ?? '')}</caption>
    <thead><tr><td></td>${m.columns.bands.map((c) => html`<th scope="col">${labelText(c.label, c.id)}</th>`)}</tr></thead>
    <tbody>${m.rows.bands.map(
      (r) =>
        html`<tr><th scope="row">${labelText(r.label, r.id)}</th>${m.columns!.bands!.map((c) => html`<td>${tierName(m.cells?.[r.id]?.[c.id])}</td>`)}</tr>`,
    )}</tbody>
  </table>`;
}
