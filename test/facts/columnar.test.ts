import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNumber } from '../../src/data/fast-convert.js';
import type { ColumnSpec, OnError } from '../../src/data/index.js';
import { customerColumnChunks } from '../../src/facts/columnar.js';
import { customerChunks } from '../../src/facts/customers.js';
import { propertyRuns } from '../helpers/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-columnar-'));
let files = 0;

const COLUMNS: ColumnSpec[] = [
  { id: 'id', column: '客户编号', type: 'string', required: true },
  { id: 'phone', column: '联系方式', type: 'string', pii: true },
  { id: 'spend', column: '消费金额', type: 'number', unit: 'CNY' },
  { id: 'orders', column: '订单数', type: 'integer', default: 0, max: 1_000_000 },
  { id: 'rate', column: '复购率', type: 'number', unit: 'percent', required: true, min: 0, max: 100 },
  { id: 'level', column: '等级', type: 'enum', values: ['VIP', '普通'] },
  { id: 'active', column: '活跃', type: 'boolean' },
  { id: 'since', column: '开户日期', type: 'date', timezone: 'Asia/Shanghai' },
];
const HEADER = COLUMNS.map((c) => c.column).join(',');

/** Both readers over one file: the object reader's customers as columns, and the columnar reader's. */
async function readBoth(csv: string, onError: OnError, size = 3) {
  const file = join(dir, `c${files++}.csv`);
  writeFileSync(file, csv);
  const objects: { key: string; row: number; values: unknown[] }[] = [];
  const a = customerChunks({ customers: file, onError }, COLUMNS, 'id', size);
  for (;;) {
    const next = await a.next();
    if (next.done) {
      const columnar: typeof objects = [];
      const b = customerColumnChunks({ customers: file, onError }, COLUMNS, 'id', size);
      for (;;) {
        const step = await b.next();
        if (step.done) return { objects, objectEnd: next.value, columnar, columnarEnd: step.value };
        const chunk = step.value;
        for (let i = 0; i < chunk.length; i++) {
          columnar.push({
            key: chunk.keys[i]!,
            row: chunk.rows[i]!,
            values: COLUMNS.map((c) => {
              const v = chunk.facts[c.id]?.[i];
              return typeof v === 'number' && Number.isNaN(v) ? undefined : v;
            }),
          });
        }
      }
    }
    for (const c of next.value)
      objects.push({ key: c.id, row: c.row, values: COLUMNS.map((s) => c.facts[s.id]) });
  }
}

const MESSY = [
  HEADER,
  'C1,13800000000,1234.5,3,85%,VIP,是,2024-03-01',
  'C2,,"1,234.5",,85,ＶＩＰ,no,2024/3/1',
  'C3,138,¥80万,2.5,12,普通,y,',
  'C4,13900000000,abc,7,,VIP,1,2024-02-30',
  'C1,13800000000,1,1,1,VIP,是,2024-03-01',
  '  C5 , 139 ,  -0 , 0 , 0.5 ,普通, N ,2024-03-01T08:00:00+08:00',
  'C6,139,1e3,,5%,金卡,maybe,2024-03-01',
  ',139,1,1,1,VIP,是,2024-03-01',
  'C7,"a ""quoted"" phone","(1,200.00)",1,1,VIP,是,2024-03-01',
  'C8,139,1,1',
  'C9,139,12.1234567,1,1,VIP,是,2024-03-01',
  'C10,139,1,1,850,VIP,是,2024-03-01',
].join('\n');

describe('customerColumnChunks', () => {
  it.each(['report', 'skip', 'fail'] as const)(
    'keeps, converts and reports exactly what the object reader does (--on-error %s)',
    async (mode) => {
      const r = await readBoth(MESSY, mode);
      expect(r.columnar).toEqual(r.objects);
      expect(r.columnarEnd).toEqual(r.objectEnd);
      if (mode === 'report') {
        expect(r.objects.map((o) => o.key)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C9', 'C10']);
        const codes = r.objectEnd.diagnostics.map((d) => d.code);
        expect(codes).toEqual(
          expect.arrayContaining(['TW0603', 'TW0604', 'TW0605', 'TW0606', 'TW0607', 'TW0631']),
        );
        // 复购率 850 where max is 100: kept without the value, never as 850.
        expect(r.objects.find((o) => o.key === 'C10')?.values[4]).toBeUndefined();
        expect(r.objects.find((o) => o.key === 'C7')?.values[2]).toBe(-1200);
      }
    },
  );

  it('agrees with the object reader on generated cells', async () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '0',
        '-0',
        '1',
        '12',
        '-3.5',
        '1,234',
        '85%',
        '¥100',
        '80万',
        'N/A',
        '1e3',
        '00012',
        '100',
        '100.0001',
        '-0.5',
        '850',
        '1000001',
        '1e-400',
      ),
      fc.constantFrom('VIP', 'vip', '普通', '是', '否', 'true', '2024-03-01', '2024/3/1', '03/01/2024'),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer().map(String),
      fc.string({ maxLength: 6 }).filter((s) => !/[",\n\r]/.test(s)),
    );
    const row = fc.array(cell, { minLength: COLUMNS.length, maxLength: COLUMNS.length });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), async (rows) => {
        const csv = [HEADER, ...rows.map((cells, i) => [`K${i % 5}`, ...cells.slice(1)].join(','))].join(
          '\n',
        );
        const r = await readBoth(csv, 'report', 4);
        expect(r.columnar).toEqual(r.objects);
        expect(r.columnarEnd).toEqual(r.objectEnd);
      }),
      { numRuns: propertyRuns(60, 2_000), seed: 7 },
    );
  });
});

describe('plainNumber', () => {
  it('gives what Number() gives for every plain decimal, and refuses everything else', () => {
    const plain = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,15}$/),
        fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
      )
      .map(
        ([minus, whole, fraction]) =>
          `${minus ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(plain, (text) => {
        expect(Object.is(plainNumber(text), Number(text))).toBe(true);
      }),
      { numRuns: 20_000, seed: 11 },
    );
    for (const text of [
      '',
      '-',
      '.5',
      '5.',
      '1e3',
      '+1',
      '1,000',
      ' 1',
      '1 ',
      '1.1234567',
      '1234567890123456',
      '--1',
      '１',
    ])
      expect(plainNumber(text)).toBeUndefined();
    expect(plainNumber('999999999999.999')).toBe(999999999999.999);
    expect(Object.is(plainNumber('-0'), -0)).toBe(true);
  });
});
