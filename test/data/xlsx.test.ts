import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertValue } from '../../src/data/convert.js';
import { openRecords } from '../../src/data/open.js';
import { open, readAll, scratch, summarise } from './helpers.js';

/** A header named like the prototype accessor, kept in a variable so no tool rewrites it to one. */
const PROTO = '__proto__';
const file = scratch();
let customers: string;

/** A workbook as a business unit would send it: a notes sheet first, the data on the second. */
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['客户分级数据, 2024']);
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow([]);
  sheet.addRow(['客户编号', '近12个月消费金额', '复购率', '首次接触日期', '__proto__', '是否活跃', '备注']);
  sheet.addRow([
    'C2024001',
    800000,
    0.85,
    new Date(Date.UTC(2024, 2, 1)),
    'x',
    true,
    { richText: [{ text: '重点' }, { text: '客户' }] },
  ]);
  sheet.getCell('C3').numFmt = '0%';
  sheet.getCell('D3').numFmt = 'yyyy-mm-dd';
  sheet.addRow(['C2024002', { formula: '150000*2', result: 300000 }, 0.075, 45352.5, null, false, null]);
  sheet.getCell('C4').numFmt = '0.0%';
  sheet.addRow([]);
  sheet.addRow(['C2024003', '30万', '60%', '2024/3/1', 'y', '是', 'beyond the header →', 'ignored']);
  customers = file('customers.xlsx');
  await workbook.xlsx.writeFile(customers);
});

describe('xlsx', () => {
  it('streams the named sheet with Excel’s row numbers', async () => {
    const source = await open(customers, { sheet: '客户' });
    expect(source.format).toBe('xlsx');
    expect(source.sheet).toBe('客户');
    expect(source.encoding).toBeUndefined();
    expect(source.headerRow).toBe(2);
    expect(await source.headers()).toEqual([
      '客户编号',
      '近12个月消费金额',
      '复购率',
      '首次接触日期',
      '__proto__',
      '是否活跃',
      '备注',
    ]);
    const records = await readAll(customers, { sheet: '客户' });
    expect(summarise(records)).toEqual([
      {
        row: 3,
        fields: {
          客户编号: 'C2024001',
          近12个月消费金额: 800000,
          // A cell formatted as a percentage reads as the user sees it; the fact's unit decides.
          复购率: '85%',
          首次接触日期: new Date(Date.UTC(2024, 2, 1)),
          [PROTO]: 'x',
          是否活跃: true,
          备注: '重点客户',
        },
      },
      {
        row: 4,
        fields: {
          客户编号: 'C2024002',
          近12个月消费金额: 300000,
          复购率: '7.5%',
          首次接触日期: 45352.5,
          [PROTO]: null,
          是否活跃: false,
          备注: null,
        },
      },
      {
        row: 6,
        fields: {
          客户编号: 'C2024003',
          近12个月消费金额: '30万',
          复购率: '60%',
          首次接触日期: '2024/3/1',
          [PROTO]: 'y',
          是否活跃: '是',
          备注: 'beyond the header →',
        },
      },
    ]);
    expect(Object.hasOwn(records[0]!.fields, '__proto__')).toBe(true);
  });

  it('gives values that convert as the user reads them', async () => {
    const [first, second] = await readAll(customers, { sheet: '客户' });
    expect(convertValue(first!.fields.复购率, { type: 'number', unit: 'percent' })).toEqual({ value: 85 });
    expect(convertValue(second!.fields.复购率, { type: 'number', unit: 'ratio' })).toEqual({ value: 0.075 });
    expect(convertValue(first!.fields.首次接触日期, { type: 'date' })).toEqual({
      value: '2024-03-01T00:00:00+08:00',
    });
    expect(convertValue(second!.fields.首次接触日期, { type: 'date' })).toEqual({
      value: '2024-03-01T12:00:00+08:00',
    });
  });

  it('reads the first sheet by default', async () => {
    const source = await open(customers);
    expect(source.sheet).toBe('说明');
    expect(await source.headers()).toEqual(['客户分级数据, 2024']);
    expect(await readAll(customers)).toEqual([]);
  });

  it('reports a sheet that does not exist, with the sheets it has', async () => {
    expect(await openRecords(customers, { sheet: '客' })).toMatchObject({
      code: 'TW0601',
      message: "the workbook has no sheet named '客'",
      help: "did you mean '客户'?",
    });
  });

  it('reads a large sheet streaming', async () => {
    const path = file('large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('交易');
    sheet.addRow(['客户编号', '交易日期', '金额']).commit();
    for (let i = 0; i < 20_000; i++)
      sheet.addRow([`C${i % 500}`, `2024-03-${(i % 28) + 1}`, i * 10]).commit();
    sheet.commit();
    await writer.commit();
    let count = 0;
    let last = 0;
    for await (const record of (await open(path)).records()) {
      count++;
      last = record.row;
      if (record.row === 20_001)
        expect({ ...record.fields }).toEqual({ 客户编号: 'C499', 交易日期: '2024-03-8', 金额: 199990 });
    }
    expect(count).toBe(20_000);
    expect(last).toBe(20_001);
  });

  it('reports a value over maxFieldBytes', async () => {
    const path = file('long.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['id', 'note']);
    sheet.addRow(['C1', 'x'.repeat(500)]);
    sheet.addRow(['C2', 'ok']);
    await workbook.xlsx.writeFile(path);
    expect(summarise(await readAll(path, { maxFieldBytes: 100 }))).toEqual([
      { row: 2, code: 'TW0606', message: 'a value is longer than 100 bytes', fatal: false },
      { row: 3, fields: { id: 'C2', note: 'ok' } },
    ]);
  });

  it('refuses files that are not workbooks', async () => {
    expect(await openRecords(file('text.xlsx', 'id,name\n1,2\n'))).toMatchObject({
      code: 'TW0601',
      message: 'the file is not an .xlsx workbook (it is not a zip archive)',
    });
    const corrupt = file(
      'corrupt.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    );
    expect(await openRecords(corrupt)).toMatchObject({
      code: 'TW0620',
      message: 'the workbook is damaged: its zip directory cannot be read',
    });
    const xls = file('old.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await openRecords(xls)).toMatchObject({
      code: 'TW0601',
      message: expect.stringContaining('97-2003'),
    });
  });

  it('refuses an empty sheet', async () => {
    const path = file('empty.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('empty');
    await workbook.xlsx.writeFile(path);
    expect(await openRecords(path)).toMatchObject({ code: 'TW0601', message: 'the sheet is empty' });
  });
});
