import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatNumber } from '../../format.js';
import type { Dimension, Metric, PolicyShape } from '../policy-shape.js';
import { weightSums } from '../weights.js';
import { type FormContext, labelText, numberField, problemsAt, textField } from './context.js';
import { scoringPlot } from './scoring-plot.js';

/** Dimensions and their metrics: weights (with each level's sum), labels, scoring functions. */
export function dimensionsSection(ctx: FormContext) {
  const dimensions = ctx.policy.dimensions;
  if (!dimensions || Object.keys(dimensions).length === 0) return nothing;
  const sums = new Map(weightSums(dimensions).map((s) => [s.level, s.sum]));
  return html`<section class="card" aria-labelledby="dimensions-title">
    <h2 id="dimensions-title">${msg('Dimensions and weights', { id: 'editor.dimensions.title' })}</h2>
    <div class="row">${msg('Dimension weights', { id: 'editor.dimensions.weights' })}: ${sumText(sums.get('dimensions') ?? 0)}</div>
    ${Object.entries(dimensions).map(([id, d]) => dimension(ctx, id, d ?? {}, sums.get(id) ?? 0))}
    ${problemsAt(ctx, '/dimensions')}
  </section>`;
}

/** The sum of a level's weights: plain when 100, red with words when not (not colour alone). */
function sumText(sum: number) {
  const figure = formatNumber(sum, 2);
  return sum === 100
    ? html`<output class="sum ok">${msg(str`sum ${figure}`, { id: 'editor.weights.sum' })}</output>`
    : html`<output class="sum bad">${msg(str`sum ${figure}, not 100`, { id: 'editor.weights.notHundred' })}</output>`;
}

function dimension(ctx: FormContext, id: string, d: Dimension, sum: number) {
  const name = labelText(d.label, id);
  const facts = (ctx.policy as PolicyShape).facts ?? {};
  return html`<fieldset class="dimension">
    <legend>${name} <code>${id}</code></legend>
    <div class="row">
      <span>${msg('Weight', { id: 'editor.dimensions.weight' })}</span>
      ${numberField(ctx, ['dimensions', id, 'weight'], d.weight, msg(str`Weight of ${name}`, { id: 'editor.dimensions.weightOf' }), { min: 0, max: 100 })}
      <span>${msg('Metric weights', { id: 'editor.dimensions.metricWeights' })}: ${sumText(sum)}</span>
    </div>
    <div class="row">
      ${textField(ctx, ['dimensions', id, 'label', 'zh-CN'], d.label?.['zh-CN'], msg(str`Chinese label of ${id}`, { id: 'editor.facts.labelZh' }), 16)}
      ${textField(ctx, ['dimensions', id, 'label', 'en'], d.label?.en, msg(str`English label of ${id}`, { id: 'editor.facts.labelEn' }), 20)}
    </div>
    <div class="scroll"><table>
      <thead><tr>
        <th scope="col">${msg('Metric', { id: 'editor.metrics.id' })}</th>
        <th scope="col">${msg('Fact', { id: 'editor.facts.id' })}</th>
        <th scope="col" class="num">${msg('Weight', { id: 'editor.dimensions.weight' })}</th>
        <th scope="col">${msg('Points', { id: 'editor.metrics.points' })}</th>
      </tr></thead>
      <tbody>${Object.entries(d.metrics ?? {}).map(([metricId, m]) => metric(ctx, id, metricId, m ?? {}, facts))}</tbody>
    </table></div>
  </fieldset>`;
}

function metric(
  ctx: FormContext,
  dimensionId: string,
  id: string,
  m: Metric,
  facts: PolicyShape['facts'] & object,
) {
  const factId = m.fact ?? id;
  const name = labelText(m.label, id);
  return html`<tr>
    <th scope="row">${name} <code>${id}</code></th>
    <td><code>${factId}</code></td>
    <td class="num">${numberField(ctx, ['dimensions', dimensionId, 'metrics', id, 'weight'], m.weight, msg(str`Weight of ${name}`, { id: 'editor.dimensions.weightOf' }), { min: 0, max: 100 })}</td>
    <td>${scoringPlot(m.score, labelText(facts[factId]?.label, factId))}</td>
  </tr>`;
}
