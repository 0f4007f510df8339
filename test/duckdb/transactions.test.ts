import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPoliciesFrom } from '../../src/artifact/load-mapped.js';
import type { OnError } from '../../src/data/index.js';
import { type Duck, openDuck } from '../../src/duckdb/duck.js';
import { loadTransactions } from '../../src/duckdb/transactions.js';
import { tableValue } from '../../src/duckdb/values.js';
import type { CustomerAccumulator } from '../../src/facts/aggregate.js';
import { readTransactions } from '../../src/facts/customers.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../../src/facts/zone.js';
import { loadPolicy } from '../../src/policy/load.js';
import { readColumnMapping } from '../../src/policy/mapping/index.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { scratch } from '../data/helpers.js';
import { tableRows } from './same-as-js.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));
const file = scratch();

let duck: Duck;
beforeAll(async () => {
  duck = await openDuck({ threads: 2 });
});
afterAll(() => duck?.close());

/**
 * What readTransactions feeds the accumulators, as the table's rows: every customer's
 * accumulator records its transactions instead of aggregating them.
 */
async function jsTransactions(policy: Policy, path: string, onError: OnError) {
  const zone = zoneCalendar(policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const fields = Object.entries(policy.sources!.transactions!.fields ?? {});
  const rows: Record<string, unknown>[] = [];
  const recorder = (customer: string) =>
    ({
      add(t: { at: number; fields: Record<string, unknown>; row?: number }) {
        rows.push({
          tw_row: t.row,
          customer,
          at_ms: t.at,
          local_ms: t.at + zone.offsetAt(t.at),
          ...Object.fromEntries(
            fields.map(([id, f]) => [id, tableValue(f.type ?? 'number', t.fields[id], zone) ?? null]),
          ),
        });
      },
      breaches: () => [],
    }) as unknown as CustomerAccumulator;
  const everyone = new (class extends Map<string, CustomerAccumulator> {
    override get(customer: string) {
      return recorder(customer);
    }
  })();
  const read = await readTransactions(
    policy,
    { onError },
    path,
    policy.metadata.timezone ?? DEFAULT_TIMEZONE,
    everyone,
  );
  return { rows: read.failed ? [] : rows, diagnostics: read.diagnostics, failed: read.failed };
}

async function expectSame(policy: Policy, path: string, onError: OnError) {
  const summary = await loadTransactions(duck, policy, path, { onError });
  const js = await jsTransactions(policy, path, onError);
  expect(summary.diagnostics).toEqual(js.diagnostics);
  expect(summary.failed).toBe(js.failed);
  if (!js.failed) {
    expect(await tableRows(duck, summary.table)).toEqual(js.rows);
    expect(summary.rowsLoaded).toBe(js.rows.length);
  }
  return summary;
}

describe('loadTransactions: the bundled log', () => {
  it('every transaction as readTransactions reads it, for each way a bundled policy reads the log', async () => {
    // The table depends on the policy only through its log columns and zone: each distinct
    // reading is checked once (comparing 64,000 rows takes seconds).
    const readings = new Map<string, Policy>();
    for (const name of POLICIES) {
      const { policy } = await loadPolicy(at(`policies/${name}`));
      if (!policy!.sources?.transactions) continue;
      readings.set(JSON.stringify([policy!.sources.transactions, policy!.metadata.timezone]), policy!);
    }
    expect(readings.size).toBeGreaterThan(0);
    for (const policy of readings.values()) {
      const summary = await expectSame(policy, at('examples/data/transactions.csv'), 'report');
      expect(summary.reader).toBe('duckdb-csv');
      expect(summary.rowsLoaded).toBeGreaterThan(60_000);
      expect(summary.columns.slice(0, 3)).toEqual(['customer', 'at_ms', 'local_ms']);
    }
  });
});

describe('loadTransactions: bad rows', () => {
  const policy = {
    metadata: { name: 't', timezone: 'America/New_York' },
    facts: { id: { type: 'string', key: true, column: '客户编号' } },
    sources: {
      transactions: {
        customer: '客户编号',
        date: '交易日期',
        fields: {
          amount: { column: '交易金额', type: 'number' },
          promo: { column: '促销', type: 'boolean' },
        },
      },
    },
  } as unknown as Policy;
  const log = [
    '客户编号,交易日期,交易金额,促销',
    'C1,2024-03-10 01:30,12.5,是',
    'C1,2024-03-10 02:30,"1,200",no',
    'C2,2024-02-30,5,1',
    ',2024-03-01,5,1',
    'C3,2024-03-01,abc,maybe',
    'C3,2024-11-03T01:30:00-04:00,,',
    'C4,,7,0',
  ].join('\n');
  it.each(['report', 'skip', 'fail'] as OnError[])('--on-error %s', async (mode) => {
    const summary = await expectSame(policy, file('log.csv', `${log}\n`), mode);
    expect(summary.reader).toBe('duckdb-csv');
    // skip collects nothing; the others report the bad rows.
    if (mode === 'skip') expect(summary.rowsDropped).toBeGreaterThan(0);
    else expect(summary.diagnostics.length).toBeGreaterThan(0);
  });
  it('through the JS reader, the same', async () => {
    const summary = await expectSame(policy, file('log.csv', `${log}\n\n`), 'report');
    expect(summary.reader).toBe('js-csv');
  });
});

describe('loadTransactions: a column mapping', () => {
  it('reads day-first dates under the export’s own headers as the JS reader does', async () => {
    const mappingFile = at('examples/mapping/sg-crm.mapping.yaml');
    const policyFile = at('policies/seed004-scorecard.tier.yaml');
    const { policy } = await loadPolicy(policyFile);
    const log = at('examples/mapping/transactions.csv');
    const summary = await loadTransactions(duck, policy!, log, {
      onError: 'report',
      mapping: await readColumnMapping(mappingFile),
    });
    const mapped = (await loadPoliciesFrom([policyFile], { mapping: mappingFile })).policies![0]!;
    const js = await jsTransactions(mapped, log, 'report');
    expect(summary.diagnostics).toEqual(js.diagnostics);
    expect(await tableRows(duck, summary.table)).toEqual(js.rows);
    expect(js.rows.length).toBeGreaterThan(100);
  });
});

describe('loadTransactions: plain ISO dates looked up by day', () => {
  it('give each day the start the JS reader gives it, where midnight is skipped by a clock change too', async () => {
    // America/Santiago moves its clocks at midnight: some days start at 01:00.
    const policy = {
      metadata: { name: 'days', timezone: 'America/Santiago' },
      facts: { id: { type: 'string', key: true, column: 'c' } },
      sources: { transactions: { customer: 'c', date: 'd', fields: {} } },
    } as unknown as Policy;
    const lines = ['c,d'];
    for (let at = Date.UTC(1995, 0, 1); at < Date.UTC(2030, 0, 1); at += 86_400_000)
      lines.push(`C1,${new Date(at).toISOString().slice(0, 10)}`);
    lines.push('C1,1899-12-31', 'C1,2101-01-01', 'C1,0000-01-01');
    const path = file('days.csv', `${lines.join('\n')}\n`);
    const summary = await expectSame(policy, path, 'report');
    expect(summary.reader).toBe('duckdb-csv');
    expect(summary.rowsLoaded).toBe(lines.length - 2);
  });
});
