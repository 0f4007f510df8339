import { describe, expect, it } from 'vitest';
import { openRecords } from '../../src/data/open.js';
import { type ColumnSpec, mapRecord } from '../../src/data/table.js';
import { limitsOf, type RawRecord } from '../../src/data/types.js';
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from '../../src/data/xlsx/limits.js';
import { readXlsx } from '../../src/data/xlsx.js';
import { readAll, scratch, summarise } from './helpers.js';
import { book, num, row, text } from './xlsx-build.js';

/** Issue 12: workbooks under 1 MiB that hung the reader, crashed it, or were read wrongly. */
const file = scratch();
let n = 0;
const save = (bytes: Buffer) => file(`book${++n}.xlsx`, bytes);

/** Every record the reader yields, with smaller limits than the defaults where a test needs them. */
async function records(path: string, limits: Partial<WorkbookLimits> = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  const reader = readXlsx({
    file: path,
    limits: limitsOf({}),
    workbookLimits: { ...DEFAULT_WORKBOOK_LIMITS, ...limits },
  });
  for await (const batch of reader)
    for (const event of batch) if (event.kind === 'record') out.push(event.record);
  return out;
}

const header = row(1, text('A1', 'id'), text('B1', 'amount'));

describe('xlsx: expansion is bounded before and while inflating', () => {
  it('refuses a part that would inflate more than 100 times, before reading it', async () => {
    // 1.6 million empty shared strings in 12 KiB: the 24-million-string workbook, smaller.
    const path = save(
      book({ sheets: [{ name: 's', data: header }], sharedStrings: '<si/>'.repeat(1_600_000) }),
    );
    expect(await openRecords(path)).toMatchObject({
      code: 'TW0621',
      message:
        'the workbook part xl/sharedStrings.xml would inflate to 7.6 MiB from 11.5 KiB, more than 100 times its size (a zip bomb, or a workbook too large to read)',
    });
  });

  it('refuses a huge single cell by its expansion, with words and no internal message', async () => {
    const cell = `<c r="B2" t="inlineStr"><is><t>${'a'.repeat(16 * 1024 * 1024)}</t></is></c>`;
    const path = save(book({ sheets: [{ name: 's', data: header + row(2, text('A2', 'C1'), cell) }] }));
    const result = await openRecords(path);
    expect(result).toMatchObject({
      code: 'TW0621',
      message: expect.stringContaining('xl/worksheets/sheet1.xml'),
    });
  });

  it('stops a part whose declared size lies, as soon as more comes out', async () => {
    const path = save(
      book({
        sheets: [{ name: 's', data: header }],
        sharedStrings: '<si><t>x</t></si>'.repeat(100_000),
        replace: { 'xl/sharedStrings.xml': { declaredSize: 1000 } },
      }),
    );
    expect(await openRecords(path)).toMatchObject({
      code: 'TW0621',
      message:
        'the workbook part xl/sharedStrings.xml inflates to more than the 1000 bytes its zip directory declares',
    });
  });

  it('counts the parts read together against the whole file', async () => {
    const strings = Array.from({ length: 2000 }, (_, i) => `t${i}`);
    const path = save(book({ sheets: [{ name: 's', data: header }], sharedStrings: strings }));
    const [first] = await records(path, { expansionGraceBytes: 0, maxExpansionRatio: 1 });
    expect(first?.problem?.code).toBe('TW0621');
  });
});

describe('xlsx: shared strings, rows and columns are bounded', () => {
  it('refuses more shared strings than the limit', async () => {
    const path = save(book({ sheets: [{ name: 's', data: header }], sharedStrings: ['a', 'b', 'c', 'd'] }));
    const [first] = await records(path, { maxSharedStrings: 3 });
    expect(first?.problem).toMatchObject({
      code: 'TW0622',
      message: 'the workbook has more than 3 shared strings, or more than 268,435,456 characters of them',
    });
    const [second] = await records(path, { maxSharedStringChars: 3 });
    expect(second?.problem?.code).toBe('TW0622');
  });

  it('keeps a long shared string only as far as the row check needs', async () => {
    const long = 'x'.repeat(5000);
    const data = header + row(2, text('A2', 'C1'), '<c r="B2" t="s"><v>0</v></c>') + row(3, text('A3', 'C2'));
    const path = save(book({ sheets: [{ name: 's', data }], sharedStrings: [long] }));
    expect(summarise(await readAll(path, { maxFieldBytes: 100 }))).toEqual([
      { row: 2, code: 'TW0606', message: 'a value is longer than 100 bytes', fatal: false },
      { row: 3, fields: { id: 'C2', amount: null } },
    ]);
  });

  it('refuses a row or a column outside Excel’s sheet', async () => {
    const beyondRow = save(
      book({ sheets: [{ name: 's', data: header + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }] }),
    );
    expect((await readAll(beyondRow)).at(-1)).toMatchObject({ row: 2, fatal: true });
    expect((await readAll(beyondRow)).at(-1)?.problem).toMatchObject({
      code: 'TW0623',
      message: "the row number '1048577' is outside Excel's sheet of 1,048,576 rows and 16,384 columns",
    });
    // A header cell at column 10^9 would make the header a billion names long.
    const farColumn = save(
      book({ sheets: [{ name: 's', data: row(1, text('A1', 'id'), num('BFMAAAA1', '1')) }] }),
    );
    expect(await openRecords(farColumn)).toMatchObject({ code: 'TW0620' });
    const justBeyond = save(
      book({ sheets: [{ name: 's', data: row(1, text('A1', 'id'), num('XFE1', '1')) }] }),
    );
    expect(await openRecords(justBeyond)).toMatchObject({
      code: 'TW0623',
      message: "the cell 'XFE1' is outside Excel's sheet of 1,048,576 rows and 16,384 columns",
    });
  });

  it('refuses a cell that refers to a shared string the workbook does not have', async () => {
    const data = header + row(2, text('A2', 'C1'), '<c r="B2" t="s"><v>7</v></c>');
    const path = save(book({ sheets: [{ name: 's', data }], sharedStrings: ['a'] }));
    expect(summarise(await readAll(path))).toEqual([
      {
        row: 2,
        code: 'TW0620',
        message: 'a cell refers to shared string 7, but the workbook has 1',
        fatal: true,
      },
    ]);
  });
});

describe('xlsx: a workbook missing parts or with malformed ones gets words, not an internal message', () => {
  const data = header + row(2, text('A2', 'C1'), num('B2', '5'));

  it('without xl/workbook.xml', async () => {
    expect(await openRecords(save(book({ without: ['xl/workbook.xml'] })))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook has no part xl/workbook.xml',
    });
  });

  it('without the workbook’s relationships, or the sheet they name', async () => {
    expect(await openRecords(save(book({ without: ['xl/_rels/workbook.xml.rels'] })))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook has no part xl/_rels/workbook.xml.rels',
    });
    expect(await openRecords(save(book({ without: ['xl/worksheets/sheet1.xml'] })))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook has no part xl/worksheets/sheet1.xml',
    });
  });

  it('with XML that is not well-formed, declares a DOCTYPE, or is not UTF-8', async () => {
    const broken = book({
      sheets: [{ name: 's', data }],
      replace: { 'xl/workbook.xml': { data: '<workbook><sheets><sheet name="s" r:id="rId1"</sheets>' } },
    });
    expect(await openRecords(save(broken))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook part xl/workbook.xml is not well-formed XML',
    });
    const doctype = book({
      sheets: [{ name: 's', data }],
      replace: {
        'xl/worksheets/sheet1.xml': {
          data: '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>',
        },
      },
    });
    expect(await openRecords(save(doctype))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook part xl/worksheets/sheet1.xml declares a DOCTYPE, which no workbook does',
    });
    const latin1 = book({
      sheets: [{ name: 's', data: row(1, text('A1', 'id')) }],
      replace: {
        'xl/worksheets/sheet1.xml': {
          data: Buffer.from(
            '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>\xe9</t></is></c></row></sheetData></worksheet>',
            'latin1',
          ),
        },
      },
    });
    expect(await openRecords(save(latin1))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook part xl/worksheets/sheet1.xml is not valid UTF-8',
    });
  });

  it('with a damaged or truncated zip, an unknown compression or an encrypted part', async () => {
    const whole = book({ sheets: [{ name: 's', data }] });
    expect(await openRecords(save(whole.subarray(0, whole.length - 10)))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook is damaged: its zip directory cannot be read',
    });
    const corrupted = Buffer.from(whole);
    corrupted.fill(0xff, 40, 80);
    expect(await openRecords(save(corrupted))).toMatchObject({ code: 'TW0620' });
    const lzma = book({ sheets: [{ name: 's', data }], replace: { 'xl/workbook.xml': { method: 14 } } });
    expect(await openRecords(save(lzma))).toMatchObject({
      code: 'TW0620',
      message: 'the workbook is damaged: its part xl/workbook.xml cannot be read',
    });
    const encrypted = book({ sheets: [{ name: 's', data }], replace: { 'xl/workbook.xml': { flags: 1 } } });
    expect(await openRecords(save(encrypted))).toMatchObject({
      code: 'TW0620',
      message: expect.stringContaining('password-protected'),
    });
  });

  it('reads a workbook whose xl/workbook.xml comes last in the zip (exceljs/exceljs#3064)', async () => {
    const path = save(
      book({
        sheets: [{ name: 's', data }],
        order: ['xl/worksheets/sheet1.xml', 'xl/_rels/workbook.xml.rels', '_rels/.rels', 'xl/workbook.xml'],
      }),
    );
    expect(summarise(await readAll(path))).toEqual([{ row: 2, fields: { id: 'C1', amount: 5 } }]);
  });

  it('never lets a bad cell reference through', async () => {
    const wrongRow = save(book({ sheets: [{ name: 's', data: row(1, text('A1', 'id'), num('B7', '1')) }] }));
    expect(await openRecords(wrongRow)).toMatchObject({
      code: 'TW0620',
      message: "the cell reference 'B7' is not a cell of row 1",
    });
  });
});

describe('xlsx: numbers and date serials are read as strictly as in CSV', () => {
  const amount: ColumnSpec = { id: 'spend12m', column: 'amount', type: 'number', unit: 'CNY' };

  /** The diagnostics mapRecord gives for each data row of a file. */
  async function diagnosticsOf(path: string, spec: ColumnSpec): Promise<unknown[]> {
    const found: unknown[] = [];
    for (const r of await readAll(path)) {
      for (const d of mapRecord(r, [spec], 'f').diagnostics) found.push([d.code, d.row, d.column, d.message]);
    }
    return found;
  }

  it('reports 1e309, NaN, abc, 0x10 and 12abc in a numeric cell as TW0603, as the CSV reader does', async () => {
    const values = ['1e309', 'NaN', 'abc', '0x10', '12abc', '-Infinity'];
    const data =
      header + values.map((v, i) => row(i + 2, text(`A${i + 2}`, `C${i}`), num(`B${i + 2}`, v))).join('');
    const xlsx = save(book({ sheets: [{ name: 's', data }] }));
    const csv = file('same.csv', `id,amount\n${values.map((v, i) => `C${i},${v}`).join('\n')}\n`);
    const fromCsv = await diagnosticsOf(csv, amount);
    expect(fromCsv).toHaveLength(values.length);
    expect(await diagnosticsOf(xlsx, amount)).toEqual(fromCsv);
    expect(fromCsv[0]).toEqual([
      'TW0603',
      2,
      'amount',
      "spend12m: expected an amount in CNY such as 1234.5, 1,234.5, ¥1,234.5 or 80万, got '1e309': the number is too large",
    ]);
  });

  it('reads well-formed numbers as numbers', async () => {
    const data =
      header + row(2, text('A2', 'C1'), num('B2', '1.5E3')) + row(3, text('A3', 'C2'), num('B3', '-0'));
    const path = save(book({ sheets: [{ name: 's', data }] }));
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { id: 'C1', amount: 1500 } },
      { row: 3, fields: { id: 'C2', amount: 0 } },
    ]);
  });

  // Style 1 is a date format (numFmtId 14, built in), as Excel writes a date cell.
  const dateStyles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
  const serials = ['0', '-1', '1', '59', '60', '61', '2958465', '2958465.5', '2958466'];

  it('maps serials 1–59 and 61 on to the right day, and leaves 0, −1, 60 and 2958466 on for the date check', async () => {
    const data =
      header + serials.map((s, i) => row(i + 2, text(`A${i + 2}`, `C${i}`), num(`B${i + 2}`, s, 1))).join('');
    const path = save(book({ sheets: [{ name: 's', data }], styles: dateStyles }));
    const got = (await readAll(path)).map((r) => {
      const v = r.fields.amount;
      return v instanceof Date ? v.toISOString() : v;
    });
    expect(got).toEqual([
      0,
      -1,
      '1900-01-01T00:00:00.000Z',
      '1900-02-28T00:00:00.000Z',
      60,
      '1900-03-01T00:00:00.000Z',
      '9999-12-31T00:00:00.000Z',
      '9999-12-31T12:00:00.000Z',
      2958466,
    ]);
    const firstContact: ColumnSpec = { id: 'firstContact', column: 'amount', type: 'date' };
    const refused = (await diagnosticsOf(path, firstContact)) as [string, number][];
    expect(refused.map(([code, r]) => [code, r])).toEqual([
      ['TW0604', 2],
      ['TW0604', 3],
      ['TW0604', 6],
      ['TW0604', 10],
    ]);
  });

  it('reads the 1904 date system (old Mac workbooks) from serial 0', async () => {
    const data =
      header + row(2, text('A2', 'C1'), num('B2', '0', 1)) + row(3, text('A3', 'C2'), num('B3', '-1', 1));
    const path = save(book({ sheets: [{ name: 's', data }], styles: dateStyles, date1904: true }));
    const [first, second] = await readAll(path);
    expect((first!.fields.amount as Date).toISOString()).toBe('1904-01-01T00:00:00.000Z');
    expect(Number.isNaN((second!.fields.amount as Date).getTime())).toBe(true);
  });
});
