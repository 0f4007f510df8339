import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { duckdb } from '../../src/sql/dialect.js';
import { propertyRuns } from '../helpers/runs.js';
import { CUSTOMERS, expected, policyOf, scenario } from './aggregate-scenarios.js';
import { memoryDuck, rows } from './harness.js';
import { aggregateQuery, appendLog, jsValue, keyTableSql, sqlValue } from './transactions.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await memoryDuck();
  for (const s of keyTableSql(duckdb, [...CUSTOMERS, 'nobody'], 'tw_keys')) await connection.run(s);
});
afterAll(() => connection?.closeSync());

describe('random logs × every aggregate kind, on DuckDB', () => {
  it('give every customer the JavaScript path’s value, bit for bit, in DST and fixed zones', async () => {
    let defined = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ zone, asOf, facts, transactions }) => {
        const policy = policyOf(zone, facts);
        await appendLog(connection, policy, transactions, 'tw_log');
        const compiled = aggregateSql(policy, asOf, duckdb, 'tw_log', { row: 'tw_row' });
        if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
        const got = new Map(
          (await rows(connection, aggregateQuery(duckdb, compiled, 'tw_keys'))).map((r) => [r.customer, r]),
        );
        const want = expected(facts, asOf, transactions);
        want.set('nobody', expected(facts, asOf, []).get('a')!);
        for (const [customer, values] of want)
          for (const id of Object.keys(facts)) {
            const value = jsValue(values[id]);
            if (value !== undefined) defined++;
            expect(sqlValue(got.get(customer)![id]), `${customer} ${id} ${JSON.stringify(facts[id])}`).toBe(
              value,
            );
          }
      }),
      { seed: 20261101, numRuns: propertyRuns(60, 500) },
    );
    expect(defined).toBeGreaterThan(0);
  });
});
