import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/duckdb/customers.js';
import { type Duck, openDuck } from '../../src/duckdb/duck.js';
import { loadPolicy } from '../../src/policy/load.js';
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
