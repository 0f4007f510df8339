import { describe, expect, it } from 'vitest';
import type { RawRecord, StreamFormat } from '../../src/data/index.js';
import { openRecordStream } from '../../src/data/open.js';
import { concat, hex, readAll, scratch, summarise } from './helpers.js';

const file = scratch();

/** The bytes as a request body delivers them: in pieces of `size`, cut anywhere. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readStream(bytes: Uint8Array, format: StreamFormat, size: number, maxRowBytes?: number) {
  const source = await openRecordStream(pieces(bytes, size), format, 'body', { maxRowBytes });
  if ('code' in source) throw new Error(`${source.code}: ${source.message}`);
  const records: RawRecord[] = [];
  for await (const record of source.records()) records.push(record);
  return { source, records };
}

describe('openRecordStream', () => {
  const GBK = concat(
    hex('bf cd bb a7 b1 e0 ba c5'),
    ',amount\nC1,',
    hex('b0 cb ca ae cd f2'),
    '\n"C2","1,5"\r\n',
    'C3,"two\nlines"\n',
  );

  it('reads what openRecords reads from a file, cut at any byte', async () => {
    const path = file('gbk.csv', GBK);
    const expected = summarise(await readAll(path)).map((r) => JSON.stringify(r).replaceAll(path, 'body'));
    for (const size of [1, 3, 7, 64 * 1024]) {
      const { source, records } = await readStream(GBK, 'csv', size);
      expect(source.encoding).toBe('gb18030');
      expect(summarise(records).map((r) => JSON.stringify(r))).toEqual(expected);
    }
  });

  it('strips a byte-order mark and reads NDJSON by line number', async () => {
    const bytes = concat(hex('ef bb bf'), '{"id":"a","n":1}\n\n{"id":"b","n":2}\n{bad\n');
    const { records } = await readStream(bytes, 'ndjson', 5);
    expect(records.map((r) => [r.row, r.fields.id ?? r.problem?.code])).toEqual([
      [1, 'a'],
      [3, 'b'],
      [4, 'TW0606'],
    ]);
  });

  it('stops at a row longer than the limit with TW0606, without holding the rest', async () => {
    const bytes = concat('id,v\nA,1\nB,"', 'x'.repeat(50_000), '\nC,3\n');
    const { records } = await readStream(bytes, 'csv', 1000, 4096);
    expect(records.map((r) => r.fields.id ?? r.problem?.code)).toEqual(['A', 'TW0606']);
    expect(records.at(-1)!.fatal).toBe(true);
  });

  it('reports a stream that fails before its header as one diagnostic', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('id,');
      throw new Error('connection reset');
    }
    const source = await openRecordStream(failing(), 'csv', 'body');
    expect(source).toMatchObject({ code: 'TW0601', file: 'body' });
  });
});
