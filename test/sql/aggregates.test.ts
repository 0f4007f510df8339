import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { DIALECTS, dialectOf, duckdb } from '../../src/sql/dialect.js';
import { memoryDuck, rows } from './harness.js';
import {
  aggregateQuery,
  jsValue,
  keyTableSql,
  readLog,
  sqlValue,
  transactionTableSql,
} from './transactions.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const hasAggregates = (policy: Policy) => Object.values(policy.facts ?? {}).some((f) => f.aggregate);

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await memoryDuck();
});
afterAll(() => connection?.closeSync());

const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));

describe('every bundled policy’s aggregates × the bundled log, on DuckDB', () => {
  it.each(POLICIES)('%s: every aggregate fact of every customer is the JavaScript path’s', async (file) => {
    const { policy } = await loadPolicy(at(`policies/${file}`));
    if (!hasAggregates(policy!)) return;
    const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
    const { customers, failed } = await loadCustomers(policy!, {
      customers: at('examples/data/customers.csv'),
      transactions: at('examples/data/transactions.csv'),
      asOf: '2026-11-01',
    });
    expect(failed).toBe(false);
    const keys = customers.map((c) => c.id);
    const log = await readLog(policy!, at('examples/data/transactions.csv'), keys);
    for (const s of transactionTableSql(duckdb, policy!, log, 'tw_log')) await connection.run(s);
    for (const s of keyTableSql(duckdb, keys, 'tw_keys')) await connection.run(s);
    const compiled = aggregateSql(policy!, asOf, duckdb, 'tw_log', { row: 'tw_row' });
    if (Array.isArray(compiled)) throw new Error(JSON.stringify(compiled));
    const got = new Map(
      (await rows(connection, aggregateQuery(duckdb, compiled, 'tw_keys'))).map((r) => [
        String(r.customer),
        r,
      ]),
    );
    const ids = compiled.facts.map((f) => f.id);
    let differences = 0;
    for (const c of customers) {
      const row = got.get(c.id)!;
      for (const id of ids) {
        const want = jsValue(c.facts[id]);
        const have = sqlValue(row[id]);
        if (!(want === have || (Number.isNaN(want) && Number.isNaN(have)))) {
          if (differences++ < 5)
            expect({ customer: c.id, fact: id, value: have }).toEqual({
              customer: c.id,
              fact: id,
              value: want,
            });
        }
      }
    }
    expect(differences).toBe(0);
  });
});
