import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustomerFacts } from '../../src/facts/customers.js';
import { exportFacts, type FactsExportOptions } from '../../src/report/facts-export.js';
import { policyOf } from './facts-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-facts-export-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const POLICY = policyOf(`apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: facts-export, version: 1.0.0 }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  region: { type: string, column: 区域 }
  level: { type: integer, column: 等级, default: 1 }
  spend12m: { type: number, unit: CNY, aggregate: sum, of: amount, window: P12M }
  orders12m: { type: integer, aggregate: count, window: P12M }
sources:
  transactions:
    customer: 客户编号
    date: 交易日期
    fields: { amount: { column: 交易金额, type: number } }
`);

const CUSTOMERS = file('customers.csv', '客户编号,区域,等级\nA,华东,3\nB,华北,\nC,华南,2\n');
// Customers appear out of id order, and one twice: the log's first-seen order is kept.
const LOG = file(
  'log.csv',
  '客户编号,交易日期,交易金额\nZ,2026-01-05,100\nB,2026-02-01,50\nZ,2026-03-01,25\nA,2026-04-01,10\n',
);

async function run(options: Omit<FactsExportOptions, 'asOf'>) {
  const chunks: CustomerFacts[][] = [];
  const result = await exportFacts(
    POLICY,
    { asOf: '2026-11-01', chunkSize: 2, ...options },
    { chunk: (c) => void chunks.push([...c]) },
  );
  return { result, chunks, customers: chunks.flat() };
}

describe('exportFacts', () => {
  it('streams a customer file chunk by chunk when there is no log to join', async () => {
    const { result, chunks, customers } = await run({ customers: CUSTOMERS });
    expect(result.failed).toBe(false);
    expect(result.streamed).toBe(true);
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    expect(customers.map((c) => c.id)).toEqual(['A', 'B', 'C']);
    // The aggregates cannot be computed without a log: reported, not fatal.
    expect(result.diagnostics.filter((d) => d.code === 'TW0602').map((d) => d.severity)).toEqual([
      'warning',
      'warning',
    ]);
  });

  it('joins a log to the customer file', async () => {
    const { result, customers } = await run({ customers: CUSTOMERS, transactions: LOG });
    expect(result.streamed).toBe(false);
    expect(customers.map((c) => [c.id, c.facts.spend12m, c.facts.orders12m])).toEqual([
      ['A', 10, 1],
      ['B', 50, 1],
      ['C', 0, 0],
    ]);
  });

  it('takes the customers from the log alone, in the order it first names them, column facts missing', async () => {
    const { result, customers } = await run({ transactions: LOG });
    expect(result.failed).toBe(false);
    expect(customers.map((c) => c.id)).toEqual(['Z', 'B', 'A']);
    expect(customers.map((c) => c.row)).toEqual([2, 3, 5]);
    expect(customers[0]!.facts).toMatchObject({ customerId: 'Z', spend12m: 125, orders12m: 2 });
    expect(customers[0]!.facts.region).toBeUndefined();
    const note = result.diagnostics.find((d) => d.code === 'TW0641')!;
    expect(note.severity).toBe('info');
    expect(note.message).toContain('3 distinct customer ids');
    expect(note.message).toContain('region, level');
  });

  it('says TW0640 when there is neither a customer file nor a log', async () => {
    const { result } = await run({});
    expect(result.failed).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW0640']);
  });

  it('exports only the customers asked for, and reports each one not found', async () => {
    const { result, customers } = await run({ customers: CUSTOMERS, only: ['C', 'nobody'] });
    expect(customers.map((c) => c.id)).toEqual(['C']);
    const missing = result.diagnostics.filter((d) => d.code === 'TW0642');
    expect(missing.map((d) => [d.severity, d.message])).toEqual([
      ['error', `no customer nobody in ${CUSTOMERS}`],
    ]);
  });

  it('reads the whole file first under --on-error fail, so a bad row leaves nothing half written', async () => {
    const bad = file('bad.csv', '客户编号,区域,等级\nA,华东,3\nB,华北,x\n');
    const { result, chunks } = await run({ customers: bad, onError: 'fail' });
    expect(result.failed).toBe(true);
    expect(chunks).toEqual([]);
    const skipped = await run({ customers: bad, onError: 'report' });
    expect(skipped.result.failed).toBe(false);
    // `report` keeps the row and leaves the bad value missing, as eval does.
    expect(skipped.customers.map((c) => [c.id, c.facts.level])).toEqual([
      ['A', 3],
      ['B', undefined],
    ]);
    expect(skipped.result.diagnostics.map((d) => d.code)).toContain('TW0603');
  });
});
