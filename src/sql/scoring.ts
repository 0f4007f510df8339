import type { ScorecardPlan } from '../engine/scoring/scorecard.js';
import { fromBounds, type Interval } from '../policy/analysis/interval.js';
import type { Rounding, ScoringFunction } from '../policy/schema/scoring.js';
import type { Dialect } from './dialect.js';
import type { Column } from './scope.js';

/**
 * The scorecard in SQL with the arithmetic of src/engine/scoring (same operations, same order),
 * so a total computed by the database is the same double the engine computes: points per metric,
 * Σ(weight × points) ÷ Σweight per dimension over the metrics that kept points, the same over
 * dimensions, then the policy's rounding.
 */

/** A metric's points, or NULL when it has none from its value (missing, or no band or category). */
export function pointsSql(fn: ScoringFunction, value: Column, d: Dialect): string {
  const x = value.sql;
  const clamp = (sql: string) => `LEAST(${d.num(100)}, GREATEST(${d.num(0)}, ${sql}))`;
  if (fn.linear || fn.lowerIsBetter) {
    if (value.kind !== 'number') return 'NULL';
    const share = fn.linear
      ? `((${x} - ${d.num(fn.linear.from)}) / ${d.num(fn.linear.to - fn.linear.from)})`
      : `((${d.num(fn.lowerIsBetter!.worst)} - ${x}) / ${d.num(fn.lowerIsBetter!.worst - fn.lowerIsBetter!.best)})`;
    // share × 100 clamped to [0, 100] is 100 from share ≥ 1 and 0 from share ≤ 0 whatever the product;
    // deciding those first keeps PostgreSQL from an overflow error on a share near the double limit.
    const line = `CASE WHEN ${share} >= ${d.num(1)} THEN ${d.num(100)} WHEN ${share} <= ${d.num(0)} THEN ${d.num(0)} ELSE ${share} * ${d.num(100)} END`;
    // LEAST and GREATEST skip a NULL argument in some engines: keep a missing value missing.
    return `CASE WHEN ${x} IS NULL THEN NULL ELSE ${clamp(line)} END`;
  }
  if (fn.bands) {
    if (value.kind !== 'number') return 'NULL';
    const arms = fn.bands.map((b) => `WHEN ${inInterval(x, fromBounds(b), d)} THEN ${d.num(b.points)}`);
    return `CASE ${arms.join(' ')} ELSE NULL END`;
  }
  if (fn.categories) {
    if (value.kind !== 'string' && value.kind !== 'boolean') return 'NULL';
    const text = value.kind === 'boolean' ? `CASE WHEN ${x} THEN 'true' WHEN NOT ${x} THEN 'false' END` : x;
    const arms = Object.entries(fn.categories).map(([k, p]) => `WHEN ${d.text(k)} THEN ${d.num(p)}`);
    return `CASE ${text} ${arms.join(' ')} ELSE NULL END`;
  }
  return 'NULL';
}

/** x ∈ interval, for a non-NULL x (a NULL x gives NULL, which CASE reads as no match). */
export function inInterval(x: string, i: Interval, d: Dialect): string {
  if (Number.isNaN(i.lo) || Number.isNaN(i.hi)) return 'FALSE';
  const parts: string[] = [];
  if (Number.isFinite(i.lo)) parts.push(`${x} ${i.loClosed ? '>=' : '>'} ${d.num(i.lo)}`);
  else if (i.loClosed === false && i.lo === Number.POSITIVE_INFINITY) parts.push('FALSE');
  if (Number.isFinite(i.hi)) parts.push(`${x} ${i.hiClosed ? '<=' : '<'} ${d.num(i.hi)}`);
  else if (i.hi === Number.NEGATIVE_INFINITY) parts.push('FALSE');
  return parts.length === 0 ? `${x} IS NOT NULL` : `(${parts.join(' AND ')})`;
}

export interface ScoreColumns {
  /** Per dimension: its points, NULL when no metric kept points (or the customer is unscored). */
  dimensions: string[];
  /** NULL when a metric whose `missing` is error has no points. */
  raw: string;
}

/**
 * Given the column holding each metric's points (plan order), the dimension points and the raw
 * total. `missing` rules: exclude drops the metric, `{ points }` stands in, error leaves the
 * customer unscored.
 */
export function scoreSql(plan: ScorecardPlan, points: readonly string[][], d: Dialect): ScoreColumns {
  const errors: string[] = [];
  const dimensions = plan.dimensions.map((dimension, i) => {
    let weighted = d.num(0);
    let weightSum = d.num(0);
    dimension.metrics.forEach((metric, k) => {
      const p = points[i]![k]!;
      const rule = metric.missing ?? 'error';
      if (rule === 'error') errors.push(`${p} IS NULL`);
      const stand = typeof rule === 'object' ? `COALESCE(${p}, ${d.num(rule.points)})` : p;
      const w = d.num(metric.weight);
      const kept = typeof rule === 'object' ? 'TRUE' : `${p} IS NOT NULL`;
      weighted = `(${weighted} + CASE WHEN ${kept} THEN ${w} * ${stand} ELSE ${d.num(0)} END)`;
      weightSum = `(${weightSum} + CASE WHEN ${kept} THEN ${w} ELSE ${d.num(0)} END)`;
    });
    return `CASE WHEN ${weightSum} > ${d.num(0)} THEN ${weighted} / ${weightSum} ELSE NULL END`;
  });
  return { dimensions, raw: errors.length === 0 ? 'TRUE' : `NOT (${errors.join(' OR ')})` };
}

/** The total from dimension point columns: Σ(weight × points) ÷ Σweight, 0 when none kept points. */
export function totalSql(plan: ScorecardPlan, dimensionColumns: readonly string[], d: Dialect): string {
  let weighted = d.num(0);
  let weightSum = d.num(0);
  plan.dimensions.forEach((dimension, i) => {
    const p = dimensionColumns[i]!;
    const w = d.num(dimension.weight);
    weighted = `(${weighted} + CASE WHEN ${p} IS NOT NULL THEN ${w} * ${p} ELSE ${d.num(0)} END)`;
    weightSum = `(${weightSum} + CASE WHEN ${p} IS NOT NULL THEN ${w} ELSE ${d.num(0)} END)`;
  });
  return `CASE WHEN ${weightSum} > ${d.num(0)} THEN ${weighted} / ${weightSum} ELSE ${d.num(0)} END`;
}

/**
 * roundScore (src/engine/round.ts) over a column of raw totals, in three steps the caller puts
 * in successive SELECTs so no expression is repeated: scaled, snapped, rounded.
 */
export function roundingSql(mode: Rounding, digits: number, d: Dialect) {
  const factor = d.num(10 ** digits);
  const tolerance = d.num(1e-9);
  const one = d.num(1);
  const half = d.num(0.5);
  const jsRound = (x: string) =>
    `CASE WHEN ${x} - ${d.floor(x)} >= ${half} THEN ${d.floor(x)} + ${one} ELSE ${d.floor(x)} END`;
  return {
    scaled: (raw: string) => `${raw} * ${factor}`,
    snapped: (scaled: string) => {
      const nearest = jsRound(scaled);
      return `CASE WHEN ABS(${scaled} - (${nearest})) <= ${tolerance} * GREATEST(${one}, ABS(${scaled})) THEN ${nearest} ELSE ${scaled} END`;
    },
    rounded: (snapped: string, scaled: string, raw: string) => {
      if (mode === 'none') return raw;
      const floor = d.floor(snapped);
      const isHalf = `ABS((${snapped} - ${floor}) - ${half}) <= ${tolerance} * GREATEST(${one}, ABS(${scaled}))`;
      let result: string;
      switch (mode) {
        case 'floor':
          result = floor;
          break;
        case 'ceil':
          result = d.ceil(snapped);
          break;
        case 'half-even': {
          const even = `CASE WHEN ${floor} - ${d.num(2)} * ${d.floor(`${floor} / ${d.num(2)}`)} = ${d.num(0)} THEN ${floor} ELSE ${floor} + ${one} END`;
          result = `CASE WHEN ${isHalf} THEN ${even} ELSE ${jsRound(snapped)} END`;
          break;
        }
        default:
          result = `CASE WHEN ${isHalf} THEN ${floor} + ${one} ELSE ${jsRound(snapped)} END`;
      }
      return `(${result}) / ${factor}`;
    },
  };
}
