import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnError } from '../../src/data/index.js';
import { loadCustomers } from '../../src/duckdb/customers.js';
import { type Duck, openDuck } from '../../src/duckdb/duck.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { duckdb } from '../../src/sql/dialect.js';
import { concat, hex, scratch } from '../data/helpers.js';
import { expectSameAsJs, jsCustomers, tableRows } from './same-as-js.js';

const file = scratch();
const HOSTILE = 'a"; drop table x; --';
const MODES: OnError[] = ['report', 'skip', 'fail'];

/** Every type of fact, a hostile header, a `__proto__` header and a personal-data column. */
const policy = {
  apiVersion: 'tierwise/v1',
  kind: 'TierPolicy',
  metadata: { name: 'load-test', timezone: 'Asia/Shanghai' },
  facts: {
    id: { type: 'string', key: true, column: '客户编号' },
    name: { type: 'string', column: HOSTILE },
    phone: { type: 'string', column: '联系方式', pii: true },
    spend: { type: 'number', unit: 'CNY', min: 0, column: '消费' },
    level: { type: 'enum', values: ['high', 'low'], column: 'level' },
    vip: { type: 'boolean', column: 'vip' },
    signed: { type: 'date', column: 'signed' },
    orders: { type: 'integer', column: '__proto__' },
    score: { type: 'number', default: 5, column: 'score' },
  },
  dimensions: {},
  tiers: [],
} as unknown as Policy;

const HEADER = `客户编号,${`"${HOSTILE.replaceAll('"', '""')}"`},联系方式,消费,level,vip,signed,__proto__,score`;
/** Plain cells, cells only convertValue reads, bad cells, duplicates, a blank row, a quoted newline. */
const ROWS = [
  'C1,Alpha,138-0000-0001,1234.5,high,是,2024-03-01,3,',
  'C2," Beta ",138-0000-0002,"¥1,234",HIGH,yes,2024/3/1,3.0,7',
  'C3,"multi\nline",138-0000-0003,abc,medium,maybe,2024-02-30,2.5,x',
  'C4,Delta,138-0000-0004,-5,low,0,2024-03-01T14:30:00Z,４,',
  ',Nobody,138-0000-0005,1,low,1,2024-03-01,1,1',
  ',,,,,,,,',
  'C1,Again,138-0000-0006,1,low,no,20240301,1,1',
  'C5,  ,   ,80万,Low,N,2024年3月1日,0,-0',
  'C6,Ok,138-0000-0007,0,low,TRUE,2024-03-01 08:00,10,1e3',
];
const CSV = `${HEADER}\n${ROWS.join('\n')}\n`;

let duck: Duck;
beforeAll(async () => {
  duck = await openDuck({ threads: 2 });
});
afterAll(() => duck?.close());

async function load(path: string, onError: OnError, extra: Record<string, unknown> = {}) {
  return loadCustomers(duck, policy, path, { onError, ...extra });
}

describe('loadCustomers: a CSV file read by DuckDB gives what the JS reader gives', () => {
  it.each(MODES)('--on-error %s: rows, values and diagnostics', async (mode) => {
    const path = file('mixed.csv', CSV);
    const summary = await load(path, mode);
    expect(summary.reader).toBe('duckdb-csv');
    const js = await expectSameAsJs(duck, policy, path, summary, mode);
    // The file has each kind of problem, so each mode shows its own behaviour.
    expect(summary.diagnostics.length).toBeGreaterThan(0);
    if (mode === 'fail') expect(summary.failed).toBe(true);
    else expect(summary.rowsLoaded).toBe(js.rows.length);
  });

  it('dates outside the days table (before 1970, after 2100) are converted all the same', async () => {
    const rows = ['C1,1955-06-01', 'C2,2024-03-01', 'C3,2150-01-01', 'C4,1969-12-31', 'C5,1970-01-01'];
    const path = file('old-dates.csv', `客户编号,signed\n${rows.join('\n')}\n`);
    const summary = await load(path, 'report');
    expect(summary.reader).toBe('duckdb-csv');
    await expectSameAsJs(duck, policy, path, summary, 'report');
    const signed = (await tableRows(duck, summary.table)).map((r) => r.signed);
    expect(signed.every((v) => typeof v === 'number')).toBe(true);
  });

  it('a Parquet DATE column: the days table spans its years, and the values are the JS reader’s', async () => {
    const path = file('dates.parquet');
    await duck.connection.run(
      `COPY (SELECT * FROM (VALUES ('C1', DATE '1955-06-01'), ('C2', DATE '2024-03-01'), ('C3', NULL)) t("客户编号", "signed")) TO ${duckdb.text(path)} (FORMAT parquet)`,
    );
    const summary = await load(path, 'report');
    const csv = file('dates-same.csv', await textOf(path));
    const js = await jsCustomers(policy, csv, 'report', summary.columns);
    expect(await tableRows(duck, summary.table)).toEqual(
      js.rows.map((r) => ({ ...r, tw_row: r.tw_row - 1 })),
    );
  });

  it('every column the policy reads is in the table, hostile headers as data', async () => {
    const summary = await load(file('mixed.csv', CSV), 'report');
    expect(summary.columns).toEqual(Object.keys(policy.facts!));
    // The hostile header was a value, never SQL: the table x was not dropped because it never existed,
    // and the name column holds the row's text.
    const rows = await tableRows(duck, summary.table);
    expect(rows.find((r) => r.id === 'C1')?.name).toBe('Alpha');
    expect(rows.find((r) => r.id === 'C1')?.orders).toBe(3);
  });

  it('never repeats a personal-data value in a message', async () => {
    const path = file('pii.csv', `${HEADER}\nC1,A,+86 138 0000 0001 x,1,low,1,2024-03-01,1,1\n`);
    const pii = {
      ...policy,
      facts: { ...policy.facts, phone: { type: 'integer', column: '联系方式', pii: true } },
    };
    const summary = await loadCustomers(duck, pii as Policy, path, { onError: 'report' });
    expect(summary.diagnostics.map((d) => d.code)).toEqual(['TW0603']);
    expect(JSON.stringify(summary.diagnostics)).not.toContain('138');
    await expectSameAsJs(duck, pii as Policy, path, summary, 'report');
  });

  it('a byte-order mark, CRLF line endings and a TSV file stay with DuckDB', async () => {
    const crlf = file('crlf.csv', `\ufeff${HEADER}\r\n${ROWS.join('\r\n')}\r\n`);
    const tsv = file(
      'tabs.tsv',
      `${HEADER.replaceAll(',', '\t')}\nC1\tA\tx\t12\tlow\t1\t2024-03-01\t1\t1\nC2\tB\ty\tabc\tlow\t1\t2024-03-01\t1\t1\n`,
    );
    for (const path of [crlf, tsv]) {
      const summary = await load(path, 'report');
      expect(summary.reader).toBe('duckdb-csv');
      await expectSameAsJs(duck, policy, path, summary, 'report');
    }
  });

  it('a quote in the middle of an unquoted value is an ordinary character to both', async () => {
    const path = file('quote.csv', `${HEADER}\nC1,A"b,1,1,low,1,2024-03-01,1,1\n`);
    const summary = await load(path, 'report');
    await expectSameAsJs(duck, policy, path, summary, 'report');
    expect((await tableRows(duck, summary.table))[0]!.name).toBe('A"b');
  });

  it('keeps maxDiagnostics of them', async () => {
    const path = file('mixed.csv', CSV);
    const summary = await load(path, 'report', { maxDiagnostics: 2 });
    const all = await load(path, 'report');
    expect(summary.diagnostics).toEqual(
      [
        ...all.diagnostics.filter((d) => d.code === 'TW0607'),
        ...all.diagnostics.filter((d) => d.code !== 'TW0607'),
      ].slice(0, 3),
    );
  });
});

describe('loadCustomers: files DuckDB would read differently go through the JS reader', () => {
  const cases: [string, string | Uint8Array][] = [
    ['a blank line', `${HEADER}\n${ROWS[0]}\n\n${ROWS[1]}\n`],
    ['a row with a value too many', `${HEADER}\n${ROWS[0]}\n${ROWS[0]},extra\n${ROWS[8]}\n`],
    ['text after a closing quote', `${HEADER}\nC1,"A"b,1,1,low,1,2024-03-01,1,1\n`],
    [
      'a cell over maxFieldBytes (1 MiB)',
      `${HEADER}\n${ROWS[0]}\nC9,${'x'.repeat(1_100_000)},1,1,low,1,2024-03-01,1,1\n${ROWS[8]}\n`,
    ],
    ['CR line endings', `${HEADER}\r${ROWS[0]}\r${ROWS[8]}\r`],
    [
      'a byte that is not UTF-8 after the first 64 KiB',
      concat(`${HEADER}\n`, `${ROWS[0]}\n`.repeat(2000), hex('ff'), '\n'),
    ],
  ];
  it.each(cases)('%s', async (_, content) => {
    const path = file('odd.csv', content);
    for (const mode of MODES) {
      const summary = await load(path, mode);
      expect(summary.reader).toBe('js-csv');
      await expectSameAsJs(duck, policy, path, summary, mode);
    }
  });

  it('an xlsx workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户编号', HOSTILE, '联系方式', '消费', 'level', 'vip', 'signed', '__proto__', 'score']);
    sheet.addRow(['C1', 'Alpha', 'x', 1234.5, 'high', true, new Date(Date.UTC(2024, 2, 1)), 3, null]);
    sheet.addRow(['C2', 'Beta', 'y', 'abc', 'low', false, '2024-03-01', 2.5, 7]);
    sheet.getCell('G2').numFmt = 'yyyy-mm-dd';
    const path = file('customers.xlsx');
    await workbook.xlsx.writeFile(path);
    const summary = await load(path, 'report');
    expect(summary.reader).toBe('js-xlsx');
    const js = await expectSameAsJs(duck, policy, path, summary, 'report');
    expect(js.rows.length).toBe(2);
  });
});

describe('loadCustomers: GBK text is transcoded for DuckDB', () => {
  // 客户编号 in GBK: BF CD BB A7 B1 E0 BA C5; 张三 (a value): D5 C5 C8 FD.
  const gbk = concat(
    hex('BFCDBBA7B1E0BAC5'),
    `,"${HOSTILE.replaceAll('"', '""')}",联系方式,消费,level,vip,signed,__proto__,score\n`.replace(
      '联系方式',
      'phone',
    ),
    'C1,',
    hex('D5C5C8FD'),
    ',x,12,low,1,2024-03-01,1,1\nC2,b,y,abc,low,1,2024-03-01,1,1\n',
  );
  it.each(MODES)('--on-error %s', async (mode) => {
    const path = file('gbk.csv', gbk);
    const summary = await load(path, mode);
    expect(summary.reader).toBe('duckdb-csv-gb18030');
    await expectSameAsJs(duck, policy, path, summary, mode);
    if (mode === 'report') expect((await tableRows(duck, summary.table))[0]!.name).toBe('张三');
  });
});

describe('loadCustomers: Parquet and DuckDB tables, columns by header', () => {
  /** The CSV's cells, typed as a warehouse holds them where they are plain. */
  async function writeTyped(target: string): Promise<string> {
    const csv = file('typed-source.csv', CSV);
    const cols = `"客户编号", ${duckdb.ident(HOSTILE)}, "联系方式", "消费", "level", "vip", TRY_CAST("signed" AS DATE) AS "signed", "__proto__", "score"`;
    await duck.connection.run(
      `CREATE OR REPLACE TABLE typed_source AS SELECT ${cols} FROM read_csv(${duckdb.text(csv)}, all_varchar = true, header = true)`,
    );
    await duck.connection.run(`COPY typed_source TO ${duckdb.text(target)} (FORMAT parquet)`);
    return csv;
  }

  it.each(MODES)(
    'Parquet, --on-error %s: the values the JS reader gives for the same cells',
    async (mode) => {
      const path = file('customers.parquet');
      await writeTyped(path);
      // The same cells as text, for the JS reader (a date column holds DATE: its text is ISO).
      const csv = file('same.csv', await textOf(path));
      const summary = await load(path, mode);
      expect(summary.reader).toBe('duckdb-parquet');
      const js = await jsCustomers(policy, csv, mode, summary.columns);
      expect(summary.failed).toBe(js.failed);
      // Parquet rows count from 1, CSV rows from 2 (the header).
      // Parquet rows count from 1, CSV rows from 2 (the header); messages name rows, so codes and rows are compared.
      const where = (d: { code: string; row?: number; column?: string }) => [d.code, d.row, d.column];
      expect(summary.diagnostics.map(where)).toEqual(
        js.diagnostics.map((d) => where({ ...d, row: d.row === undefined ? undefined : d.row - 1 })),
      );
      if (!js.failed)
        expect(await tableRows(duck, summary.table)).toEqual(
          js.rows.map((r) => ({ ...r, tw_row: r.tw_row - 1 })),
        );
    },
  );

  it('a Parquet file with nothing to report is read in place (a view), to the same values', async () => {
    const clean = [ROWS[0]!, 'C4,Delta,138-0000-0004,5,low,0,2024-03-01,4,', 'C7,,,,,,,,2'];
    const csv = file('clean.csv', `${HEADER}\n${clean.join('\n')}\n`);
    const path = file('clean.parquet');
    const cols = `"客户编号", ${duckdb.ident(HOSTILE)}, "联系方式", TRY_CAST("消费" AS DOUBLE) AS "消费", "level", "vip", TRY_CAST("signed" AS DATE) AS "signed", "__proto__", "score"`;
    await duck.connection.run(
      `COPY (SELECT ${cols} FROM read_csv(${duckdb.text(csv)}, all_varchar = true, header = true)) TO ${duckdb.text(path)} (FORMAT parquet)`,
    );
    for (const mode of MODES) {
      const summary = await load(path, mode, { table: 'clean_customers' });
      const kind = await duck.connection.runAndReadAll(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = 'clean_customers'",
      );
      expect(Number(kind.getRowsJS()[0]![0])).toBe(1);
      const js = await jsCustomers(policy, file('clean-same.csv', await textOf(path)), mode, summary.columns);
      expect(summary.diagnostics).toEqual([]);
      expect(js.diagnostics).toEqual([]);
      expect(summary.rowsLoaded).toBe(3);
      expect(await tableRows(duck, summary.table)).toEqual(
        js.rows.map((r) => ({ ...r, tw_row: r.tw_row - 1 })),
      );
    }
    // Space to trim of every kind trim() removes, on keys, names and phones, and a name of spaces
    // alone (empty: the default): no finding, still a view, and the values the JS reader gives.
    const chars = (codes: number[]) => codes.map((c) => `chr(${c})`).join(' || ');
    const spaced = file('spaced.parquet');
    const name = `CASE "客户编号" WHEN 'C4' THEN ${chars([12288, 32])} || 'Delta' || ${chars([65279, 8232])} WHEN 'C7' THEN ${chars([160, 9, 5760, 8287])} ELSE ${chars([8192, 8202, 8239])} || ${duckdb.ident(HOSTILE)} || ${chars([10, 11, 12, 13, 8233])} END`;
    await duck.connection.run(
      `COPY (SELECT * REPLACE (${chars([9, 32])} || "客户编号" || ${chars([12288])} AS "客户编号", ${name} AS ${duckdb.ident(HOSTILE)}, "联系方式" || ${chars([32])} AS "联系方式") FROM read_parquet(${duckdb.text(path)})) TO ${duckdb.text(spaced)} (FORMAT parquet)`,
    );
    const named = {
      ...policy,
      facts: { ...policy.facts, name: { ...policy.facts!.name!, default: '(none)' } },
    };
    for (const mode of MODES) {
      const trimmed = await loadCustomers(duck, named as Policy, spaced, {
        onError: mode,
        table: 'spaced_customers',
      });
      expect(trimmed.diagnostics).toEqual([]);
      const views = await duck.connection.runAndReadAll(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = 'spaced_customers'",
      );
      expect(Number(views.getRowsJS()[0]![0])).toBe(1);
      const js = await jsCustomers(
        named as Policy,
        file('spaced-same.csv', await textOf(spaced)),
        mode,
        trimmed.columns,
      );
      expect(js.diagnostics).toEqual([]);
      const rows = await tableRows(duck, trimmed.table);
      expect(rows).toEqual(js.rows.map((r) => ({ ...r, tw_row: r.tw_row - 1 })));
      expect(rows.map((r) => [r.id, r.name])).toEqual([
        ['C1', 'Alpha'],
        ['C4', 'Delta'],
        ['C7', '(none)'],
      ]);
    }
    // One bad cell and the same file is a table, with its finding.
    const dirty = file('dirty.parquet');
    await duck.connection.run(
      `COPY (SELECT * REPLACE ('maybe' AS "vip") FROM read_parquet(${duckdb.text(path)})) TO ${duckdb.text(dirty)} (FORMAT parquet)`,
    );
    const summary = await load(dirty, 'report', { table: 'dirty_customers' });
    expect(summary.diagnostics.map((d) => d.code)).toEqual(['TW0603', 'TW0603', 'TW0603']);
    const tables = await duck.connection.runAndReadAll(
      "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dirty_customers'",
    );
    expect(Number(tables.getRowsJS()[0]![0])).toBe(1);
  });

  it('a DuckDB database file, by table', async () => {
    const path = file('warehouse.duckdb');
    const other = await openDuck({ path, threads: 1 });
    const csv = file('typed-source.csv', CSV);
    await other.connection.run(
      `CREATE TABLE "客户 表" AS SELECT * FROM read_csv(${duckdb.text(csv)}, all_varchar = true, header = true)`,
    );
    other.close();
    const summary = await load(path, 'report', { sourceTable: '客户 表' });
    expect(summary.reader).toBe('duckdb-duckdb');
    const js = await jsCustomers(policy, csv, 'report', summary.columns);
    expect(await tableRows(duck, summary.table)).toEqual(
      js.rows.map((r) => ({ ...r, tw_row: r.tw_row - 1 })),
    );
    const missing = await load(path, 'report', { sourceTable: 'nope' });
    expect(missing.failed).toBe(true);
    expect(missing.diagnostics[0]!.code).toBe('TW0601');
    expect(missing.diagnostics[0]!.message).toContain('客户 表');
  });

  it.each(MODES)(
    'number columns are read as the numbers they are, as JSON numbers are (--on-error %s)',
    async (mode) => {
      // Many digits, -0, a fraction for an integer, an unsafe integer, below the min, NULL.
      const rows: [string, number | null, number | null, number][] = [
        ['C1', 0.1 + 0.2, 3, 13800000001],
        ['C2', -0, 2.5, 13800000002],
        ['C3', -5, 2 ** 53 + 2, 13800000003],
        ['C4', null, null, 13800000004],
        ['C5', 1e-7, 42, 13800000005],
      ];
      const sql = (v: number | null) => (v === null ? 'NULL' : duckdb.toDouble(duckdb.num(v)));
      const values = rows
        .map(
          ([id, spend, orders, phone]) =>
            `(${duckdb.text(id)}, ${sql(spend)}, ${sql(orders)}, ${phone}::BIGINT)`,
        )
        .join(', ');
      const path = file('numbers.parquet');
      await duck.connection.run(
        `COPY (SELECT * FROM (VALUES ${values}) t("客户编号", "消费", "__proto__", "联系方式")) TO ${duckdb.text(path)} (FORMAT parquet)`,
      );
      const json = file(
        'numbers.json',
        `[${rows
          .map(
            ([id, spend, orders, phone]) =>
              `{"客户编号":${JSON.stringify(id)},"消费":${spend === null ? 'null' : Object.is(spend, -0) ? '-0' : spend},"__proto__":${orders === null ? 'null' : String(orders)},"联系方式":${phone}}`,
          )
          .join(',')}]`,
      );
      const summary = await load(path, mode);
      const js = await jsCustomers(policy, json, mode, summary.columns);
      expect(summary.failed).toBe(js.failed);
      const where = (d: { code: string; row?: number; column?: string }) => [d.code, d.row, d.column];
      // JSON records count from 1, as Parquet rows do.
      expect(summary.diagnostics.map(where)).toEqual(js.diagnostics.map(where));
      if (!js.failed) {
        const got = await tableRows(duck, summary.table);
        expect(got).toEqual(js.rows);
        expect(got.find((r) => r.id === 'C1')?.spend).toBe(0.1 + 0.2);
      }
    },
  );

  it('a file that is not Parquet is TW0601', async () => {
    const summary = await load(file('broken.parquet', 'not parquet'), 'report');
    expect(summary.failed).toBe(true);
    expect(summary.diagnostics.map((d) => d.code)).toEqual(['TW0601']);
  });
});

/** A Parquet file's rows as CSV text, each value as DuckDB writes it as text. */
async function textOf(parquet: string): Promise<string> {
  const out = file('parquet-as.csv');
  await duck.connection.run(
    `COPY (SELECT * FROM read_parquet(${duckdb.text(parquet)})) TO ${duckdb.text(out)} (HEADER, DELIMITER ',')`,
  );
  const { readFileSync } = await import('node:fs');
  return readFileSync(out, 'utf8');
}

describe('loadCustomers provisional: an unchecked view whose rows the caller counts', () => {
  const clean = [ROWS[0]!, 'C4,Delta,138-0000-0004,5,low,0,2024-03-01,4,', 'C7,,,,,,,,2'];
  const counts = async (table: string) => {
    const reader = await duck.connection.runAndReadAll(
      `SELECT count(*), count(*) FILTER (WHERE NOT "tw$ok") FROM ${duckdb.ident(table)}`,
    );
    const [rows, bad] = reader.getRowsJS()[0]!.map(Number);
    return { rows: rows!, bad: bad! };
  };

  it('a clean file: the count confirms it, and the view then holds the values alone, rows numbered', async () => {
    const path = file('provisional-clean.csv', `${HEADER}\n${clean.join('\n')}\n`);
    const summary = await load(path, 'report', { table: 'prov', provisional: true });
    expect(summary.provisional).toBeDefined();
    expect(summary.rowsLoaded).toBe(0);
    const { rows, bad } = await counts(summary.table);
    expect([rows, bad]).toEqual([3, 0]);
    const limit = async () =>
      (await duck.connection.runAndReadAll("SELECT current_setting('memory_limit')")).getRowsJS()[0]![0];
    const before = await limit();
    const confirmed = await summary.provisional!.confirm(rows, bad);
    expect(confirmed).toMatchObject({ rowsLoaded: 3, rowsDropped: 0, failed: false, diagnostics: [] });
    // The pass over keys runs under a small limit of its own, and gives DuckDB's back.
    expect(await limit()).toBe(before);
    const js = await jsCustomers(policy, path, 'report', confirmed!.columns);
    expect(await tableRows(duck, confirmed!.table)).toEqual(js.rows);
  });

  it.each([
    ['a bad cell', `${HEADER}\n${ROWS.join('\n')}\n`],
    ['a duplicate key, every cell clean', `${HEADER}\n${[...clean, clean[0]!].join('\n')}\n`],
    // A key's presence is the pass over keys' to check, not the count's: `bad` is 0 for these.
    ['a blank key, every cell clean', `${HEADER}\n${[...clean, ',Echo,,1,low,0,,,'].join('\n')}\n`],
    ['a key of spaces, every cell clean', `${HEADER}\n${[...clean, '"  ",Echo,,1,low,0,,,'].join('\n')}\n`],
    [
      'a key equal to another once trimmed',
      `${HEADER}\n${[...clean, '" C4 ",Echo,,1,low,0,,,'].join('\n')}\n`,
    ],
  ])('%s: the count does not confirm it; settled, it is the table load', async (name, text) => {
    const path = file(`provisional-${name.replaceAll(' ', '-')}.csv`, text);
    const summary = await load(path, 'report', { table: 'prov', provisional: true });
    expect(summary.provisional).toBeDefined();
    const { rows, bad } = await counts(summary.table);
    expect(await summary.provisional!.confirm(rows, bad)).toBeUndefined();
    const settled = await summary.provisional!.settle();
    expect(settled.provisional).toBeUndefined();
    const settledRows = await tableRows(duck, settled.table);
    const table = await load(path, 'report', { table: 'prov_table' });
    expect({ ...settled, table: '' }).toEqual({ ...table, table: '' });
    expect(settledRows).toEqual(await tableRows(duck, table.table));
    expect(settled.diagnostics.length, name).toBeGreaterThan(0);
  });

  it('a file DuckDB does not read in place (xlsx, GBK) has no provisional load', async () => {
    const gbk = file('provisional-gbk.csv', concat(hex('bfcdbba7b1e0bac5'), ',score\nC1,1\n'));
    const summary = await load(gbk, 'report', { table: 'prov_gbk', provisional: true, encoding: 'gbk' });
    expect(summary.provisional).toBeUndefined();
    expect(summary.rowsLoaded).toBe(1);
  });
});
