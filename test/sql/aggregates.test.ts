import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { DIALECTS, dialectOf, duckdb } from '../../src/sql/dialect.js';
import { bundled, CUSTOMERS, differences, merged, TRANSACTIONS } from './bundled-aggregates.js';
import { memoryDuck, rows } from './harness.js';
import { aggregateQuery, appendLog, keyTableSql, readLog } from './transactions.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await memoryDuck();
});
afterAll(() => connection?.closeSync());

describe('the bundled policies’ aggregates × the bundled log', () => {
  it('every aggregate fact of every customer, computed on DuckDB, is the JavaScript path’s, as of 2026-11-01', async () => {
    const policies = await bundled();
    expect(policies.length).toBeGreaterThan(5);
    const policy = merged(policies);
    const asOf = parseAsOf('2026-11-01', { timezone: policy.metadata.timezone }) as AsOf;
    const { customers, failed } = await loadCustomers(policy, {
      customers: CUSTOMERS,
      transactions: TRANSACTIONS,
      asOf: '2026-11-01',
    });
    expect(failed).toBe(false);
    const keys = customers.map((c) => c.id);
    await appendLog(connection, policy, await readLog(policy, TRANSACTIONS, keys), 'tw_log');
    for (const s of keyTableSql(duckdb, keys, 'tw_keys')) await connection.run(s);
    const compiled = aggregateSql(policy, asOf, duckdb, 'tw_log', { row: 'tw_row' });
    if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
    const got = new Map(
      (await rows(connection, aggregateQuery(duckdb, compiled, 'tw_keys'))).map((r) => [
        String(r.customer),
        r,
      ]),
    );
    const ids = compiled.facts.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(differences(customers, got, ids)).toEqual([]);
    // Customers with purchases and without, and every fact defined for someone: not a comparison of NULLs.
    for (const id of ids)
      expect(
        customers.some((c) => c.facts[id] !== undefined),
        id,
      ).toBe(true);
  });

  it('every dialect writes every bundled policy’s aggregates, exact and fast', async () => {
    for (const { file, policy } of await bundled()) {
      const asOf = parseAsOf('2026-11-01', { timezone: policy.metadata.timezone }) as AsOf;
      for (const name of DIALECTS)
        for (const summation of ['exact', 'fast'] as const) {
          const compiled = aggregateSql(policy, asOf, dialectOf(name), 'tw_transactions_in', { summation });
          expect(Array.isArray(compiled) ? compiled : [], `${file} in ${name}`).toEqual([]);
          if (Array.isArray(compiled)) continue;
          for (const [cte] of compiled.ctes) expect(cte.startsWith('tw_agg_'), cte).toBe(true);
          expect(new Set(compiled.ctes.map(([cte]) => cte)).size).toBe(compiled.ctes.length);
        }
    }
  });
});
