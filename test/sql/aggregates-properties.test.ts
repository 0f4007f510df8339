import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateSql } from '../../src/sql/aggregates.js';
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
): Promise<number> {
  const policy = policyOf(zone, facts);
  await appendLog(connection, policy, transactions, 'tw_log');
  const compiled = aggregateSql(policy, asOf, duckdb, 'tw_log', { row });
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
});
