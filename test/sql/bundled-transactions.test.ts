import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { loadPolicy } from '../../src/policy/load.js';
import { duckdb } from '../../src/sql/dialect.js';
import { compileSql, isCompiledSql } from '../../src/sql/query.js';
import { bundledPolicies } from '../helpers/runs.js';
import { at, bundled, CUSTOMERS, TRANSACTIONS } from './bundled-aggregates.js';
import { byCustomer, fromResult, fromRow } from './compare.js';
import { insertFacts, memoryDuck, rows } from './harness.js';
import { appendLog, readLog } from './transactions.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await memoryDuck();
});
afterAll(() => connection?.closeSync());

// One of each tier method by default (all four read transactions), every one under TIERWISE_LONG_TESTS.
const POLICIES = bundledPolicies((await bundled()).map((b) => b.file));

describe('the bundled policies from warehouse tables, aggregates computed in the query', () => {
  it.each(POLICIES)('%s: every customer’s results are the compiled path’s on DuckDB', async (file) => {
    const { policy } = await loadPolicy(at(`policies/${file}`));
    const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
    const { customers, failed } = await loadCustomers(policy!, {
      customers: CUSTOMERS,
      transactions: TRANSACTIONS,
      asOf: '2026-11-01',
    });
    expect(failed).toBe(false);
    // The log as a warehouse keeps it: its own column names, wall-clock TIMESTAMPs, a line number.
    const source = policy!.sources!.transactions!;
    await appendLog(
      connection,
      policy!,
      await readLog(
        policy!,
        TRANSACTIONS,
        customers.map((c) => c.id),
      ),
      'tw_log',
    );
    const id = (name: string) => duckdb.ident(name);
    const fields = Object.entries(source.fields ?? {}).map(([f, spec]) => `${id(f)} AS ${id(spec.column)}`);
    await connection.run(
      `CREATE OR REPLACE TABLE crm_tx AS SELECT customer AS ${id(source.customer)}, epoch_ms(local_ms) AS ${id(source.date)}, tw_row AS ${id('行号')}, ${fields.join(', ')} FROM tw_log`,
    );
    await insertFacts(connection, policy!, customers, 'crm_customers', 'source');
    const compiled = compileSql(policy!, {
      dialect: duckdb,
      customers: { name: 'crm_customers', shape: 'source' },
      transactions: { name: 'crm_tx', shape: 'source', row: '行号' },
      asOf,
    });
    if (!isCompiledSql(compiled)) throw new Error(JSON.stringify(compiled));
    const got = byCustomer(
      (await rows(connection, compiled.sql)).map((r) => fromRow(r, compiled.classifiers)),
    );
    const want = compilePolicy(policy!).evaluate(customers, { asOf }).map(fromResult);
    expect(got.size).toBe(want.length);
    for (const w of want) expect(got.get(w.customer), String(w.customer)).toEqual(w);
    expect(want.some((w) => w.tier !== undefined || Object.keys(w.classes).length > 0)).toBe(true);
  });
});
