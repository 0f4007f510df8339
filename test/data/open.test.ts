import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRecords } from '../../src/data/open.js';
import { hex, open, readAll, scratch, summarise } from './helpers.js';

const file = scratch();

describe('openRecords', () => {
  it('takes the format from the extension, in any case', async () => {
    expect((await open(file('a.CSV', 'id\n1\n'))).format).toBe('csv');
    expect((await open(file('a.tsv', 'id\n1\n'))).format).toBe('tsv');
    expect((await open(file('a.jsonl', '{"id":1}\n'))).format).toBe('ndjson');
    expect((await open(file('a.ndjson', '{"id":1}\n'))).format).toBe('ndjson');
  });

  it('lets the caller name the format', async () => {
    const path = file('export.txt', '客户编号\t金额\nC1\t5\n');
    expect(summarise(await readAll(path, { format: 'tsv' }))).toEqual([
      { row: 2, fields: { 客户编号: 'C1', 金额: '5' } },
    ]);
  });

  it('refuses an unknown extension and the old .xls format', async () => {
    expect(await openRecords(file('data.txt', 'id\n'))).toMatchObject({
      code: 'TW0601',
      message: "the format of '.txt' files is not known",
    });
    expect(await openRecords(file('data.xls', 'x'))).toMatchObject({
      code: 'TW0601',
      message: 'Excel 97-2003 workbooks (.xls) are not read',
    });
  });

  it('reports a file that cannot be read', async () => {
    expect(await openRecords(file('missing.csv'))).toMatchObject({
      code: 'TW0601',
      message: 'the file cannot be read: the file does not exist',
    });
    expect(await openRecords(dirname(file('x')), { format: 'csv' })).toMatchObject({
      code: 'TW0601',
      message: 'the path is not a regular file',
    });
  });

  it('recognises a workbook given as CSV', async () => {
    const path = file('book.csv', hex('50 4b 03 04 14 00 06 00'));
    expect(await openRecords(path)).toMatchObject({ code: 'TW0601', help: expect.stringContaining('.xlsx') });
  });

  it('releases the file when records are never read', async () => {
    const source = await open(file('close.csv', 'id\n1\n2\n'));
    await source.close();
    // Still usable: records() opens the file again.
    expect((await readAll(file('close.csv'))).map((r) => r.row)).toEqual([2, 3]);
    const rows: number[] = [];
    for await (const record of source.records()) rows.push(record.row);
    expect(rows).toEqual([2, 3]);
  });
});
