import type { ScorecardPlan } from '../../../src/engine/scoring/scorecard.js';
import { rangeOf } from '../../../src/engine/tiers/thresholds.js';
import { fromBounds, type RangeBounds } from '../../../src/policy/analysis/interval.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import type { ScoringFunction } from '../../../src/policy/schema/scoring.js';

/**
 * ZEN expression text for the parts of a scorecard policy: what a GoRules user would type into
 * the JDM editor to reproduce it. Only what the peer comparison needs is supported (bands,
 * linear, lowerIsBetter; half-up rounding; score thresholds); anything else throws, so a policy
 * change cannot silently benchmark a different decision.
 */

/** The variable holding a metric's points: a table output in the graph, an assignment in the expression. */
export const pointsOf = (metric: string) => `p_${metric}`;

/** `x >= 1 and x < 5` in the unary form of a decision-table cell (`>= 1 and < 5`) or with a subject. */
export function rangeText(bounds: RangeBounds, subject = ''): string {
  const interval = fromBounds(bounds);
  const at = subject === '' ? '' : `${subject} `;
  const parts: string[] = [];
  if (interval.lo !== -Infinity) parts.push(`${at}${interval.loClosed ? '>=' : '>'} ${interval.lo}`);
  if (interval.hi !== Infinity) parts.push(`${at}${interval.hiClosed ? '<=' : '<'} ${interval.hi}`);
  return parts.join(' and ');
}

/** Points of a linear or lowerIsBetter metric, clamped as src/engine/scoring/functions.ts does. */
export function continuousPoints(fn: ScoringFunction, fact: string): string | undefined {
  const clamp = (points: string) => `(${fact} == null ? null : min([100, max([0, ${points}])]))`;
  if (fn.linear) return clamp(`(${fact} - (${fn.linear.from})) / (${fn.linear.to - fn.linear.from}) * 100`);
  if (fn.lowerIsBetter) {
    const { best, worst } = fn.lowerIsBetter;
    return clamp(`((${worst}) - ${fact}) / (${worst - best}) * 100`);
  }
  return undefined;
}

/** Points of any supported metric as one expression: bands become a chain of conditionals. */
export function metricPoints(fn: ScoringFunction, fact: string): string {
  const continuous = continuousPoints(fn, fact);
  if (continuous) return continuous;
  if (!fn.bands) throw new Error('the ZEN peer reproduces bands, linear and lowerIsBetter scoring only');
  const chain = fn.bands.map((band) => `${rangeText(band, fact) || 'true'} ? ${band.points} : `).join('');
  return `(${fact} == null ? null : ${chain}null)`;
}

/**
 * The weighted total, its rounding and the tier, as [name, expression] steps in order; `ref`
 * says how a step reads an earlier one (`$.name` in an expression node, `name` in one expression).
 */
export function scoreSteps(
  policy: Policy,
  plan: ScorecardPlan,
  ref: (name: string) => string,
): [string, string][] {
  if (plan.round !== 'half-up') throw new Error('the ZEN peer reproduces half-up rounding only');
  const required = plan.dimensions.flatMap((d) =>
    d.metrics.filter((m) => (m.missing ?? 'error') === 'error'),
  );
  const scored = required.map((m) => `${pointsOf(m.id)} != null`).join(' and ') || 'true';
  const steps: [string, string][] = [['scored', scored]];
  const dimensionTerms = plan.dimensions.map((dimension) => {
    const terms = dimension.metrics.map((m) => {
      const points = pointsOf(m.id);
      const missing = m.missing ?? 'error';
      if (missing === 'exclude')
        return {
          weighted: `(${points} == null ? 0 : ${m.weight} * ${points})`,
          weight: `(${points} == null ? 0 : ${m.weight})`,
        };
      const value = missing === 'error' ? points : `(${points} ?? ${missing.points})`;
      return { weighted: `${m.weight} * ${value}`, weight: String(m.weight) };
    });
    const weight = terms.map((t) => t.weight).join(' + ');
    const name = `d_${dimension.id}`;
    // the same order of operations as combine(): Σ(weight × points) / Σweight
    steps.push([
      name,
      `${ref('scored')} ? ((${weight}) == 0 ? null : (${terms.map((t) => t.weighted).join(' + ')}) / (${weight})) : null`,
    ]);
    return { points: ref(name), weight: dimension.weight };
  });
  const weighted = dimensionTerms
    .map((d) => `(${d.points} == null ? 0 : ${d.weight} * ${d.points})`)
    .join(' + ');
  const weight = dimensionTerms.map((d) => `(${d.points} == null ? 0 : ${d.weight})`).join(' + ');
  steps.push(['raw', `${ref('scored')} ? ((${weight}) == 0 ? 0 : (${weighted}) / (${weight})) : null`]);
  const factor = 10 ** plan.digits;
  const scaled = `${ref('raw')} * ${factor}`;
  // roundScore's tolerance: a total within 1e-9 (relative) of a half is the half the weights meant
  steps.push([
    'score',
    `${ref('raw')} == null ? null : floor(${scaled} + 0.5 + 0.000000001 * max([1, ${scaled}])) / ${factor}`,
  ]);
  steps.push(['tier', tierText(policy, ref('score'))]);
  return steps;
}

function tierText(policy: Policy, score: string): string {
  const tiers = policy.tiers;
  if (tiers?.method !== 'thresholds') throw new Error('the ZEN peer reproduces score thresholds only');
  const chain = tiers.levels
    .map((level) => `${rangeText(rangeOf(level), score) || 'true'} ? '${level.id}' : `)
    .join('');
  return `${score} == null ? null : ${chain}null`;
}
