import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuck } from '../../src/duckdb/duck.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { duckdb } from '../../src/sql/dialect.js';
import { writeCustomerCsv } from '../data/customer-csv.js';
import { writeFactsFiles } from '../data/facts-log.js';
import { bundledPolicy } from '../data/policy.js';
import { withPrecomputedColumns } from '../data/precomputed.js';
import type { ChildReport } from '../end-to-end/child.js';
import { runChild } from '../end-to-end/spawn.js';
import { type Measurement, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

/**
 * Issue 17: a generated customer CSV (seed 004's scorecard, Chinese headers) end to end on the
 * DuckDB engine — tierwise's loader (diagnostics, duplicates, --on-error), the policy as SQL, the
 * results streamed back into the distribution — against a bare papaparse parse of the same file,
 * today's JavaScript path, and DuckDB running the policy's query alone over its own read_csv.
 * Every case in a process of its own (peak RSS is its own), at `--rows` and a quarter of it.
 */
export async function sqlSuite(options: BenchOptions): Promise<Measurement[]> {
  const policy = withPrecomputedColumns(await bundledPolicy('seed004-scorecard'));
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-sql-'));
  const out: Measurement[] = [];
  const timing = runsFor(options, { runs: 3, warmup: 1 });
  try {
    for (const rows of [Math.max(1, Math.round(options.rows / 4)), options.rows]) {
      const file = join(dir, `customers-${rows}.csv`);
      const expected = writeCustomerCsv(policy, file, rows);
      const label = `${rows.toLocaleString('en-US')} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB CSV)`;
      const parse = runChild('parse', file, timing);
      const base = row(parse, `bare papaparse parse, ${label}`, rows, 'streamed, rows as string arrays');
      out.push(base);
      const cases = [
        ['population', 'JavaScript path: eval --summary (columns + batch)'],
        ['duckdb', 'DuckDB engine: eval --summary --engine duckdb'],
        ['duckdb-simulate', 'DuckDB engine: simulate --engine duckdb'],
        ['duckdb-query', 'DuckDB alone: the policy’s query over read_csv, counted in DuckDB'],
      ] as const;
      const measured = new Map<string, Measurement>();
      for (const [kind, what] of cases) {
        const report = runChild(kind, file, timing);
        same(expected, new Map(report.tiers), what);
        const m = row(
          report,
          `${what}, ${label}`,
          rows,
          kind === 'duckdb-query' ? 'no loader, no diagnostics' : '',
        );
        m.compared = `${(m.perSecond / base.perSecond).toFixed(2)}× bare parse`;
        measured.set(kind, m);
        out.push(m);
      }
      const duck = measured.get('duckdb')!;
      duck.compared += `; ${(duck.perSecond / measured.get('population')!.perSecond).toFixed(2)}× JS path; ${(duck.perSecond / measured.get('duckdb-query')!.perSecond).toFixed(2)}× DuckDB alone`;
      rmSync(file);
    }
    out.push(...(await parquetCases(policy, dir, options)));
    out.push(...(await factsCases(dir, options)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * Customers in Parquet at 2.5 and 10 times `--rows` (10M by default): `simulate --engine duckdb`
 * end to end, whose peak RSS should not grow with the customer count (results stream back a chunk
 * at a time, DuckDB spills past its limit), against DuckDB running the policy's query alone over
 * read_parquet. One run each: a 10M-row case takes a minute.
 */
async function parquetCases(policy: Policy, dir: string, options: BenchOptions): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const timing = runsFor(options, { runs: 1, warmup: 0 }, { runs: 1, warmup: 0 });
  for (const rows of [Math.round(options.rows * 2.5), options.rows * 10]) {
    const csv = join(dir, `customers-${rows}.csv`);
    const expected = writeCustomerCsv(policy, csv, rows);
    const file = join(dir, `customers-${rows}.parquet`);
    const duck = await openDuck({ threads: 2 });
    try {
      // Typed as a warehouse exports them: numbers DOUBLE, ids and names VARCHAR.
      await duck.connection.run(
        `COPY (SELECT * FROM read_csv(${duckdb.text(csv)}, header = true)) TO ${duckdb.text(file)} (FORMAT parquet, COMPRESSION zstd)`,
      );
    } finally {
      duck.close();
    }
    rmSync(csv);
    const label = `${rows.toLocaleString('en-US')} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB Parquet)`;
    const alone = runChild('duckdb-query', file, timing);
    same(expected, new Map(alone.tiers), 'DuckDB alone on Parquet');
    const base = row(
      alone,
      `DuckDB alone: the policy’s query over read_parquet, ${label}`,
      rows,
      'no loader, no diagnostics',
    );
    out.push(base);
    const simulated = runChild('duckdb-simulate', file, timing);
    same(expected, new Map(simulated.tiers), 'simulate --engine duckdb on Parquet');
    const m = row(simulated, `DuckDB engine: simulate --engine duckdb, ${label}`, rows, '');
    m.compared = `${(m.perSecond / base.perSecond).toFixed(2)}× DuckDB alone`;
    out.push(m);
    rmSync(file);
  }
  return out;
}

/**
 * Facts from transactions: `--rows` customers (1M) × 20 times as many transactions (20M), P12M
 * spend, distinct days, recency and the monthly drop streak, simulated end to end. The DuckDB
 * engine reads Parquet (and, for a like-for-like figure, the same CSV); the JavaScript fact path
 * reads the CSV, as it reads no Parquet. One run each.
 */
async function factsCases(dir: string, options: BenchOptions): Promise<Measurement[]> {
  const customers = options.rows;
  const transactions = options.rows * 20;
  const files = await writeFactsFiles(dir, customers, transactions);
  const timing = { runs: 1, warmup: 0 };
  const size = (f: string) => `${(statSync(f).size / 2 ** 20).toFixed(0)} MiB`;
  const label = `${customers.toLocaleString('en-US')} customers × ${transactions.toLocaleString('en-US')} transactions`;
  const js = runChild('facts-js', JSON.stringify(files), timing);
  const base = row(
    js,
    `JavaScript fact path: simulate, ${label} (${size(files.transactions.csv)} CSV)`,
    customers,
    '',
  );
  const expected = new Map(js.tiers);
  const out = [base];
  for (const [kind, what, file] of [
    ['facts-duckdb', 'DuckDB engine: simulate', `${size(files.transactions.parquet)} Parquet`],
    ['facts-duckdb-csv', 'DuckDB engine: simulate', `${size(files.transactions.csv)} CSV`],
  ] as const) {
    const report = runChild(kind, JSON.stringify(files), timing);
    same(expected, new Map(report.tiers), `${what} (${file})`);
    const m = row(report, `${what}, ${label} (${file})`, customers, '');
    m.compared = `${(m.perSecond / base.perSecond).toFixed(2)}× JS fact path`;
    out.push(m);
  }
  for (const f of [
    files.customers.csv,
    files.customers.parquet,
    files.transactions.csv,
    files.transactions.parquet,
  ])
    rmSync(f);
  return out;
}

function row(report: ChildReport, name: string, rows: number, note: string): Measurement {
  return perItem(
    { ...report.measurement, suite: 'sql', name, note: [note, 'own process'].filter(Boolean).join('; ') },
    rows,
  );
}

function same(expected: Map<number, number>, actual: Map<number, number>, what: string): void {
  for (const k of new Set([...expected.keys(), ...actual.keys()]))
    if ((expected.get(k) ?? 0) !== (actual.get(k) ?? 0))
      throw new Error(
        `${what}: tier ${k} has ${actual.get(k) ?? 0} customers, compileBatch gave ${expected.get(k) ?? 0}`,
      );
}
