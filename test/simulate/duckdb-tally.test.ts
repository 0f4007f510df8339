import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Duck, openDuck } from '../../src/duckdb/index.js';
import { exactSum } from '../../src/format/sum.js';
import {
  type Tally,
  tallyByExponent,
  tallyFixedPoint,
  tallyPolicy,
} from '../../src/simulate/duckdb-tally.js';

let duck: Duck;
beforeAll(async () => {
  duck = await openDuck({ threads: 2 });
});
afterAll(() => duck.close());

/** A double as a DuckDB literal that reads back as the same double. */
const literal = (x: number | null) =>
  x === null ? 'NULL' : Object.is(x, -0) ? "CAST('-0.0' AS DOUBLE)" : `CAST('${x}' AS DOUBLE)`;

/** What a policy's query gives a tally: a level (NULL: none), a score and a fact per customer. */
function policyQuery(rows: readonly [number | null, number | null, number | null][]): string {
  if (rows.length === 0) return `SELECT 0 AS level, 0.0 AS score, 0.0 AS "fact:x" WHERE FALSE`;
  const values = rows.map(([l, s, x]) => `(${l ?? 'NULL'}, ${literal(s)}, ${literal(x)})`);
  return `SELECT * FROM (VALUES ${values.join(', ')}) t(level, score, "fact:x")`;
}

type Rows = readonly [number | null, number | null, number | null][];

function expectSums({ tiers: tally, rejected }: Tally, rows: Rows) {
  expect(rejected).toBe(0);
  for (let k = 0; k <= 2; k++) {
    const mine = rows.filter(([l]) => (l ?? 2) === k);
    const scores = mine.flatMap(([, s]) => (s === null ? [] : [s]));
    const facts = mine.flatMap(([, , x]) => (x === null ? [] : [x]));
    const t = tally[k]!;
    expect(t.customers).toBe(mine.length);
    expect(t.score.count).toBe(scores.length);
    expect(t.score.sum.value).toBe(exactSum(scores));
    expect(t.facts.x!.count).toBe(facts.length);
    expect(t.facts.x!.sum.value).toBe(exactSum(facts));
  }
}

/** Both ways of summing, and the one tallyPolicy picks, give JavaScript's sums; `fixed`: whether fixed point can. */
async function expectExact(rows: Rows, fixed?: boolean) {
  const query = policyQuery(rows);
  const plan = { facts: ['x'] };
  expectSums(await tallyPolicy(duck.connection, query, 2, plan), rows);
  expectSums(await tallyByExponent(duck.connection, query, 2, plan), rows);
  const fixedPoint = await tallyFixedPoint(duck.connection, query, 2, plan);
  if (fixed !== undefined) expect(fixedPoint !== undefined).toBe(fixed);
  if (fixedPoint) expectSums(fixedPoint, rows);
}

describe('tallyPolicy: sums inside DuckDB', () => {
  it('are exact at the edges of the doubles: subnormals, the largest, powers of two and their neighbours', async () => {
    const edges = [
      2 ** -1074,
      -(2 ** -1074),
      2 ** -1022,
      2 ** -1022 - 2 ** -1074,
      1.7976931348623157e308,
      2 ** 1023,
      -(2 ** 1023),
      1,
      1 - 2 ** -53,
      1 + 2 ** -52,
      2 ** 52,
      2 ** 53 - 1,
      2 ** 53,
      0.1,
      0.2,
      0.3,
      -0,
      0,
      1e-300,
      123456.78,
      4503599627370497,
    ];
    const rows = edges.flatMap((x, i): [number | null, number | null, number | null][] => [
      [i % 3 === 2 ? null : i % 3, x, -x],
      [i % 2, x / 3, i % 4 === 0 ? null : x * 0.5],
    ]);
    await expectExact(
      rows.filter(([, s, x]) => Math.abs(s ?? 0) < 1e308 && Math.abs(x ?? 0) < 1e308),
      false,
    );
    await expectExact([[0, 1.7976931348623157e308, 1e308]], false);
    await expectExact([], true);
    // Fixed point's edges: 2^-36 and just below 2^62 are in; a value past either is not.
    await expectExact(
      [
        [0, 2 ** -36, 2 ** 62 - 2 ** 9],
        [0, -(2 ** -36), 0.1],
        [1, 1e-9, -(2 ** 61)],
        [1, 2 ** 40 + 2 ** -12, -(2 ** 62 - 2 ** 9)],
      ],
      true,
    );
    await expectExact([[0, 2 ** -36 * (1 - 2 ** -53), 1]], false);
    await expectExact([[0, 1, 2 ** 62]], false);
    await expectExact([[0, -(2 ** 62), 1]], false);
  });

  it('property: random levels, scores and facts give the sums and counts JavaScript takes', async () => {
    const value = fc.option(
      fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e200, max: 1e200 }),
        fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((c) => c / 100),
        fc.double({ noNaN: true, min: 0, max: 100 }).map((x) => Math.round(x * 100) / 100),
      ),
      { nil: null },
    );
    const row = fc.tuple(fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), value, value);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 80 }), (rows) => expectExact(rows)),
      { numRuns: 40 },
    );
    // Amounts and scores as customer files hold them: always within fixed point's reach.
    const amount = fc.option(
      fc.oneof(
        fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }).map((c) => c / 100),
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      ),
      { nil: null },
    );
    const customer = fc.tuple(fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), amount, amount);
    await fc.assert(
      fc.asyncProperty(fc.array(customer, { maxLength: 80 }), (rows) =>
        expectExact(
          rows,
          rows.every(([, s, x]) => [s, x].every((v) => v === null || v === 0 || Math.abs(v) >= 2 ** -36)),
        ),
      ),
      { numRuns: 40 },
    );
  });

  it('rows a check rejects (plan.ok false) are counted apart, in no tier and no sum, however the sums are taken', async () => {
    const rows: Rows = [
      [0, 1.5, 10],
      [1, 2.25, 0.1],
      [null, 3, 7],
      [0, 4, 40],
      [1, 0.5, null],
    ];
    const rejected = new Set([1, 3]);
    const query = `SELECT level, score, "fact:x", ok FROM (VALUES ${rows
      .map(([l, s, x], i) => `(${l ?? 'NULL'}, ${literal(s)}, ${literal(x)}, ${!rejected.has(i)})`)
      .join(', ')}) t(level, score, "fact:x", ok)`;
    const accepted = rows.filter((_, i) => !rejected.has(i));
    const plan = { facts: ['x'], ok: 'ok' };
    for (const tally of [
      await tallyPolicy(duck.connection, query, 2, plan),
      await tallyByExponent(duck.connection, query, 2, plan),
      await tallyFixedPoint(duck.connection, query, 2, plan),
    ]) {
      expect(tally).toBeDefined();
      expectSums({ ...tally!, rejected: 0 }, accepted);
      expect(tally!.rejected).toBe(2);
    }
  });
});
