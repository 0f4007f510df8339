import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumsNeedNoOrder } from '../../src/duckdb/log-survey.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import type { Summation } from '../../src/sql/aggregates-streams.js';
import { duckdb } from '../../src/sql/dialect.js';
import { propertyRuns } from '../helpers/runs.js';
import { CUSTOMERS, expected, policyOf, type Scenario, scenario } from './aggregate-scenarios.js';
import { memoryDuck, rows } from './harness.js';
import {
  aggregateQuery,
  appendLog,
  jsValue,
  keyTableSql,
  type LoggedTransaction,
  sqlValue,
} from './transactions.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await memoryDuck();
  for (const s of keyTableSql(duckdb, [...CUSTOMERS, 'nobody'], 'tw_keys')) await connection.run(s);
});
afterAll(() => connection?.closeSync());

/**
 * Compiles, runs and compares one scenario: each customer's facts (and a customer without
 * transactions) as the JavaScript path gives them for the log in `order`; the number defined.
 */
async function compare(
  { zone, asOf, facts, transactions }: Scenario,
  row: string | undefined,
  summation: Summation = 'exact',
): Promise<number> {
  const policy = policyOf(zone, facts);
  await appendLog(connection, policy, transactions, 'tw_log');
  const compiled = aggregateSql(policy, asOf, duckdb, 'tw_log', { row, summation });
  if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
  const got = new Map(
    (await rows(connection, aggregateQuery(duckdb, compiled, 'tw_keys'))).map((r) => [r.customer, r]),
  );
  const want = expected(facts, asOf, transactions);
  want.set('nobody', expected(facts, asOf, []).get('a')!);
  let defined = 0;
  for (const [customer, values] of want)
    for (const id of Object.keys(facts)) {
      const value = signless(jsValue(values[id]));
      if (value !== undefined) defined++;
      expect(
        signless(sqlValue(got.get(customer)![id])),
        `${customer} ${id} ${JSON.stringify(facts[id])}`,
      ).toBe(value);
    }
  return defined;
}

/** −0 and 0 are one value to every comparison; which one MIN keeps among equals is the engine's. */
const signless = (v: number | undefined) => (v === 0 ? 0 : v);

describe('random logs × every aggregate kind, on DuckDB', () => {
  it('give every customer the JavaScript path’s value, bit for bit, in DST and fixed zones', async () => {
    let defined = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        defined += await compare(s, 'tw_row');
      }),
      { seed: 20261101, numRuns: propertyRuns(50, 500) },
    );
    expect(defined).toBeGreaterThan(0);
  });

  it('without a row order, sums add in time order (ties by value): a log kept in that order gives the JavaScript path’s', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const amount = (t: LoggedTransaction) => (typeof t.fields.amount === 'number' ? t.fields.amount : 0);
        const inTimeOrder = [...s.transactions].sort((a, b) => a.at - b.at || amount(a) - amount(b));
        await compare({ ...s, transactions: inTimeOrder }, undefined);
      }),
      { seed: 20261102, numRuns: propertyRuns(20, 200) },
    );
  });

  it('sum in any order where the log allows it: the same doubles as Neumaier in the log’s order', async () => {
    const checked = { unordered: 0, inOrder: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const policy = policyOf(s.zone, s.facts);
        await appendLog(connection, policy, s.transactions, 'tw_log');
        if (!(await sumsNeedNoOrder(connection, 'tw_log', policy))) {
          checked.inOrder++;
          return;
        }
        checked.unordered++;
        // The log shuffled: no order left for the sums to depend on.
        const shuffled = [...s.transactions].sort(
          (a, b) => hash(a.customer + a.at) - hash(b.customer + b.at),
        );
        await compare({ ...s, transactions: shuffled }, 'tw_row', 'unordered');
      }),
      { seed: 20261103, numRuns: propertyRuns(60, 400) },
    );
    // Cents and counts pass the check; tiny and huge doubles in one log do not.
    expect(checked.unordered).toBeGreaterThan(5);
    expect(checked.inOrder).toBeGreaterThan(5);
  });

  it('money: hundreds of amounts in cents, whose plain sums drift from the exact ones, summed in any order', async () => {
    const money = fc
      .tuple(
        scenario,
        fc.array(fc.integer({ min: -5_000, max: 2_000_000 }), { minLength: 100, maxLength: 400 }),
      )
      .filter(([s]) => s.transactions.length > 0)
      .map(([s, cents]) => ({
        ...s,
        transactions: cents.map((c, row) => {
          const t = s.transactions[row % s.transactions.length]!;
          return { ...t, row, fields: { ...t.fields, amount: c / 100 } };
        }),
      }));
    await fc.assert(
      fc.asyncProperty(money, async (s) => {
        const policy = policyOf(s.zone, s.facts);
        await appendLog(connection, policy, s.transactions, 'tw_log');
        expect(await sumsNeedNoOrder(connection, 'tw_log', policy)).toBe(true);
        const shuffled = [...s.transactions].sort(
          (a, b) => hash(a.customer + a.at) - hash(b.customer + b.at),
        );
        await compare({ ...s, transactions: shuffled }, 'tw_row', 'unordered');
      }),
      { seed: 20261104, numRuns: propertyRuns(30, 200) },
    );
  });

  it('the check refuses what it cannot vouch for: a tiny value beside large ones, beyond 2^78, below 2^-36', async () => {
    const policy = policyOf('UTC', {
      f0: { type: 'number', aggregate: 'sum', of: 'amount', from: 'transactions' },
    });
    const log = (amounts: number[]) =>
      amounts.map((amount, row) => ({
        customer: 'a',
        at: Date.UTC(2026, 0, 1) + row,
        row,
        fields: { amount },
      }));
    const passes = async (amounts: number[]) => {
      await appendLog(connection, policy, log(amounts), 'tw_log');
      return sumsNeedNoOrder(connection, 'tw_log', policy);
    };
    expect(await passes([0.1, 0.2, 1_000_000.07, -3, 0])).toBe(true);
    expect(await passes([])).toBe(true);
    expect(await passes([1e-3, 1e12])).toBe(false);
    expect(await passes([2 ** 78])).toBe(false);
    expect(await passes([2 ** -37])).toBe(false);
  });
});

/** A fixed scramble of the log's order (FNV-1a of a transaction's customer and instant). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
