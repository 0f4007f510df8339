import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { DIALECTS, dialectOf } from '../../src/sql/dialect.js';
import { compileSql, isCompiledSql } from '../../src/sql/query.js';
import { bundledPolicies } from '../helpers/runs.js';
import { byCustomer, fromResult, fromRow } from './compare.js';
import { insertFacts, memoryDuck, rows } from './harness.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));

let connection: DuckDBConnection;

/** The JavaScript path's customers of a bundled policy, read once for both comparisons. */
const loaded = new Map<string, ReturnType<typeof loadCustomers>>();
function customersOf(file: string, policy: Policy) {
  let customers = loaded.get(file);
  if (!customers) {
    customers = loadCustomers(policy, {
      customers: at('examples/data/customers.csv'),
      transactions: at('examples/data/transactions.csv'),
      asOf: '2026-11-01',
    });
    loaded.set(file, customers);
  }
  return customers;
}
beforeAll(async () => {
  connection = await memoryDuck();
});
afterAll(() => connection?.closeSync());

describe('every bundled policy × the bundled data, facts computed by the JavaScript path', () => {
  it.each(POLICIES)(
    '%s: the SQL query on DuckDB gives every customer the compiled path’s results',
    async (file) => {
      const { policy } = await loadPolicy(at(`policies/${file}`));
      const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
      const { customers, failed } = await customersOf(file, policy!);
      expect(failed).toBe(false);
      const compiled = compileSql(policy!, {
        dialect: dialectOf('duckdb'),
        customers: { name: 'tw_customers', shape: 'typed' },
        asOf,
        factsComplete: true,
      });
      if (!isCompiledSql(compiled)) throw new Error(JSON.stringify(compiled));
      await insertFacts(connection, policy!, customers);
      const got = byCustomer(
        (await rows(connection, compiled.sql)).map((r) => fromRow(r, compiled.classifiers)),
      );
      const want = compilePolicy(policy!).evaluate(customers, { asOf }).map(fromResult);
      expect(got.size).toBe(want.length);
      for (const w of want) expect(got.get(w.customer), String(w.customer)).toEqual(w);
      // Something was decided: a policy that tiers nobody would make this comparison empty.
      expect(want.some((w) => w.tier !== undefined || Object.keys(w.classes).length > 0)).toBe(true);
    },
  );

  it.each(bundledPolicies(POLICIES))(
    '%s: from a warehouse table with the policy’s own column names, the same',
    async (file) => {
      const { policy } = await loadPolicy(at(`policies/${file}`));
      const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
      const { customers } = await customersOf(file, policy!);
      const some = customers.filter((_, i) => i % 5 === 0);
      await connection.run('CREATE SCHEMA IF NOT EXISTS crm');
      await insertFacts(connection, policy!, some, 'crm_customers', 'source');
      const compiled = compileSql(policy!, {
        dialect: dialectOf('duckdb'),
        customers: { name: 'crm_customers', shape: 'source' },
        asOf,
        factsComplete: true,
      });
      if (!isCompiledSql(compiled)) throw new Error(JSON.stringify(compiled));
      const got = byCustomer(
        (await rows(connection, compiled.sql)).map((r) => fromRow(r, compiled.classifiers)),
      );
      const want = compilePolicy(policy!).evaluate(some, { asOf }).map(fromResult);
      for (const w of want) expect(got.get(w.customer), String(w.customer)).toEqual(w);
    },
  );

  it('columns passed through (Relation.pass) come back under their own names beside each result', async () => {
    const file = 'seed004-quota.tier.yaml';
    const { policy } = await loadPolicy(at(`policies/${file}`));
    const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
    const { customers } = await customersOf(file, policy!);
    await insertFacts(connection, policy!, customers);
    const key = Object.entries(policy!.facts ?? {}).find(([, f]) => f.key)![0];
    // A name no fact has, with the characters a helper column has.
    await connection.run(
      `CREATE OR REPLACE VIEW tw_passing AS SELECT *, "${key}" || '!' AS "tw$check" FROM tw_customers`,
    );
    const compiled = compileSql(policy!, {
      dialect: dialectOf('duckdb'),
      customers: { name: 'tw_passing', shape: 'typed', pass: ['tw$check'] },
      asOf,
      factsComplete: true,
    });
    if (!isCompiledSql(compiled)) throw new Error(JSON.stringify(compiled));
    expect(compiled.columns).toContain('tw$check');
    const got = await rows(connection, compiled.sql);
    expect(got).toHaveLength(customers.length);
    for (const row of got) expect(row.tw$check).toBe(`${row.customer}!`);
  });

  it.each(POLICIES)('%s: a query is written for every dialect, from warehouse tables too', async (file) => {
    const { policy } = await loadPolicy(at(`policies/${file}`));
    const asOf = parseAsOf('2026-11-01', { timezone: policy!.metadata.timezone }) as AsOf;
    for (const name of DIALECTS) {
      const compiled = compileSql(policy!, {
        dialect: dialectOf(name),
        customers: { name: 'crm.customers', shape: 'source' },
        asOf,
        factsComplete: true,
      });
      expect(isCompiledSql(compiled) ? [] : compiled, `${file} in ${name}`).toEqual([]);
    }
  });
});
