import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import type { Metric, ScoringFunction } from '../../policy/schema/scoring.js';
import { metricFact } from '../../policy/walk.js';
import { maskValue } from '../../privacy/mask.js';
import { roundScore } from '../round.js';
import { applyScoring, matchBand } from './functions.js';

export type MetricStatus = 'scored' | 'missing-points' | 'excluded' | 'error';

export interface MetricScore {
  dimension: string;
  metric: string;
  fact: string;
  value: unknown;
  /** Points 0–100, or undefined when the metric was excluded or could not be scored. */
  points?: number;
  status: MetricStatus;
  /** Why a metric was not scored from its value: missing, or no band/category for it. */
  reason?: 'missing' | 'no-match';
  /** Index of the band that matched, for explanations. */
  band?: number;
  /** Declared weight within the dimension (points out of 100). */
  weight: number;
  /** Fraction of the total score this metric carries after exclusions (0–1). */
  share: number;
  /** share × points: what this metric adds to the unrounded total. */
  contribution: number;
}

export interface DimensionScore {
  dimension: string;
  weight: number;
  share: number;
  /** The dimension's own 0–100 score. */
  points?: number;
  contribution: number;
  excluded: boolean;
}

export interface ScoreBreakdown {
  /** Unrounded total. */
  raw: number;
  /** Total after the policy's rounding: what tiers compare. */
  total: number;
  dimensions: DimensionScore[];
  metrics: MetricScore[];
}

/** A scorecard compiled once per policy: dimension and metric order, functions and weights. */
export interface ScorecardPlan {
  dimensions: {
    id: string;
    weight: number;
    metrics: {
      id: string;
      fact: string;
      weight: number;
      fn: ScoringFunction;
      missing: Metric['missing'];
      /** The fact is personal data: a finding quotes its value masked. */
      pii: boolean;
    }[];
  }[];
  round: NonNullable<NonNullable<Policy['score']>['round']>;
  digits: number;
}

export function planScorecard(policy: Policy): ScorecardPlan | undefined {
  if (!policy.dimensions) return undefined;
  return {
    dimensions: Object.entries(policy.dimensions).map(([id, d]) => ({
      id,
      weight: d.weight,
      metrics: Object.entries(d.metrics).map(([metricId, m]) => ({
        id: metricId,
        fact: metricFact(metricId, m),
        weight: m.weight,
        fn: m.score,
        missing: m.missing,
        pii: policy.facts?.[metricFact(metricId, m)]?.pii === true,
      })),
    })),
    round: policy.score?.round ?? 'half-up',
    digits: policy.score?.digits ?? 0,
  };
}

/**
 * The weighted score of one customer, exactly as docs/language.md states it: metrics without a
 * value follow their `missing` rule; excluded metrics (and dimensions left empty) hand their
 * weight to the rest in proportion; the total is rounded once.
 */
export function scoreCustomer(
  plan: ScorecardPlan,
  facts: Readonly<Record<string, unknown>>,
  customer: string,
): { breakdown?: ScoreBreakdown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const metrics: MetricScore[] = [];
  const dimensionSums: { weightSum: number; weighted: number }[] = [];
  for (const dimension of plan.dimensions) {
    let weightSum = 0;
    let weighted = 0;
    for (const metric of dimension.metrics) {
      const value = facts[metric.fact];
      const scored = value === undefined || value === null ? undefined : applyScoring(metric.fn, value);
      const reason =
        scored !== undefined ? undefined : value === undefined || value === null ? 'missing' : 'no-match';
      let points = scored;
      let status: MetricStatus = 'scored';
      if (points === undefined) {
        const rule = metric.missing ?? 'error';
        if (rule === 'exclude') status = 'excluded';
        else if (rule === 'error') {
          status = 'error';
          diagnostics.push(
            missingDiagnostic(
              customer,
              dimension.id,
              metric.id,
              metric.fact,
              metric.pii ? maskValue(value) : value,
              reason!,
            ),
          );
        } else {
          status = 'missing-points';
          points = rule.points;
        }
      }
      const band =
        metric.fn.bands && typeof value === 'number' ? matchBand(metric.fn.bands, value)?.index : undefined;
      metrics.push({
        dimension: dimension.id,
        metric: metric.id,
        fact: metric.fact,
        value,
        points,
        status,
        reason,
        band,
        weight: metric.weight,
        share: 0,
        contribution: 0,
      });
      if (points !== undefined) {
        weightSum += metric.weight;
        weighted += metric.weight * points;
      }
    }
    dimensionSums.push({ weightSum, weighted });
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { breakdown: combine(plan, dimensionSums, metrics), diagnostics };
}

/**
 * The arithmetic, in one place so that every path computes the same bits: a dimension's points
 * are Σ(weight × points) / Σweight of its scored metrics; the total is Σ(weight × points) /
 * Σweight over dimensions that kept any metric.
 */
export function combine(
  plan: ScorecardPlan,
  sums: readonly { weightSum: number; weighted: number }[],
  metrics: MetricScore[],
): ScoreBreakdown {
  let totalWeight = 0;
  let totalWeighted = 0;
  const dimensionPoints: (number | undefined)[] = [];
  plan.dimensions.forEach((dimension, i) => {
    const { weightSum, weighted } = sums[i]!;
    const points = weightSum > 0 ? weighted / weightSum : undefined;
    dimensionPoints.push(points);
    if (points !== undefined) {
      totalWeight += dimension.weight;
      totalWeighted += dimension.weight * points;
    }
  });
  const raw = totalWeight > 0 ? totalWeighted / totalWeight : 0;
  const dimensions: DimensionScore[] = plan.dimensions.map((dimension, i) => {
    const points = dimensionPoints[i];
    const share = points === undefined || totalWeight === 0 ? 0 : dimension.weight / totalWeight;
    return {
      dimension: dimension.id,
      weight: dimension.weight,
      share,
      points,
      contribution: points === undefined ? 0 : share * points,
      excluded: points === undefined,
    };
  });
  let k = 0;
  plan.dimensions.forEach((dimension, i) => {
    const { weightSum } = sums[i]!;
    for (const _ of dimension.metrics) {
      const metric = metrics[k++]!;
      if (metric.points === undefined || weightSum === 0) continue;
      metric.share = dimensions[i]!.share * (metric.weight / weightSum);
      metric.contribution = metric.share * metric.points;
    }
  });
  return { raw, total: roundScore(raw, plan.round, plan.digits), dimensions, metrics };
}

function missingDiagnostic(
  customer: string,
  dimension: string,
  metric: string,
  fact: string,
  value: unknown,
  reason: 'missing' | 'no-match',
): Diagnostic {
  return diagnostic(
    'TW0701',
    msg('explain.metricUnscored', {
      customer,
      fact,
      value: JSON.stringify(value) ?? '',
      metric,
      key: `${dimension}.${metric}`,
      missing: reason === 'missing',
    }),
    { pointer: `/dimensions/${dimension}/metrics/${metric}`, help: msg('explain.metricUnscoredHelp') },
  );
}
