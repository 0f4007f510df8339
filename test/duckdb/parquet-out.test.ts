import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvToParquet } from '../../src/duckdb/parquet-out.js';
import { memoryDuck, rows } from '../sql/harness.js';

const COLUMNS = [
  { name: 'customer', kind: 'text' },
  { name: 'score', kind: 'number' },
  { name: 'rerate', kind: 'yes' },
  { name: 'facts.vip', kind: 'boolean' },
  { name: 'a"; drop table x; --', kind: 'text' },
] as const;

async function readBack(file: string) {
  const duck = await memoryDuck();
  try {
    const types = await rows(duck, `DESCRIBE SELECT * FROM read_parquet('${file}')`);
    const data = await rows(duck, `SELECT * FROM read_parquet('${file}') ORDER BY customer`);
    return { types: types.map((t) => [t.column_name, t.column_type]), data };
  } finally {
    duck.closeSync();
  }
}

describe('csvToParquet', () => {
  it('types each column as it is declared; an empty cell is NULL, yes-or-empty a boolean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-parquet-'));
    const csv = join(dir, 'r.csv');
    writeFileSync(
      csv,
      'customer,score,rerate,facts.vip,"a""; drop table x; --"\r\n' +
        '"=cmd, ""quoted""",81.5,yes,true,"two\nlines"\r\n' +
        '客户2,,,false,\r\n',
    );
    const out = join(dir, 'r.parquet');
    await csvToParquet(csv, out, COLUMNS);
    const back = await readBack(out);
    expect(back.types).toEqual([
      ['customer', 'VARCHAR'],
      ['score', 'DOUBLE'],
      ['rerate', 'BOOLEAN'],
      ['facts.vip', 'BOOLEAN'],
      ['a"; drop table x; --', 'VARCHAR'],
    ]);
    expect(back.data).toEqual([
      {
        customer: '=cmd, "quoted"',
        score: 81.5,
        rerate: true,
        'facts.vip': true,
        'a"; drop table x; --': 'two\nlines',
      },
      { customer: '客户2', score: null, rerate: false, 'facts.vip': false, 'a"; drop table x; --': null },
    ]);
  });

  it('a value that is not its column’s type fails the copy and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-parquet-'));
    const csv = join(dir, 'r.csv');
    writeFileSync(csv, 'customer,score,rerate,facts.vip,"a""; drop table x; --"\n1,10%,,,\n');
    await expect(csvToParquet(csv, join(dir, 'r.parquet'), COLUMNS)).rejects.toThrow(/10%/);
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });
});
