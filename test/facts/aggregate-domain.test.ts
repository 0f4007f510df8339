import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAggregates, isAggregatePlan } from '../../src/facts/aggregate.js';
import { openCustomers } from '../../src/facts/customer-source.js';
import { loadCustomers } from '../../src/facts/customers.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { fact, tx } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-domain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('aggregates outside the declared min and max', () => {
  const plan = compileAggregates(
    {
      spend: fact('sum', { of: 'amount', min: 0 }),
      largest: fact('max', { of: 'amount', max: 1000 }),
      orders: fact('count', { max: 2 }),
      rate: fact('repurchaseRate', { min: 0, max: 100 }),
    },
    { asOf: '2024-03-01' },
  );
  if (!isAggregatePlan(plan)) throw new Error('plan');

  it('are left missing, and each names the log row of the value that took it out', () => {
    const customer = plan.accumulator();
    customer.add({ ...tx('2024-01-10T10:00:00+08:00', { amount: 500 }), row: 2 });
    customer.add({ ...tx('2024-01-20T10:00:00+08:00', { amount: -99_999_999 }), row: 3 });
    customer.add({ ...tx('2024-02-20T10:00:00+08:00', { amount: 2000 }), row: 4 });
    expect(customer.result()).toEqual({
      spend: undefined,
      largest: undefined,
      orders: undefined,
      rate: (2 / 3) * 100,
    });
    expect(customer.breaches()).toEqual([
      { fact: 'spend', value: -99_997_499, bound: 'min', limit: 0, row: 3, pii: false },
      { fact: 'largest', value: 2000, bound: 'max', limit: 1000, row: 4, pii: false },
      { fact: 'orders', value: 3, bound: 'max', limit: 2, row: undefined, pii: false },
    ]);
  });

  it('leave values inside the domain as they are, bounds included', () => {
    const customer = plan.accumulator();
    customer.add({ ...tx('2024-01-10T10:00:00+08:00', { amount: 1000 }), row: 2 });
    customer.add({ ...tx('2024-01-11T10:00:00+08:00', { amount: -1000 }), row: 3 });
    expect(customer.result()).toEqual({ spend: 0, largest: 1000, orders: 2, rate: 50 });
    expect(customer.breaches()).toEqual([]);
  });
});

const POLICY = {
  apiVersion: 'tierwise/v1',
  kind: 'TierPolicy',
  metadata: { name: 'd', version: '1.0.0', labels: { 'zh-CN': '测', en: 'D' } },
  facts: {
    customerId: { type: 'string', key: true, column: '客户编号' },
    spend12m: {
      type: 'number',
      unit: 'CNY',
      min: 0,
      from: 'transactions',
      aggregate: 'sum',
      of: 'amount',
      window: 'P12M',
    },
  },
  sources: {
    transactions: { customer: '客户编号', date: '交易日期', fields: { amount: { column: '金额' } } },
  },
  dimensions: {},
  tiers: { method: 'thresholds', levels: [] },
} as unknown as Policy;

describe('loadCustomers and TW0632', () => {
  const customers = file('c.csv', '客户编号\nC1\nC2\n');
  const log = file(
    'tx.csv',
    '客户编号,交易日期,金额\nC1,2024-01-15,100\nC1,2024-02-20,-99999999\nC2,2024-02-01,800\n',
  );
  const load = (onError: 'report' | 'skip' | 'fail') =>
    loadCustomers(POLICY, { customers, transactions: log, asOf: '2024-03-01', onError });

  it('report: the fact is missing and TW0632 names the customer and the log row', async () => {
    const loaded = await load('report');
    expect(loaded.failed).toBe(false);
    expect(loaded.customers.map((c) => [c.id, c.facts.spend12m])).toEqual([
      ['C1', undefined],
      ['C2', 800],
    ]);
    expect(loaded.diagnostics.map((d) => [d.code, d.file, d.row, d.message])).toEqual([
      [
        'TW0632',
        log,
        3,
        'customer C1: spend12m, computed from the transaction log, -99999899 is below 0, the smallest value the fact declares (min)',
      ],
    ]);
    expect(loaded.transactionsSummary?.byCode).toEqual({ TW0632: 1 });
  });

  it('skip: counted, the fact missing; fail: the run stops', async () => {
    const skipped = await load('skip');
    expect(skipped.failed).toBe(false);
    expect(skipped.diagnostics).toEqual([]);
    expect(skipped.transactionsSummary?.byCode).toEqual({ TW0632: 1 });
    expect(skipped.customers[0]!.facts.spend12m).toBeUndefined();
    const failed = await load('fail');
    expect(failed.failed).toBe(true);
    expect(failed.diagnostics.map((d) => d.code)).toEqual(['TW0632']);
  });
});

describe('a named transaction log', () => {
  it('must be readable even when nothing is aggregated from it', async () => {
    const customers = file('only.csv', '客户编号\nC1\n');
    const opened = await openCustomers(
      { customers, transactions: join(dir, 'missing.csv') },
      [{ id: 'customerId', column: '客户编号', type: 'string', required: true }],
      'customerId',
    );
    expect('source' in opened).toBe(false);
    if ('source' in opened) return;
    expect(opened.failed).toBe(true);
    expect(opened.diagnostics.map((d) => [d.code, d.file])).toEqual([['TW0601', join(dir, 'missing.csv')]]);
  });
});
