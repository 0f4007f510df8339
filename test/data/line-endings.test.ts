import { describe, expect, it } from 'vitest';
import { detectLineEnding } from '../../src/data/decode.js';
import { open, readAll, scratch, summarise } from './helpers.js';

const file = scratch();
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('line endings', () => {
  it('tells LF, CRLF and CR-only files apart; a CR inside an LF file does not make it CR', () => {
    expect(detectLineEnding(bytes('a,b\n1,2\n'))).toBe('lf');
    expect(detectLineEnding(bytes('a,b\r\n1,2\r\n'))).toBe('crlf');
    expect(detectLineEnding(bytes('a,b\r1,2\r'))).toBe('cr');
    expect(detectLineEnding(bytes('a,"x\ry"\n1,2\n'))).toBe('lf');
    expect(detectLineEnding(bytes('a,b'))).toBe('lf');
    expect(detectLineEnding(bytes('\uFEFFa\rb\r'), 3)).toBe('cr');
  });

  it('reads a CSV whose lines end in CR alone (classic Mac OS) row by row', async () => {
    // Before: the whole file was one header row, and no customer was read.
    const path = file('mac.csv', '客户编号,金额\rC1,100\rC2,"a\rb"\r\rC3,300\r');
    const source = await open(path);
    expect(source.lineEnding).toBe('cr');
    expect(await source.headers()).toEqual(['客户编号', '金额']);
    expect(summarise(await readAll(path))).toEqual([
      { row: 2, fields: { 客户编号: 'C1', 金额: '100' } },
      { row: 3, fields: { 客户编号: 'C2', 金额: 'a\rb' } },
      { row: 5, fields: { 客户编号: 'C3', 金额: '300' } },
    ]);
  });

  it('names the line of a malformed row in a CR file as it does in an LF file', async () => {
    const lf = await readAll(file('bad-lf.csv', 'id,v\nC1,"a\nb"\nC2\nC3,1\n'));
    const cr = await readAll(file('bad-cr.csv', 'id,v\rC1,"a\rb"\rC2\rC3,1\r'));
    const problems = (records: typeof lf) => summarise(records.filter((r) => r.problem));
    expect(problems(cr)).toEqual(problems(lf));
    expect(problems(cr)).toMatchObject([
      { row: 3, code: 'TW0606', message: expect.stringContaining('line 4') },
    ]);
    expect(cr.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('reads NDJSON whose lines end in CR alone', async () => {
    const path = file('mac.ndjson', '{"id":"C1"}\r{"id":"C2"}\r');
    expect(summarise(await readAll(path))).toEqual([
      { row: 1, fields: { id: 'C1' } },
      { row: 2, fields: { id: 'C2' } },
    ]);
  });
});
