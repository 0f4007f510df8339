import { createWriteStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { openRecords } from '../../src/data/open.js';
import { concat, hex, isDiagnostic, open, readAll, scratch, summarise } from './helpers.js';

/** A header named like the prototype accessor, kept in a variable so no tool rewrites it to one. */
const PROTO = '__proto__';
const file = scratch();

/** A full collection, so heap figures measure what is held rather than when V8 last collected. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('CSV rows', () => {
  it('numbers rows as a spreadsheet does: the header is row 1', async () => {
    const path = file('rows.csv', '客户编号,近12个月消费金额\nC2024001,800000\nC2024002,"300,000"\n');
    const source = await open(path);
    expect(await source.headers()).toEqual(['客户编号', '近12个月消费金额']);
    expect(source.headerRow).toBe(1);
    expect(source.format).toBe('csv');
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { 客户编号: 'C2024001', 近12个月消费金额: '800000' } },
      { row: 3, fields: { 客户编号: 'C2024002', 近12个月消费金额: '300,000' } },
    ]);
  });

  it('keeps a quoted value with line breaks in one row, so later rows are records, not lines', async () => {
    // Excel shows this file as 4 rows; a text editor as 6 lines. Rows follow Excel.
    const path = file('multiline.csv', 'id,note\nC1,"first line\nsecond line\nthird"\nC2,plain\nC3,"x""y"\n');
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { id: 'C1', note: 'first line\nsecond line\nthird' } },
      { row: 3, fields: { id: 'C2', note: 'plain' } },
      { row: 4, fields: { id: 'C3', note: 'x"y' } },
    ]);
  });

  it('names the line when a malformed row comes after a multi-line value', async () => {
    const path = file('multiline-bad.csv', 'id,note\nC1,"a\nb"\nC2\nC3,ok\n');
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { id: 'C1', note: 'a\nb' } },
      {
        row: 3,
        code: 'TW0606',
        message: 'the row has 1 values but the header has 2 columns (line 4 of the file)',
        fatal: false,
      },
      { row: 4, fields: { id: 'C3', note: 'ok' } },
    ]);
  });

  it('reports rows with too few or too many values, and keeps reading', async () => {
    const path = file('count.csv', 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n4,5,6\n');
    const records = await readAll(path);
    expect(summarise(records)).toEqual([
      { row: 2, fields: { a: '1', b: '2', c: '3' } },
      { row: 3, code: 'TW0606', message: 'the row has 2 values but the header has 3 columns', fatal: false },
      { row: 4, code: 'TW0606', message: 'the row has 4 values but the header has 3 columns', fatal: false },
      { row: 5, fields: { a: '4', b: '5', c: '6' } },
    ]);
    expect(records[1]!.problem).toMatchObject({ file: path, row: 3, severity: 'error' });
    expect(records[1]!.problem!.help).toContain('quoted');
  });

  it('reports an unclosed quote at the end of the file with the lines it swallowed', async () => {
    const path = file('unclosed.csv', 'id,note\nC1,ok\nC2,"never closed\nC3,lost\n');
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { id: 'C1', note: 'ok' } },
      {
        row: 3,
        code: 'TW0606',
        message:
          'a quoted value that starts in this row is never closed, so the rest of the file was read into it (lines 3–4 of the file)',
        fatal: false,
      },
    ]);
  });

  it('reports a stray quote and the lines it merged, then reads on', async () => {
    const path = file('stray.csv', 'id,n\n1,"ab"c,3\n2,3\n4,"x"\n5,6\n');
    expect(summarise(await readAll(path))).toEqual([
      {
        row: 2,
        code: 'TW0606',
        message:
          'a quoted value is followed by other text before the next separator, as in "abc"def (lines 2–4 of the file)',
        fatal: false,
      },
      { row: 3, fields: { id: '5', n: '6' } },
    ]);
  });

  it('stops with TW0606 when an unclosed quote runs past maxRowBytes', async () => {
    const path = file('runaway.csv', `id,note\nC1,ok\nC2,"${'x\n'.repeat(5000)}`);
    const records = await readAll(path, { maxRowBytes: 1024 });
    expect(summarise(records)).toEqual([
      { row: 2, fields: { id: 'C1', note: 'ok' } },
      {
        row: 3,
        code: 'TW0606',
        message:
          'the row starting on line 3 runs on for more than 1 KiB: a quote in it is probably never closed',
        fatal: true,
      },
    ]);
  });

  it('stops with TW0606 at a row longer than maxRowBytes, wherever the read chunks fall', async () => {
    const short = file('long-row.csv', `id,note\nC1,${'y'.repeat(3000)}\nC2,ok\n`);
    expect(summarise(await readAll(short, { maxRowBytes: 1024 }))).toEqual([
      { row: 2, code: 'TW0606', message: 'the row is longer than 1 KiB', fatal: true },
    ]);
    // Longer than a read chunk: stopped before the line is held whole.
    const long = file('long-line.csv', `id,note\nC1,${'y'.repeat(300 * 1024)}\nC2,ok\n`);
    expect(summarise(await readAll(long, { maxRowBytes: 1024 }))).toEqual([
      { row: 2, code: 'TW0606', message: 'line 2 is longer than 1 KiB', fatal: true },
    ]);
  });

  it('reports a value over maxFieldBytes, counted in UTF-8 bytes', async () => {
    const path = file(
      'field.csv',
      `id,note\nC1,${'客'.repeat(40)}\nC2,${'a'.repeat(100)}\nC3,${'b'.repeat(121)}\n`,
    );
    const records = await readAll(path, { maxFieldBytes: 120 });
    expect(summarise(records)).toEqual([
      { row: 2, fields: { id: 'C1', note: '客'.repeat(40) } },
      { row: 3, fields: { id: 'C2', note: 'a'.repeat(100) } },
      { row: 4, code: 'TW0606', message: 'a value is longer than 120 bytes', fatal: false },
    ]);
    expect(records[2]!.problem!.column).toBe('note');
  });

  it('skips blank rows but counts them, as Excel shows them', async () => {
    const path = file('blank.csv', '\nid,n\n1,2\n\n,\n  ,  \n3,4');
    const source = await open(path);
    expect(source.headerRow).toBe(2);
    expect(summarise(await readAll(path))).toEqual([
      { row: 3, fields: { id: '1', n: '2' } },
      { row: 7, fields: { id: '3', n: '4' } },
    ]);
  });

  it('reads CRLF, LF and mixed line endings alike', async () => {
    const crlf = file('crlf.csv', 'id,n\r\n1,"2"\r\n3,4\r\n');
    const mixed = file('mixed.csv', 'id,n\n1,"2"\r\n3,4\n');
    const expected = [
      { row: 2, fields: { id: '1', n: '2' } },
      { row: 3, fields: { id: '3', n: '4' } },
    ];
    expect(summarise(await readAll(crlf))).toEqual(expected);
    expect(summarise(await readAll(mixed))).toEqual(expected);
  });

  it('reads TSV, quoted values included', async () => {
    const path = file('data.tsv', '客户编号\t备注\nC1\t"a\tb"\nC2\tplain, with comma\n');
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { 客户编号: 'C1', 备注: 'a\tb' } },
      { row: 3, fields: { 客户编号: 'C2', 备注: 'plain, with comma' } },
    ]);
  });

  it('keeps __proto__ and constructor headers as plain data', async () => {
    const path = file('proto.csv', '__proto__,constructor,toString\n{"polluted":1},2,3\n');
    const [record] = await readAll(path);
    expect(Object.keys(record!.fields)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(record!.fields[PROTO]).toBe('{"polluted":1}');
    expect(record!.fields.constructor).toBe('2');
    expect(Object.hasOwn(record!.fields, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A header the record lacks is undefined, never something inherited.
    const other = await readAll(file('plain.csv', 'a\n1\n'));
    expect(other[0]!.fields.constructor).toBeUndefined();
    expect(other[0]!.fields.hasOwnProperty).toBeUndefined();
  });

  it('reads the first of two columns with the same header', async () => {
    const path = file('dupe.csv', 'id,x,x\n1,first,second\n');
    const source = await open(path);
    expect(await source.headers()).toEqual(['id', 'x', 'x']);
    expect(summarise(await readAll(path))).toEqual([{ row: 2, fields: { id: '1', x: 'first' } }]);
  });

  it('starts again from the top on each records() call', async () => {
    const source = await open(file('twice.csv', 'id\n1\n2\n'));
    const rows = async () => {
      const out: number[] = [];
      for await (const r of source.records()) out.push(r.row);
      return out;
    };
    expect(await rows()).toEqual([2, 3]);
    expect(await rows()).toEqual([2, 3]);
  });

  it('stops reading cleanly when the caller breaks off', async () => {
    const source = await open(
      file('break.csv', `id\n${Array.from({ length: 1000 }, (_, i) => i).join('\n')}\n`),
    );
    for await (const record of source.records()) if (record.row === 5) break;
    const again: number[] = [];
    for await (const record of source.records()) again.push(record.row);
    expect(again).toHaveLength(1000);
  });

  it('reports an empty file as TW0601', async () => {
    for (const content of ['', '\n\n', '\ufeff']) {
      const result = await openRecords(file('empty.csv', content));
      expect(result).toMatchObject({ code: 'TW0601', message: 'the file is empty' });
    }
  });

  it('reports a malformed header row when opening', async () => {
    const result = await openRecords(file('bad-header.csv', 'id,"a"b\n1,2\n'));
    expect(result).toMatchObject({ code: 'TW0606', row: 1 });
  });
});

describe('CSV encodings', () => {
  // GBK bytes of 客户编号 (customer id) and 消费金额 (spend), written out by hand.
  const GBK_CUSTOMER_ID = hex('bf cd bb a7 b1 e0 ba c5');
  const GBK_SPEND = hex('cf fb b7 d1 bd f0 b6 ee');

  it('strips a UTF-8 byte-order mark', async () => {
    const path = file('bom.csv', concat(hex('ef bb bf'), '客户编号,金额\nC1,1\n'));
    const source = await open(path);
    expect(await source.headers()).toEqual(['客户编号', '金额']);
    expect(source.encoding).toBe('utf-8');
    expect(source.encodingDetected).toBe(true);
  });

  it('detects GBK (Chinese Excel exports) and says so', async () => {
    const path = file(
      'gbk.csv',
      concat(GBK_CUSTOMER_ID, ',', GBK_SPEND, '\nC1,', hex('b0 cb ca ae cd f2'), '\n'),
    );
    const source = await open(path);
    expect(source.encoding).toBe('gb18030');
    expect(source.encodingDetected).toBe(true);
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { 客户编号: 'C1', 消费金额: '八十万' } },
    ]);
  });

  it('reads GBK when told, and UTF-8 when told', async () => {
    const gbk = file('told.csv', concat(GBK_CUSTOMER_ID, '\nC1\n'));
    expect(await (await open(gbk, { encoding: 'gbk' })).headers()).toEqual(['客户编号']);
    const utf8 = file('told-utf8.csv', '客户编号\nC1\n');
    const source = await open(utf8, { encoding: 'utf-8' });
    expect(source.encodingDetected).toBe(false);
    expect(await source.headers()).toEqual(['客户编号']);
  });

  it('reports bytes that are not valid in the encoding with their offset and row (TW0608)', async () => {
    // 64 KiB of plain ASCII first, so auto detection settles on UTF-8; then a GBK row.
    const ascii = `id,name\n${Array.from({ length: 10_000 }, (_, i) => `C${i},ok`).join('\n')}\nGBK,`;
    const path = file('late-gbk.csv', concat(ascii, GBK_CUSTOMER_ID, '\nC3,ok\n'));
    const records = await readAll(path);
    expect(records).toHaveLength(10_001);
    expect(summarise(records.slice(-1))).toEqual([
      {
        row: 10_002,
        code: 'TW0608',
        message: `the byte at offset ${Buffer.byteLength(ascii)} is not valid UTF-8`,
        fatal: true,
      },
    ]);
    expect(records.at(-1)!.problem!.help).toContain('give the encoding gbk');
  });

  it('refuses a header that is not valid in the given encoding when opening', async () => {
    const result = await openRecords(file('header-gbk.csv', concat(GBK_CUSTOMER_ID, '\n')), {
      encoding: 'utf-8',
    });
    expect(result).toMatchObject({
      code: 'TW0608',
      row: 1,
      message: 'the byte at offset 0 is not valid UTF-8',
    });
  });

  it('refuses bytes that are neither UTF-8 nor GBK', async () => {
    const result = await openRecords(file('neither.csv', concat('id\n', hex('ff ff ff'), '\n')));
    expect(result).toMatchObject({
      code: 'TW0608',
      message: 'the file is neither UTF-8 (the byte at offset 3 is not valid UTF-8) nor GBK/GB18030',
    });
  });

  it('refuses UTF-16 and binary files', async () => {
    const utf16 = await openRecords(file('utf16.csv', concat(hex('ff fe'), hex('69 00 64 00'))));
    expect(utf16).toMatchObject({ code: 'TW0608' });
    expect(isDiagnostic(utf16) && utf16.message).toContain('UTF-16');
    const binary = await openRecords(file('nul.csv', concat('id\n', hex('00'), '\n')));
    expect(binary).toMatchObject({ code: 'TW0608', message: expect.stringContaining('offset 3 is NUL') });
  });

  it('refuses a UTF-8 byte-order mark when GBK was given', async () => {
    const result = await openRecords(file('bom-gbk.csv', concat(hex('ef bb bf'), 'id\n')), {
      encoding: 'gbk',
    });
    expect(result).toMatchObject({ code: 'TW0608' });
  });

  it('decodes characters split across read chunks', async () => {
    // 300 KiB of three-byte characters: the 256 KiB read boundary falls inside one of them.
    const name = '客'.repeat(100);
    const rows = Array.from({ length: 1000 }, (_, i) => `C${i},${name}`).join('\n');
    const path = file('split.csv', `id,name\n${rows}\n`);
    const records = await readAll(path);
    expect(records).toHaveLength(1000);
    expect(records.every((r) => r.fields.name === name)).toBe(true);
    const gbkPath = file(
      'split-gbk.csv',
      concat('id,name\n', ...Array.from({ length: 20000 }, (_, i) => concat(`C${i},`, GBK_SPEND, '\n'))),
    );
    const gbk = await readAll(gbkPath);
    expect(gbk).toHaveLength(20000);
    expect(gbk.every((r) => r.fields.name === '消费金额')).toBe(true);
  });
});

describe('CSV streaming', () => {
  it('reads 200,000 rows without holding them', async () => {
    const path = file('large.csv');
    const out = createWriteStream(path);
    out.write('客户编号,客户名称,行业,近12个月消费金额,订单数,最近购买日期,复购率,是否活跃\n');
    const ROWS = 200_000;
    // What toLocaleString('en-US') writes, without a formatter made afresh for each of the rows.
    const grouped = new Intl.NumberFormat('en-US');
    for (let start = 0; start < ROWS; start += 10_000) {
      let chunk = '';
      for (let i = start; i < start + 10_000; i++) {
        chunk += `C${2024000000 + i},公司${i},零售,"${grouped.format(i * 37)}.50",${i % 50},2024-03-01,${i % 100}%,是\n`;
      }
      out.write(chunk);
    }
    await new Promise((resolve) => out.end(resolve));

    const source = await open(path);
    const heap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    let count = 0;
    let lastRow = 0;
    let peak = 0;
    for await (const record of source.records()) {
      if (record.problem) expect.fail(record.problem.message);
      count++;
      lastRow = record.row;
      if (count % 40_000 === 0) peak = Math.max(peak, heap() - before);
    }
    expect(count).toBe(ROWS);
    expect(lastRow).toBe(ROWS + 1);
    // The file is ~15 MB and its rows as objects several times that; a streaming reader holds
    // one piece of rows at a time (a few MB). Loose on purpose.
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  });
});
