import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../src/data/fields.js';
import { type ColumnSpec, mapRecord, resolveColumns } from '../../src/data/table.js';
import type { FieldValue, RawRecord } from '../../src/data/types.js';
import { diagnostic } from '../../src/diagnostics/make.js';

/** A header named like the prototype accessor, kept in a variable so no tool rewrites it to one. */
const PROTO = '__proto__';
const FILE = 'data/customers.csv';

const customerId: ColumnSpec = { id: 'customerId', column: '客户编号', type: 'string', required: true };
const spend12m: ColumnSpec = {
  id: 'spend12m',
  column: '近12个月消费金额（元）',
  type: 'number',
  unit: 'CNY',
};
const firstContact: ColumnSpec = {
  id: 'firstContact',
  column: '首次接触日期',
  type: 'date',
  format: 'yyyy/M/d',
};
const industry: ColumnSpec = {
  id: 'industry',
  column: '行业潜力',
  type: 'enum',
  values: ['high', 'medium', 'low'],
};
const phone: ColumnSpec = { id: 'phone', column: '电话', type: 'integer', pii: true };
const orders: ColumnSpec = { id: 'orders12m', column: '订单数', type: 'integer', default: 0 };

function record(row: number, values: Record<string, FieldValue>): RawRecord {
  const fields = emptyFields();
  for (const [key, value] of Object.entries(values)) fields[key] = value;
  return { row, fields };
}

describe('resolveColumns', () => {
  it('keeps exact matches', () => {
    const result = resolveColumns(['客户编号', '近12个月消费金额（元）'], [customerId, spend12m], FILE);
    expect(result).toEqual({ columns: [customerId, spend12m], diagnostics: [] });
  });

  it('accepts headers that differ in width, spaces or case, with an info note', () => {
    const headers = [' 客户编号 ', '近12个月消费金额 (元)', 'Industry'];
    const wanted = [customerId, spend12m, { ...industry, column: 'industry' }];
    const { columns, diagnostics } = resolveColumns(headers, wanted, FILE, 1);
    expect(columns.map((c) => c.column)).toEqual([' 客户编号 ', '近12个月消费金额 (元)', 'Industry']);
    expect(columns[1]).toEqual({ ...spend12m, column: '近12个月消费金额 (元)' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.column])).toEqual([
      ['TW0602', 'info', ' 客户编号 '],
      ['TW0602', 'info', '近12个月消费金额 (元)'],
      ['TW0602', 'info', 'Industry'],
    ]);
    expect(diagnostics[1]).toMatchObject({
      message: "column '近12个月消费金额（元）' (spend12m) was found as '近12个月消费金额 (元)'",
      file: FILE,
      row: 1,
    });
  });

  it('reports a missing column with a did-you-mean', () => {
    const { columns, diagnostics } = resolveColumns(
      ['客户编号', '近12月消费金额'],
      [customerId, { ...spend12m, essential: true }],
      FILE,
    );
    expect(columns).toEqual([customerId]);
    expect(diagnostics).toMatchObject([
      {
        code: 'TW0602',
        severity: 'error',
        message: "column '近12个月消费金额（元）' for spend12m is not in the file",
        file: FILE,
        help: "did you mean '近12月消费金额'? (map the fact to it with column:, or --mapping)",
      },
    ]);
  });

  it('warns, not fails, about a missing column customers can be tiered without', () => {
    const [d] = resolveColumns(['客户编号'], [customerId, spend12m], FILE).diagnostics;
    expect(d).toMatchObject({ code: 'TW0602', severity: 'warning' });
    const [key] = resolveColumns(['名称'], [customerId], FILE).diagnostics;
    expect(key).toMatchObject({ code: 'TW0602', severity: 'error' });
  });

  it('lists the columns when nothing is close', () => {
    const [d] = resolveColumns(['a', 'b'], [spend12m], FILE).diagnostics;
    expect(d!.help).toBe('known columns: a, b');
    const [empty] = resolveColumns([], [spend12m], FILE).diagnostics;
    expect(empty!.help).toContain('no column names');
  });

  it('refuses a wanted column that the header names twice', () => {
    const { columns, diagnostics } = resolveColumns(['客户编号', '名称', '客户编号'], [customerId], FILE, 1);
    expect(columns).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'TW0606',
        row: 1,
        message:
          "the header has 2 columns named like '客户编号' (A, C), so customerId cannot be read unambiguously",
      }),
    ]);
  });
});

describe('mapRecord', () => {
  const columns = [customerId, spend12m, firstContact, industry, orders];

  it('converts each column into the value of its id', () => {
    const raw = record(2, {
      客户编号: ' C2024001 ',
      '近12个月消费金额（元）': '¥80万',
      首次接触日期: '2024/3/1',
      行业潜力: 'High',
      订单数: '12',
    });
    const { values, diagnostics } = mapRecord(raw, columns, FILE);
    expect(diagnostics).toEqual([]);
    expect({ ...values }).toEqual({
      customerId: 'C2024001',
      spend12m: 800000,
      firstContact: '2024-03-01T00:00:00+08:00',
      industry: 'high',
      orders12m: 12,
    });
  });

  it('leaves bad and empty values out and reports them by file, row and column', () => {
    const raw = record(7, {
      客户编号: '',
      '近12个月消费金额（元）': 'abc',
      首次接触日期: '2024-02-30',
      行业潜力: 'hihg',
      订单数: '',
    });
    const { values, diagnostics } = mapRecord(raw, columns, FILE);
    // The default applies to an empty cell only.
    expect({ ...values }).toEqual({ orders12m: 0 });
    expect(diagnostics.map((d) => [d.code, d.file, d.row, d.column])).toEqual([
      ['TW0605', FILE, 7, '客户编号'],
      ['TW0603', FILE, 7, '近12个月消费金额（元）'],
      ['TW0604', FILE, 7, '首次接触日期'],
      ['TW0603', FILE, 7, '行业潜力'],
    ]);
    expect(diagnostics[1]!.message).toBe(
      "spend12m: expected an amount in CNY such as 1234.5, 1,234.5, ¥1,234.5 or 80万, got 'abc'",
    );
    expect(diagnostics[2]!.message).toBe(
      "firstContact: expected a date in the format yyyy/M/d such as 2024/3/1, got '2024-02-30'",
    );
    expect(diagnostics[3]!.help).toBe("did you mean 'high'?");
  });

  it('never repeats personal data', () => {
    const { diagnostics } = mapRecord(record(3, { 电话: '138-0000-0000' }), [phone], FILE);
    expect(diagnostics[0]!.message).not.toContain('138');
    expect(diagnostics[0]!.help ?? '').not.toContain('138');
  });

  it('passes a row that could not be read through as its problem', () => {
    const problem = diagnostic('TW0606', 'the row has 2 values but the header has 3 columns', {
      file: FILE,
      row: 4,
    });
    const { values, diagnostics } = mapRecord({ row: 4, fields: emptyFields(), problem }, columns, FILE);
    expect({ ...values }).toEqual({});
    expect(diagnostics).toEqual([problem]);
  });

  it('keeps ids such as constructor as plain data', () => {
    const spec: ColumnSpec = { id: 'constructor', column: '__proto__', type: 'string' };
    const { values } = mapRecord(record(2, { [PROTO]: 'x' }), [spec], FILE);
    expect(Object.keys(values)).toEqual(['constructor']);
    expect(values.constructor).toBe('x');
    const none = mapRecord(record(2, {}), [spec], FILE).values;
    expect(none.constructor).toBeUndefined();
  });
});
