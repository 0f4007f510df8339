import { describe, expect, it } from 'vitest';
import { type OnError, rowErrorPolicy } from '../../src/data/errors.js';
import { emptyFields } from '../../src/data/fields.js';
import { type ColumnSpec, mapRecord } from '../../src/data/table.js';
import type { RawRecord } from '../../src/data/types.js';
import { diagnostic } from '../../src/diagnostics/make.js';

const FILE = 'customers.csv';
const columns: ColumnSpec[] = [
  { id: 'customerId', column: 'id', type: 'string', required: true },
  { id: 'spend12m', column: 'spend', type: 'number', unit: 'CNY' },
];

function row(n: number, id: string, spend: string): RawRecord {
  const fields = emptyFields();
  fields.id = id;
  fields.spend = spend;
  return { row: n, fields };
}

const malformed: RawRecord = {
  row: 4,
  fields: emptyFields(),
  problem: diagnostic('TW0606', 'the row has 1 values but the header has 2 columns', { file: FILE, row: 4 }),
};

const rows: RawRecord[] = [
  row(2, 'C1', '100'),
  row(3, 'C2', 'abc'),
  malformed,
  row(5, '', '5'),
  row(6, 'C5', '6'),
];

/** Runs the rows through a policy as the CLI will, and returns what it kept and where it stopped. */
function run(mode: OnError, input: RawRecord[] = rows) {
  const policy = rowErrorPolicy(mode);
  const kept: unknown[] = [];
  let stoppedWith: string[] | undefined;
  for (const record of input) {
    const decision = policy.admit(record, mapRecord(record, columns, FILE));
    if (decision.action === 'keep') kept.push({ ...decision.values });
    if (decision.action === 'stop') {
      stoppedWith = decision.diagnostics.map((d) => `${d.code}@${d.row}`);
      break;
    }
  }
  return {
    kept,
    stoppedWith,
    diagnostics: policy.diagnostics().map((d) => `${d.code}@${d.row}`),
    summary: policy.summary(),
  };
}

describe('--on-error', () => {
  it('fail stops at the first bad row and hands over its diagnostics', () => {
    expect(run('fail')).toEqual({
      kept: [{ customerId: 'C1', spend12m: 100 }],
      stoppedWith: ['TW0603@3'],
      diagnostics: ['TW0603@3'],
      summary: {
        rowsRead: 2,
        rowsKept: 1,
        rowsSkipped: 1,
        byCode: { TW0603: 1 },
        diagnosticsOmitted: 0,
        stopped: true,
      },
    });
  });

  it('skip drops bad rows and counts them by code', () => {
    expect(run('skip')).toEqual({
      kept: [
        { customerId: 'C1', spend12m: 100 },
        { customerId: 'C5', spend12m: 6 },
      ],
      stoppedWith: undefined,
      diagnostics: [],
      summary: {
        rowsRead: 5,
        rowsKept: 2,
        rowsSkipped: 3,
        byCode: { TW0603: 1, TW0606: 1, TW0605: 1 },
        diagnosticsOmitted: 0,
        stopped: false,
      },
    });
  });

  it('report keeps bad rows without their bad values, drops unreadable ones, and collects everything', () => {
    expect(run('report')).toEqual({
      kept: [
        { customerId: 'C1', spend12m: 100 },
        { customerId: 'C2' },
        { spend12m: 5 },
        { customerId: 'C5', spend12m: 6 },
      ],
      stoppedWith: undefined,
      diagnostics: ['TW0603@3', 'TW0606@4', 'TW0605@5'],
      summary: {
        rowsRead: 5,
        rowsKept: 4,
        rowsSkipped: 1,
        byCode: { TW0603: 1, TW0606: 1, TW0605: 1 },
        diagnosticsOmitted: 0,
        stopped: false,
      },
    });
  });

  it('stops every mode at a problem that ends the file', () => {
    const fatal: RawRecord = {
      row: 3,
      fields: emptyFields(),
      problem: diagnostic('TW0608', 'the byte at offset 20 is not valid UTF-8', { file: FILE, row: 3 }),
      fatal: true,
    };
    for (const mode of ['fail', 'skip', 'report'] as const) {
      const result = run(mode, [row(2, 'C1', '1'), fatal, row(4, 'C3', '3')]);
      expect(result.stoppedWith, mode).toEqual(['TW0608@3']);
      expect(result.summary.stopped, mode).toBe(true);
      expect(result.kept, mode).toHaveLength(1);
    }
  });

  it('warnings do not make a row bad', () => {
    const policy = rowErrorPolicy('fail');
    const warning = diagnostic('TW0607', 'customer C1 appears twice', { file: FILE, row: 2 });
    const decision = policy.admit(row(2, 'C1', '1'), {
      values: { customerId: 'C1' },
      diagnostics: [warning],
    });
    expect(decision).toEqual({ action: 'keep', values: { customerId: 'C1' } });
    expect(policy.diagnostics()).toEqual([warning]);
  });

  it('caps the diagnostics it holds, and counts the rest', () => {
    const policy = rowErrorPolicy('report', 10);
    for (let i = 0; i < 100; i++) {
      const record = row(i + 2, `C${i}`, 'bad');
      policy.admit(record, mapRecord(record, columns, FILE));
    }
    expect(policy.diagnostics()).toHaveLength(10);
    expect(policy.summary()).toMatchObject({
      rowsKept: 100,
      byCode: { TW0603: 100 },
      diagnosticsOmitted: 90,
    });
  });
});
