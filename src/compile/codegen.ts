import type { ScorecardPlan } from '../engine/scoring/scorecard.js';
import { fromBounds, type Interval } from '../policy/analysis/interval.js';
import type { ScoringFunction } from '../policy/schema/scoring.js';

/**
 * A scorecard compiled to JavaScript source over columns, as ajv compiles a schema: no row
 * object, no closure per metric, numbers never boxed. The arithmetic is written out exactly as
 * src/engine/scoring (same operations, same order), so scores match the reference bit for bit;
 * test/compile/batch.test.ts holds it to that.
 *
 * The generated function fills `score` (NaN where a metric without a missing-value rule has no
 * points) for customers 0..n-1, reading columns by fact id and applying fact defaults.
 */
export type ColumnScorer = (
  columns: Readonly<Record<string, ArrayLike<unknown>>>,
  n: number,
  score: Float64Array,
) => void;

export function generateScorer(
  plan: ScorecardPlan,
  defaults: Readonly<Record<string, unknown>>,
  round: (raw: number) => number,
): ColumnScorer {
  const facts = [...new Set(plan.dimensions.flatMap((d) => d.metrics.map((m) => m.fact)))];
  const tables: Map<string, number>[] = [];
  const constants: unknown[] = [];
  const constant = (value: unknown) => {
    constants.push(value);
    return `k[${constants.length - 1}]`;
  };
  const lines: string[] = [];
  facts.forEach((fact, f) => {
    lines.push(`const c${f} = columns[${JSON.stringify(fact)}];`);
  });
  lines.push('outer: for (let i = 0; i < n; i++) {', 'let totalWeight = 0, totalWeighted = 0, v, p;');
  for (const dimension of plan.dimensions) {
    lines.push('{', 'let weightSum = 0, weighted = 0;');
    for (const metric of dimension.metrics) {
      const f = facts.indexOf(metric.fact);
      const fallback = Object.hasOwn(defaults, metric.fact) ? constant(defaults[metric.fact]) : 'undefined';
      lines.push(`v = c${f} === undefined ? undefined : c${f}[i];`);
      // A missing value (NaN in a Float64Array, undefined or null elsewhere) takes the fact's default.
      lines.push(`if (v === undefined || v === null || v !== v) v = ${fallback};`);
      lines.push(`p = (v === undefined || v === null) ? undefined : ${points(metric.fn, tables)};`);
      const rule = metric.missing ?? 'error';
      if (rule === 'error') lines.push('if (p === undefined) { score[i] = NaN; continue outer; }');
      else if (rule === 'exclude') lines.push('if (p !== undefined) {');
      else lines.push(`if (p === undefined) p = ${num(rule.points)};`, '{');
      if (rule !== 'error') {
        lines.push(`weightSum += ${num(metric.weight)};`, `weighted += ${num(metric.weight)} * p;`, '}');
      } else {
        lines.push(`weightSum += ${num(metric.weight)};`, `weighted += ${num(metric.weight)} * p;`);
      }
    }
    lines.push(
      'if (weightSum > 0) {',
      'const points = weighted / weightSum;',
      `totalWeight += ${num(dimension.weight)};`,
      `totalWeighted += ${num(dimension.weight)} * points;`,
      '}',
      '}',
    );
  }
  lines.push('score[i] = round(totalWeight > 0 ? totalWeighted / totalWeight : 0);', '}');
  const body = lines.join('\n');
  // Source generated from a checked policy (never from customer data): the compiler's whole point.
  const factory = new Function(
    'tables',
    'k',
    'round',
    `return function score(columns, n, score) {\n${body}\n};`,
  );
  return factory(tables, constants, round) as ColumnScorer;
}

/** The points expression of one scoring function, over `v` (known present), mirroring functions.ts. */
function points(fn: ScoringFunction, tables: Map<string, number>[]): string {
  if (fn.linear) {
    const { from, to } = fn.linear;
    return `(typeof v === 'number' ? Math.min(100, Math.max(0, ((v - ${num(from)}) / (${num(to)} - ${num(from)})) * 100)) : undefined)`;
  }
  if (fn.lowerIsBetter) {
    const { best, worst } = fn.lowerIsBetter;
    return `(typeof v === 'number' ? Math.min(100, Math.max(0, ((${num(worst)} - v) / (${num(worst)} - ${num(best)})) * 100)) : undefined)`;
  }
  if (fn.bands) {
    const tests = fn.bands.map((band) => {
      const i = fromBounds(band);
      const parts = ['true'];
      if (i.lo !== -Infinity) parts.push(i.loClosed ? `v >= ${num(i.lo)}` : `v > ${num(i.lo)}`);
      if (i.hi !== Infinity) parts.push(i.hiClosed ? `v <= ${num(i.hi)}` : `v < ${num(i.hi)}`);
      return `(${parts.join(' && ')}) ? ${num(band.points)}`;
    });
    return `(typeof v !== 'number' ? undefined : ${tests.join(' : ')} : undefined)`;
  }
  if (fn.categories) {
    tables.push(new Map(Object.entries(fn.categories)));
    return `((typeof v === 'string' || typeof v === 'boolean') ? tables[${tables.length - 1}].get(String(v)) : undefined)`;
  }
  return 'undefined';
}

/** A number literal that reads back as the same double. */
function num(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * Threshold tiers over a score column: the first range holding the score, written out as
 * comparisons (the ranges are the policy's, compared as `contains` does), -1 for none. Every
 * tier is written, so the caller need not fill the array.
 */
export function generateRanges(
  ranges: readonly Interval[],
): (score: Float64Array, tier: Int32Array, n: number) => void {
  const tests = ranges.map((r, k) => {
    const parts = ['true'];
    if (r.lo !== -Infinity) parts.push(r.loClosed ? `s >= ${num(r.lo)}` : `s > ${num(r.lo)}`);
    if (r.hi !== Infinity) parts.push(r.hiClosed ? `s <= ${num(r.hi)}` : `s < ${num(r.hi)}`);
    return `if (${parts.join(' && ')}) { tier[i] = ${k}; continue; }`;
  });
  // NaN fails every comparison but `true`: an unscored customer must stay without a tier.
  const body = `for (let i = 0; i < n; i++) {\nconst s = score[i];\nif (s === s) {\n${tests.join('\n')}\n}\ntier[i] = -1;\n}`;
  return new Function('score', 'tier', 'n', body) as (
    score: Float64Array,
    tier: Int32Array,
    n: number,
  ) => void;
}
