import type { DuckDBConnection } from '@duckdb/node-api';
import type { outcomeMembers } from '../compile/batch-outcomes.js';
import { emptyTally, type TierTally } from '../engine/tally.js';
import { duckdb, FRACTION_BITS, SMALLEST_BITS } from '../sql/dialect.js';

const q = duckdb.ident;

/** What a tally counts besides customers: the facts summed, and the classes and flags. */
export interface TallyPlan {
  /** Facts summed per tier, each a `fact:<id>` column of the policy's query. */
  facts: readonly string[];
  members?: ReturnType<typeof outcomeMembers>;
  /**
   * A BOOLEAN column of the policy's query: rows where it is not true are counted apart, as
   * `rejected`, and in no tier (a provisional load's check, src/duckdb/load-stage.ts).
   */
  ok?: string;
}

/** Per-tier figures (the untiered last), and the rows `ok` rejected. */
export interface Tally {
  tiers: TierTally[];
  rejected: number;
}

/** The level a row `ok` rejects is given. */
const REJECTED = -2;

/**
 * Per-tier figures of a policy's query computed inside DuckDB, so that no customer crosses into
 * JavaScript: customers, each class and flag, and the score's and facts' sums.
 *
 * The sums must be the exact sums JavaScript takes (ExactSum), whatever order DuckDB adds in, so
 * values are cut into integers that HUGEINT sums exactly and JavaScript adds back with their
 * powers of two (ExactSum.addScaled): as fixed point when every value allows (tallyFixedPoint),
 * else by binary exponent (tallyByExponent), which takes any double and costs a third more.
 */
export async function tallyPolicy(
  connection: DuckDBConnection,
  policyQuery: string,
  levels: number,
  plan: TallyPlan,
): Promise<Tally> {
  return (
    (await tallyFixedPoint(connection, policyQuery, levels, plan)) ??
    tallyByExponent(connection, policyQuery, levels, plan)
  );
}

/** The policy query's level (-1: none), values to sum (v<i>: the score, then the facts) and members (b<j>). */
function tallyInput(policyQuery: string, plan: TallyPlan) {
  const values = [q('score'), ...plan.facts.map((id) => q(`fact:${id}`))];
  const members = plan.members ? memberColumns(plan.members, 'r') : [];
  const level = `coalesce(CAST(r.${q('level')} AS INTEGER), -1)`;
  const columns = [
    `${plan.ok ? `CASE WHEN r.${q(plan.ok)} THEN ${level} ELSE ${REJECTED} END` : level} AS l`,
    ...values.map((c, i) => `CAST(r.${c} AS DOUBLE) AS v${i}`),
    ...members.map((m, j) => `${m} AS b${j}`),
  ];
  return {
    n: values.length,
    sql: `SELECT ${columns.join(', ')} FROM (${policyQuery}) r`,
    passed: ['l', ...values.map((_, i) => `v${i}`), ...members.map((_, j) => `b${j}`)],
    /** Each tier's counts, in the order tierCounts reads them. */
    counts: ['count(*)', ...values.map((_, i) => `count(v${i})`), ...members.map((_, j) => `sum(b${j})`)],
  };
}

/** A tier's counts as tallyInput's `counts` select them, from `at` in the row. */
function tierCounts(t: TierTally, row: readonly unknown[], at: number, n: number, plan: TallyPlan): void {
  let k = at;
  t.customers += Number(row[k++]);
  for (let i = 0; i < n; i++) valueSum(t, i, plan).count += Number(row[k++]);
  for (const { classifier, cls } of plan.members?.classes ?? [])
    add(t.classes, `${classifier}\u0000${cls}`, Number(row[k++]));
  for (const flag of plan.members?.flags ?? []) add(t.flags, flag, Number(row[k++]));
}

const valueSum = (t: TierTally, i: number, plan: TallyPlan) =>
  i === 0 ? t.score : t.facts[plan.facts[i - 1]!]!;

const emptyTallies = (levels: number, plan: TallyPlan): Tally => ({
  tiers: Array.from({ length: levels + 1 }, () => emptyTally(plan.facts)),
  rejected: 0,
});

/**
 * Each value as three BIGINTs summed exactly (a sum of BIGINT is a HUGEINT): its integer part, and
 * its fraction's two halves (× 2^44, then what is left × 2^88), when every value lies within
 * 2^-36 and 2^62 of zero (or is zero): a fraction's lowest bit is then no smaller than 2^-88, and
 * each part is an exact double that a BIGINT holds. Undefined when a value does not: one count
 * says so, in the same pass, and such a pass's sums are never read. BIGINT parts cost half what
 * HUGEINT casts did.
 */
export async function tallyFixedPoint(
  connection: DuckDBConnection,
  policyQuery: string,
  levels: number,
  plan: TallyPlan,
): Promise<Tally | undefined> {
  const input = tallyInput(policyQuery, plan);
  const { n } = input;
  const ok = (i: number) =>
    `(abs(v${i}) < ${2 ** FIXED_MAX_BITS} AND (v${i} = 0 OR abs(v${i}) >= ${2 ** -SMALLEST_BITS}))`;
  // TRY_CAST: a value outside (an infinity, NaN) must not stop the query before its count.
  const halves = Array.from({ length: n }, (_, i) => [
    `TRY_CAST(trunc(v${i}) AS BIGINT) AS h${i}`,
    `(v${i} - trunc(v${i})) * ${2 ** HALF_BITS} AS a${i}`,
  ]).flat();
  const parts = Array.from({ length: n }, (_, i) => [
    `h${i}`,
    `TRY_CAST(trunc(a${i}) AS BIGINT) AS f${i}`,
    `TRY_CAST((a${i} - trunc(a${i})) * ${2 ** HALF_BITS} AS BIGINT) AS g${i}`,
  ]).flat();
  const outside = Array.from({ length: n }, (_, i) => `NOT ${ok(i)}`).join(' OR ');
  const select = [
    'l',
    ...input.counts,
    ...Array.from({ length: n }, (_, i) => [`sum(h${i})`, `sum(f${i})`, `sum(g${i})`]).flat(),
    `count(*) FILTER (WHERE ${outside})`,
  ];
  const staged = `SELECT ${[...input.passed, ...parts].join(', ')} FROM (SELECT ${[...input.passed, ...halves].join(', ')} FROM (${input.sql}))`;
  const reader = await connection.runAndReadAll(`SELECT ${select.join(', ')} FROM (${staged}) GROUP BY l`);
  const rows = reader.getRows();
  if (rows.some((row) => Number(row[row.length - 1]) > 0)) return undefined;
  const tally = emptyTallies(levels, plan);
  for (const row of rows) {
    const level = Number(row[0]);
    if (level === REJECTED) {
      tally.rejected += Number(row[1]);
      continue;
    }
    const t = tally.tiers[level === -1 ? levels : level]!;
    tierCounts(t, row, 1, n, plan);
    const at = 1 + input.counts.length;
    for (let i = 0; i < n; i++) {
      const sum = valueSum(t, i, plan).sum;
      for (const [j, scale] of [0, -HALF_BITS, -2 * HALF_BITS].entries()) {
        const part = row[at + 3 * i + j];
        if (part !== null) sum.addScaled(BigInt(part as bigint), scale);
      }
    }
  }
  return tally;
}

const FIXED_MAX_BITS = 62;
/** Half the fraction's bits: 2 × 44 = FRACTION_BITS. */
const HALF_BITS = FRACTION_BITS / 2;

/**
 * Each value cut into its 53-bit integer mantissa and its binary exponent, the mantissas summed
 * per exponent (grouping sets, one per value) as HUGEINT. The exponent comes from log2, which may
 * miss by one next to a power of two: it is checked against the powers of two around it
 * (pow(2, n) is exact).
 */
export async function tallyByExponent(
  connection: DuckDBConnection,
  policyQuery: string,
  levels: number,
  plan: TallyPlan,
): Promise<Tally> {
  const input = tallyInput(policyQuery, plan);
  const { n, passed } = input;
  const each = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  // The exponent as log2 gives it, bounded below by the subnormals' (whose mantissa is scaled as theirs).
  const rough = each(
    (i) =>
      `CASE WHEN v${i} <> 0 THEN greatest(CAST(floor(log2(abs(v${i}))) AS INTEGER), ${MIN_EXPONENT}) END AS g${i}`,
  );
  const exact = each(
    (i) =>
      `g${i} + CASE WHEN abs(v${i}) >= pow(2.0, g${i} + 1) THEN 1 WHEN g${i} > ${MIN_EXPONENT} AND abs(v${i}) < pow(2.0, g${i}) THEN -1 ELSE 0 END AS e${i}`,
  );
  // Scaled by 2^(52 − e) in two steps: 2^1074 itself is no double.
  const mantissa = each((i) => {
    const shift = `(52 - e${i})`;
    return `CAST(v${i} * pow(2.0, ${shift} // 2) * pow(2.0, ${shift} - ${shift} // 2) AS BIGINT) AS m${i}`;
  });
  const staged = `SELECT ${[...passed, ...each((i) => `e${i}`), ...mantissa].join(', ')} FROM (SELECT ${[...passed, ...exact].join(', ')} FROM (SELECT ${[...passed, ...rough].join(', ')} FROM (${input.sql})))`;
  const select = [
    'l',
    ...each((i) => `GROUPING(e${i})`),
    ...each((i) => `e${i}`),
    ...input.counts,
    ...each((i) => `sum(m${i})`),
  ];
  const sets = ['(l)', ...each((i) => `(l, e${i})`)];
  const reader = await connection.runAndReadAll(
    `SELECT ${select.join(', ')} FROM (${staged}) GROUP BY GROUPING SETS (${sets.join(', ')})`,
  );
  const tally = emptyTallies(levels, plan);
  for (const row of reader.getRows()) {
    const level = Number(row[0]);
    // GROUPING() is 0 for the exponent a row of the set (l, e<i>) is grouped by.
    const which = each((i) => Number(row[1 + i]) === 0).indexOf(true);
    if (level === REJECTED) {
      if (which === -1) tally.rejected += Number(row[1 + 2 * n]);
      continue;
    }
    const t = tally.tiers[level === -1 ? levels : level]!;
    if (which === -1) {
      tierCounts(t, row, 1 + 2 * n, n, plan);
      continue;
    }
    const exponent = row[1 + n + which];
    const mantissas = row[1 + 2 * n + input.counts.length + which];
    // Zeros and missing values have no exponent and add nothing.
    if (exponent === null || mantissas === null) continue;
    valueSum(t, which, plan).sum.addScaled(BigInt(mantissas as bigint), Number(exponent) - 52);
  }
  return tally;
}

/** The smallest normal double's exponent: a subnormal's mantissa is read at this scale. */
const MIN_EXPONENT = -1022;

function add(counts: Map<string, number>, key: string, n: number): void {
  if (n > 0) counts.set(key, (counts.get(key) ?? 0) + n);
}

/**
 * 1 or 0 per class and flag, in outcomeMembers' order, read off a query compiled with `members`:
 * a `pick: first` classifier's class column, the other memberships' own columns.
 */
export function memberColumns(members: ReturnType<typeof outcomeMembers>, r: string): string[] {
  const one = (column: string) => `CAST(${r}.${q(column)} AS INTEGER)`;
  return [
    ...members.classes.map(({ classifier, cls, pick }) =>
      pick === 'first'
        ? `coalesce(CAST(${r}.${q(`class_${classifier}`)} = ${duckdb.text(cls)} AS INTEGER), 0)`
        : one(`class:${classifier}:${cls}`),
    ),
    ...members.flags.map((flag) => one(`flag:${flag}`)),
  ];
}
