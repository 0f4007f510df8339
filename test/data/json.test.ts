import { describe, expect, it } from 'vitest';
import { openRecords } from '../../src/data/open.js';
import { concat, hex, open, readAll, scratch, summarise } from './helpers.js';

/** A header named like the prototype accessor, kept in a variable so no tool rewrites it to one. */
const PROTO = '__proto__';
const file = scratch();

describe('NDJSON', () => {
  it('reads one object per line; a record’s row is its line', async () => {
    const path = file(
      'tx.ndjson',
      '{"客户编号":"C1","金额":1200.5,"退款":false}\n\n{"客户编号":"C2","金额":"1,300","备注":null}\r\n',
    );
    const source = await open(path);
    expect(source.format).toBe('ndjson');
    expect(source.headerRow).toBeUndefined();
    expect(await source.headers()).toEqual(['客户编号', '金额', '退款', '备注']);
    expect(summarise(await readAll(path))).toEqual([
      { row: 1, fields: { 客户编号: 'C1', 金额: 1200.5, 退款: false } },
      { row: 3, fields: { 客户编号: 'C2', 金额: '1,300', 备注: null } },
    ]);
  });

  it('reports lines that are not JSON objects, and reads on', async () => {
    const path = file('bad.jsonl', '{"a":1}\n{"a":\n[1,2]\n"text"\nnull\n{"a":2}\n');
    const records = await readAll(path);
    expect(records.map((r) => [r.row, r.problem?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'TW0606'],
      [3, 'TW0606'],
      [4, 'TW0606'],
      [5, 'TW0606'],
      [6, 'ok'],
    ]);
    expect(records[1]!.problem!.message).toMatch(/^the line is not valid JSON: /);
    expect(records[2]!.problem!.message).toBe('the line is not a JSON object but an array');
    expect(records[4]!.problem!.message).toBe('the line is not a JSON object but null');
  });

  it('keeps nested values as JSON text, so reading them as numbers fails loudly', async () => {
    const [record] = await readAll(file('nested.ndjson', '{"a":{"b":1},"c":[1,2]}\n'));
    expect({ ...record!.fields }).toEqual({ a: '{"b":1}', c: '[1,2]' });
  });

  it('keeps __proto__ and constructor keys as plain data', async () => {
    const [record] = await readAll(
      file('proto.ndjson', '{"__proto__":{"polluted":true},"constructor":"x"}\n'),
    );
    expect(Object.keys(record!.fields)).toEqual(['__proto__', 'constructor']);
    expect(record!.fields[PROTO]).toBe('{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes its columns from the keys of the first 1,000 records', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify(i === 10 ? { id: i, late: 1 } : { id: i }),
    );
    lines.push(JSON.stringify({ id: 'x', tooLate: 1 }));
    const path = file('keys.ndjson', `${lines.join('\n')}\n`);
    const source = await open(path);
    expect(await source.headers()).toEqual(['id', 'late']);
    let count = 0;
    for await (const record of source.records()) {
      count++;
      if (record.row === 1501) expect(record.fields.tooLate).toBe(1);
    }
    expect(count).toBe(1501);
  });

  it('reports a value over maxFieldBytes and a line over maxRowBytes', async () => {
    const path = file('long.ndjson', `{"a":"${'x'.repeat(200)}"}\n{"a":"${'y'.repeat(2000)}"}\n{"a":"z"}\n`);
    expect(summarise(await readAll(path, { maxFieldBytes: 100, maxRowBytes: 1024 }))).toEqual([
      { row: 1, code: 'TW0606', message: 'a value is longer than 100 bytes', fatal: false },
      { row: 2, code: 'TW0606', message: 'line 2 is longer than 1 KiB', fatal: true },
    ]);
  });

  it('detects GBK', async () => {
    const path = file('gbk.ndjson', concat('{"', hex('bf cd bb a7'), '":"C1"}\n'));
    const source = await open(path);
    expect(source.encoding).toBe('gb18030');
    expect(summarise(await readAll(path))).toEqual([{ row: 1, fields: { 客户: 'C1' } }]);
  });
});

describe('JSON arrays', () => {
  it('reads an array of objects; a record’s row is its element number', async () => {
    const path = file(
      'customers.json',
      '[\n  {"客户编号": "C1", "金额": 800000},\n  {"客户编号": "C2"},\n  42\n]\n',
    );
    const source = await open(path);
    expect(source.format).toBe('json');
    expect(summarise(await readAll(path))).toEqual([
      { row: 1, fields: { 客户编号: 'C1', 金额: 800000 } },
      { row: 2, fields: { 客户编号: 'C2' } },
      { row: 3, code: 'TW0606', message: 'the element is not a JSON object but a number', fatal: false },
    ]);
  });

  it('reads JSON Lines saved as .json', async () => {
    const path = file('lines.json', '{"a":1}\n{"a":2}\n');
    const source = await open(path);
    expect(source.format).toBe('ndjson');
    expect(summarise(await readAll(path))).toEqual([
      { row: 1, fields: { a: 1 } },
      { row: 2, fields: { a: 2 } },
    ]);
  });

  it('refuses what is not an array of records when opening', async () => {
    expect(await openRecords(file('broken.json', '[{"a":1},'))).toMatchObject({
      code: 'TW0601',
      message: expect.stringMatching(/^the file is not valid JSON: /),
    });
    expect(await openRecords(file('scalar.json', '"text"'))).toMatchObject({
      code: 'TW0601',
      message: 'a .json file must hold an array of objects, one per record',
    });
  });

  it('refuses an array larger than maxJsonBytes, pointing to NDJSON', async () => {
    const result = await openRecords(file('big.json', `[${'{"a":1},'.repeat(200)}{"a":1}]`), {
      maxJsonBytes: 1024,
    });
    expect(result).toMatchObject({ code: 'TW0601', help: expect.stringContaining('NDJSON') });
  });

  it('reports bytes that are not valid in the encoding', async () => {
    const result = await openRecords(file('bad-utf8.json', concat('[{"a":"', hex('ff'), '"}]')), {
      encoding: 'utf-8',
    });
    expect(result).toMatchObject({ code: 'TW0608', message: 'the byte at offset 7 is not valid UTF-8' });
  });
});
