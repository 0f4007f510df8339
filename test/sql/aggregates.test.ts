import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsOf, parseAsOf } from '../../src/facts/asof.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { aggregateSql } from '../../src/sql/aggregates.js';
import { DIALECTS, dialectOf, duckdb } from '../../src/sql/dialect.js';
import { memoryDuck, rows } from './harness.js';
import { aggregateQuery, appendLog, jsValue, keyTableSql, readLog, sqlValue } from './transactions.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const CUSTOMERS = at('examples/data/customers.csv');
const TRANSACTIONS = at('examples/data/transactions.csv');

/** The bundled policies with facts from transactions, loaded. */
async function bundled(): Promise<{ file: string; policy: Policy }[]> {
  const files = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));
  const loaded = await Promise.all(
    files.map(async (file) => ({ file, policy: (await loadPolicy(at(`policies/${file}`))).policy! })),
  );
  return loaded.filter(({ policy }) => Object.values(policy.facts ?? {}).some((f) => f.aggregate));
}

/**
 * Every aggregate fact of every bundled policy in one policy, named `<file>/<fact>`: the bundled
 * policies share the log's mapping and zone, so one load gives the JavaScript path's values for all.
 */
function merged(policies: readonly { file: string; policy: Policy }[]): Policy {
  const base = policies[0]!.policy;
  const facts: Record<string, Fact> = {};
  for (const [id, fact] of Object.entries(base.facts ?? {})) if (fact.key) facts[id] = fact;
  for (const { file, policy } of policies) {
    expect(policy.metadata.timezone).toBe(base.metadata.timezone);
    expect(policy.sources?.transactions).toEqual(base.sources?.transactions);
    for (const [id, fact] of Object.entries(policy.facts ?? {}))
      if (fact.aggregate) facts[`${file.replace('.tier.yaml', '')}/${id}`] = fact;
  }
  const {
    tiers: _tiers,
    dimensions: _dimensions,
    classifiers: _classifiers,
    rerating: _rerating,
    ...rest
  } = base;
  return { ...rest, facts } as Policy;
}

/** Facts that differ, as [customer, fact, SQL, JavaScript]; compared as numbers, dates as instants. */
function differences(
  customers: readonly { id: string; facts: Record<string, unknown> }[],
  got: ReadonlyMap<string, Record<string, unknown>>,
  ids: readonly string[],
): unknown[][] {
  const found: unknown[][] = [];
  for (const c of customers) {
    const row = got.get(c.id)!;
    for (const id of ids) {
      const want = jsValue(c.facts[id]);
      const have = sqlValue(row[id]);
      if (!(want === have || (Number.isNaN(want) && Number.isNaN(have)))) found.push([c.id, id, have, want]);
    }
  }
  return found;
}

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
