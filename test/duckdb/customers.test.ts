import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPoliciesFrom } from '../../src/artifact/load-mapped.js';
import { loadCustomers } from '../../src/duckdb/customers.js';
import { type Duck, openDuck } from '../../src/duckdb/duck.js';
import { loadPolicy } from '../../src/policy/load.js';
import { readColumnMapping } from '../../src/policy/mapping/index.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { duckdb } from '../../src/sql/dialect.js';
import { scratch } from '../data/helpers.js';
import { expectSameAsJs } from './same-as-js.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));
const CUSTOMERS = at('examples/data/customers.csv');

let duck: Duck;
beforeAll(async () => {
  duck = await openDuck({ threads: 2 });
});
afterAll(() => duck?.close());

describe('loadCustomers: every bundled policy × the bundled customers', () => {
  it.each(POLICIES)('%s: the table holds exactly what the JS reader gives', async (file) => {
    const { policy } = await loadPolicy(at(`policies/${file}`));
    // Aggregates the file has no column for come from the log.
    const useTransactions = policy!.sources?.transactions !== undefined;
    const summary = await loadCustomers(duck, policy!, CUSTOMERS, { onError: 'report', useTransactions });
    expect(summary.reader).toBe('duckdb-csv');
    const js = await expectSameAsJs(duck, policy!, CUSTOMERS, summary, 'report', { useTransactions });
    expect(summary.rowsLoaded).toBe(js.rows.length);
    expect(js.rows.length).toBeGreaterThan(1000);
  });
});

describe('loadCustomers: a column mapping', () => {
  it('reads an export with its own headers as the JS reader reads it through the mapping', async () => {
    const mapping = await readColumnMapping(at('examples/mapping/sg-crm.mapping.yaml'));
    const policyFile = at('policies/seed004-scorecard.tier.yaml');
    const { policy } = await loadPolicy(policyFile);
    const file = at('examples/mapping/customers.csv');
    const summary = await loadCustomers(duck, policy!, file, {
      onError: 'report',
      mapping,
      useTransactions: true,
    });
    expect(summary.reader).toBe('duckdb-csv');
    const mapped = (
      await loadPoliciesFrom([policyFile], { mapping: at('examples/mapping/sg-crm.mapping.yaml') })
    ).policies![0]!;
    const js = await expectSameAsJs(duck, mapped, file, summary, 'report', { useTransactions: true });
    expect(js.rows.length).toBe(40);
  });
});

describe('loadCustomers: row numbers of a file DuckDB reads in parallel', () => {
  it('numbers every row by its line, a bad row and a duplicate at the far end included', async () => {
    // 48 MiB: DuckDB's CSV reader splits it between both threads. Each row's id is its line.
    const rows = 400_000;
    const pad = 'x'.repeat(100);
    const lines = ['id,note,amount'];
    for (let line = 2; line <= rows + 1; line++) lines.push(`L${line},${pad},${line % 1000}`);
    lines[rows] = `L${rows + 1},${pad},not a number`;
    lines[rows - 1] = `L2,${pad},1`;
    const file = scratch()('parallel.csv', `${lines.join('\n')}\n`);
    const policy = {
      apiVersion: 'tierwise/v1',
      kind: 'TierPolicy',
      metadata: { name: 'rows' },
      facts: {
        id: { type: 'string', key: true, column: 'id' },
        amount: { type: 'number', column: 'amount' },
      },
      dimensions: {},
      tiers: [],
    } as unknown as Policy;
    const summary = await loadCustomers(duck, policy, file, { onError: 'report' });
    expect(summary.reader).toBe('duckdb-csv');
    const off = await duck.connection.runAndReadAll(
      `SELECT count(*), count(*) FILTER (WHERE 'L' || CAST(tw_row AS VARCHAR) <> "id") FROM ${duckdb.ident(summary.table)}`,
    );
    expect(off.getRowsJS()[0]!.map(Number)).toEqual([rows - 1, 0]);
    expect(summary.diagnostics.map((d) => [d.code, d.row])).toEqual([
      ['TW0607', rows],
      ['TW0603', rows + 1],
    ]);
  });
});
