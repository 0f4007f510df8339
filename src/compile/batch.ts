import { topLevel } from '../engine/conditions/top-level.js';
import { roundScore } from '../engine/round.js';
import { planScorecard } from '../engine/scoring/scorecard.js';
import { NO_TIERS } from '../engine/tierless.js';
import { compareValues, levelEnds, sameValue } from '../engine/tiers/quota.js';
import { rangeOf } from '../engine/tiers/thresholds.js';
import type { AsOf } from '../facts/asof.js';
import { resolveDates } from '../facts/date-values.js';
import { fromBounds } from '../policy/analysis/interval.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Policy } from '../policy/schema/policy.js';
import { columnPreparer } from './batch-facts.js';
import { generateRanges, generateScorer } from './codegen.js';
import { compileTest } from './conditions.js';
import { compileMatrixDecision } from './matrix.js';

/**
 * A population as columns: one array per fact, customer i at index i. Numbers may come as a
 * Float64Array with NaN for a missing value; anything else as a plain array with undefined.
 */
export interface Columns {
  length: number;
  /** The customer keys: the last tie-break of quotas. */
  keys: readonly string[];
  facts: Readonly<Record<string, ArrayLike<unknown>>>;
}

export interface BatchResult {
  /** Index of each customer's tier in policy.tiers.levels, or -1 for none. */
  tier: Int32Array;
  /** Each customer's rounded score, NaN when unscored. */
  score: Float64Array;
}

/**
 * The compiled policy for simulations over whole populations: tiers and scores into typed
 * arrays, no object per customer. One row object is reused and refilled for every customer, so
 * the compiled conditions and scorecard see the shape they were compiled against. Results equal
 * compilePolicy().evaluate() (test/compile/batch.test.ts).
 */
export interface CompiledBatch {
  /**
   * Tiers and scores of `columns`. `rank: false` leaves quota tiers unassigned (-1), for callers
   * that score a population chunk by chunk and rank it once at the end with rankQuota.
   */
  run(columns: Columns, options?: { rank?: boolean; prepared?: boolean }): BatchResult;
  /**
   * The columns as evaluation reads them: date facts as instants, derived facts computed. `run`
   * does this itself unless told `prepared: true`; callers that also read the facts (revenue,
   * findings) prepare once and pass the result to both.
   */
  prepare<C extends Columns>(columns: C): C;
}

export function compileBatch(given: Policy, options: { asOf?: AsOf } = {}): CompiledBatch {
  // Dates compared in conditions become instants for this as-of (the batch is built per run).
  const policy = resolveDates(given, options.asOf);
  const tiers = policy.tiers ?? NO_TIERS;
  const prepareColumns = columnPreparer(policy, options.asOf);
  const factIds = Object.keys(policy.facts ?? {});
  const plan = planScorecard(policy);
  const thresholds = tiers.levels.map((l) => fromBounds(rangeOf(l)));
  const named = policy.conditions ?? {};
  const criteria = tiers.levels.map((l) =>
    l.when ? compileTest(topLevel(l.when) as unknown as Condition, named) : undefined,
  );
  const otherwise = tiers.levels.findIndex((l) => l.otherwise);
  const matrix = tiers.matrix ? compileMatrixDecision(policy) : undefined;

  const generated = plan
    ? generateScorer(
        plan,
        Object.fromEntries(
          factIds
            .filter((id) => policy.facts![id]!.default !== undefined)
            .map((id) => [id, policy.facts![id]!.default]),
        ),
        (raw) => roundScore(raw, plan.round, plan.digits),
      )
    : undefined;
  const needsRow = tiers.method === 'criteria' || tiers.method === 'matrix';
  const placeInRanges = generateRanges(thresholds);

  return {
    prepare: <C extends Columns>(columns: C): C =>
      prepareColumns ? (prepareColumns(columns) as C) : columns,
    run(given, options = {}) {
      const columns = prepareColumns && !options.prepared ? prepareColumns(given) : given;
      const n = columns.length;
      // The generated scorer writes every score and the generated ranges every tier: no fill needed.
      const tier = tiers.method === 'thresholds' ? new Int32Array(n) : new Int32Array(n).fill(-1);
      const score = generated ? new Float64Array(n) : new Float64Array(n).fill(Number.NaN);
      generated?.(columns.facts, n, score);
      if (tiers.method === 'thresholds') {
        placeInRanges(score, tier, n);
      } else if (needsRow) {
        const { row, fill } = rowFiller(policy, columns);
        for (let i = 0; i < n; i++) {
          fill(i);
          const total = Number.isNaN(score[i]!) ? undefined : score[i];
          if (tiers.method === 'matrix') {
            tier[i] = matrix!(row, total);
            continue;
          }
          if (total !== undefined) row.score = total;
          for (let k = 0; k < criteria.length; k++) {
            if (k === otherwise || criteria[k]?.(row)) {
              tier[i] = k;
              break;
            }
          }
          if (total !== undefined) row.score = undefined;
        }
      }
      if (tiers.method === 'quota' && options.rank !== false) rankQuota(policy, columns, score, tier);
      return { tier, score };
    },
  };
}

/**
 * Conditions read facts by name: one row object, refilled for customer i with its values (a
 * missing one, NaN or undefined, takes the fact's default), keeps the shape they were compiled
 * against.
 */
export function rowFiller(
  policy: Policy,
  columns: Columns,
): { row: Record<string, unknown>; fill(i: number): void } {
  const factIds = Object.keys(policy.facts ?? {});
  const defaults = factIds.map((id) => policy.facts![id]!.default);
  const row: Record<string, unknown> = Object.fromEntries(factIds.map((id) => [id, undefined]));
  const sources = factIds.map((id) => columns.facts[id]);
  return {
    row,
    fill(i) {
      for (let f = 0; f < factIds.length; f++) {
        let value = sources[f]?.[i];
        if (typeof value === 'number' && Number.isNaN(value)) value = undefined;
        row[factIds[f]!] = value === undefined || value === null ? defaults[f] : value;
      }
    },
  };
}

/** The facts a quota ranking reads besides the score: its rankBy fact and tie-breaks. */
export function quotaFacts(policy: Policy): string[] {
  const quota = policy.tiers?.quota ?? {};
  const facts = (quota.tieBreak ?? []).map((k) => k.fact);
  if (quota.rankBy !== undefined && quota.rankBy !== 'score') facts.unshift(quota.rankBy);
  return [...new Set(facts)];
}

/**
 * Quota tiers with typed arrays: customers sorted by index on the ranking value (high first),
 * the tie-break columns and the key, exactly the order src/engine/tiers/quota.ts defines.
 */
export function rankQuota(policy: Policy, columns: Columns, score: Float64Array, tier: Int32Array): void {
  const tiers = policy.tiers!;
  const quota = tiers.quota ?? {};
  const rankBy = quota.rankBy ?? 'score';
  const n = columns.length;
  const value = new Float64Array(n);
  // A fact's default stands in for a missing value here too, as it does in the object path.
  const column = (fact: string): ArrayLike<unknown> | undefined => {
    const raw = columns.facts[fact];
    const fallback = policy.facts?.[fact]?.default;
    if (fallback === undefined || !raw) return raw;
    return Array.from({ length: n }, (_, i) => {
      const v = raw[i];
      return v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v)) ? fallback : v;
    });
  };
  const source = rankBy === 'score' ? undefined : column(rankBy);
  let ranked = 0;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = source ? source[i] : score[i];
    value[i] = typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
    if (!Number.isNaN(value[i]!)) order[ranked++] = i;
  }
  const keys = (quota.tieBreak ?? []).map((k) => ({
    column: column(k.fact),
    sign: k.order === 'asc' ? 1 : -1,
  }));
  const ids = columns.keys;
  const sorted = order.subarray(0, ranked).sort((a, b) => {
    if (value[a] !== value[b]) return value[b]! - value[a]!;
    for (const key of keys) {
      const c = compareValues(key.column?.[a], key.column?.[b]) * key.sign;
      if (c !== 0) return c;
    }
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
  });
  const ends = levelEnds(tiers, ranked, quota.rounding ?? 'nearest');
  let level = 0;
  for (let r = 0; r < ranked; r++) {
    while (level < ends.length - 1 && r + 1 > ends[level]!) level++;
    tier[sorted[r]!] = level;
  }
  if (quota.ties === 'together') {
    for (let r = 1; r < ranked; r++) {
      const a = sorted[r - 1]!;
      const b = sorted[r]!;
      if (
        tier[b]! > tier[a]! &&
        value[a] === value[b] &&
        keys.every((k) => sameValue(k.column?.[a], k.column?.[b]))
      )
        tier[b] = tier[a]!;
    }
  }
}
