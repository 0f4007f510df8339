import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledPolicies } from '../helpers/runs.js';
import { memoryDuck, rows } from '../sql/harness.js';
import { ROOT, type Run, tierwiseInProcess as run } from './cli.js';

/**
 * `--engine duckdb` on every command that has it, against the JavaScript path on the same
 * files: the same bytes out, or the one documented difference. A slice of the bundled data keeps
 * each DuckDB start cheap; the bundled data as a whole runs in test/sql/bundled*.test.ts.
 */
const CUSTOMERS = 400;
const AS_OF = '2026-11-01';
let dir: string;
let customers: string;
let transactions: string;
let parquet: string;

const policies = bundledPolicies(readdirSync(join(ROOT, 'policies')).filter((f) => f.endsWith('.tier.yaml')));
const policy = (name: string) => join('policies', name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-duck-e2e-'));
  const lines = readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8').split(/\r?\n/);
  const kept = lines.slice(1, CUSTOMERS + 1);
  customers = join(dir, 'customers.csv');
  writeFileSync(customers, `${[lines[0], ...kept].join('\n')}\n`);
  const ids = new Set(kept.map((l) => l.split(',')[0]));
  const log = readFileSync(join(ROOT, 'examples/data/transactions.csv'), 'utf8').split(/\r?\n/);
  transactions = join(dir, 'transactions.csv');
  writeFileSync(
    transactions,
    `${[log[0], ...log.slice(1).filter((l) => ids.has(l.split(',')[0]))].join('\n')}\n`,
  );
  parquet = join(dir, 'customers.parquet');
  const duck = await memoryDuck();
  // Every column text, as a warehouse export of this CSV would keep the phone numbers' dashes.
  await duck.run(
    `COPY (SELECT * FROM read_csv('${customers}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
  );
  duck.closeSync();
});

const data = () => ['--data', customers, '--transactions', transactions, '--as-of', AS_OF];

// A command line two tests give (simulate seed004-quota, as one of the bundled policies and as
// the population command) runs once; each test still checks its own expectations on the output.
const ran = new Map<string, Promise<[Run, Run]>>();

function both(args: string[], engines: [string, string]): Promise<[Run, Run]> {
  const key = JSON.stringify([args, engines]);
  let runs = ran.get(key);
  if (!runs) {
    runs = (async () => {
      const a = await run([...args, '--engine', engines[0]]);
      const b = await run([...args, '--engine', engines[1]]);
      return [a, b] as [Run, Run];
    })();
    ran.set(key, runs);
  }
  return runs;
}

describe('eval --engine duckdb', () => {
  it.each(policies)('%s: the same JSON, facts included, as the compiled path', async (name) => {
    const [duck, compiled] = await both(
      ['eval', '--policy', policy(name), ...data(), '--format', 'json', '--facts'],
      ['duckdb', 'compiled'],
    );
    expect(duck.code).toBe(compiled.code);
    expect(duck.stdout).toBe(compiled.stdout);
    expect(duck.stderr).toContain('evaluated on DuckDB');
    expect(compiled.stderr).not.toContain('DuckDB');
  });

  it.each(['csv', 'ndjson', 'table'])('--format %s is the same as the compiled path', async (format) => {
    const [duck, compiled] = await both(
      ['eval', '--policy', policy('seed004-quota.tier.yaml'), ...data(), '--format', format],
      ['duckdb', 'compiled'],
    );
    expect(duck.code).toBe(0);
    expect(duck.stdout).toBe(compiled.stdout);
  });

  it('--customer picks customers and names the ones not found, as the compiled path does', async () => {
    const ids = ['C2012003', 'C2012001', 'NOPE-1'];
    const args = ['eval', '--policy', policy('seed001-five-levels.tier.yaml'), ...data(), '--format', 'json'];
    const [duck, compiled] = await both(
      [...args, ...ids.flatMap((id) => ['--customer', id])],
      ['duckdb', 'compiled'],
    );
    expect(duck.code).toBe(compiled.code);
    expect(duck.code).not.toBe(0);
    expect(duck.stdout).toBe(compiled.stdout);
    const report = JSON.parse(duck.stdout) as { customers: { customer: string }[] };
    expect(report.customers.map((c) => c.customer).sort()).toEqual(['C2012001', 'C2012003']);
    expect(duck.stderr).toContain('NOPE-1');
  });

  it.each([
    ['en', '--explain', 'but not why'],
    ['zh-CN', '--overrides', '不给出原因'],
  ])('refuses what SQL does not give (%s, %s) and says what to use', async (lang, flag, text) => {
    const extra = flag === '--overrides' ? [flag, join(dir, 'none.csv')] : [flag];
    const result = await run([
      'eval',
      '--lang',
      lang,
      '--engine',
      'duckdb',
      '--policy',
      policy('seed004-quota.tier.yaml'),
      ...data(),
      ...extra,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
    expect(result.stderr).toContain('--engine compiled');
    expect(result.stdout).toBe('');
  });

  it('auto takes DuckDB for a Parquet customer file and gives the CSV’s tiers', async () => {
    const args = ['--policy', policy('seed004-quota.tier.yaml'), '--transactions', transactions];
    const fromParquet = await run(['eval', ...args, '--data', parquet, '--as-of', AS_OF, '--format', 'json']);
    expect(fromParquet.code).toBe(0);
    expect(fromParquet.stderr).toContain('evaluated on DuckDB');
    const fromCsv = await run(['eval', ...args, '--data', customers, '--as-of', AS_OF, '--format', 'json']);
    expect(fromCsv.stderr).not.toContain('DuckDB');
    // A CSV row is its line (the header is line 1); a Parquet row is its record number.
    type Report = { customers: { row: number }[] };
    const parsed = JSON.parse(fromParquet.stdout) as Report;
    const csv = JSON.parse(fromCsv.stdout) as Report;
    expect(parsed.customers.map((c) => c.row).slice(0, 2)).toEqual([1, 2]);
    expect(csv.customers.map((c) => c.row).slice(0, 2)).toEqual([2, 3]);
    for (const c of [...parsed.customers, ...csv.customers]) c.row = 0;
    expect(parsed).toEqual(csv);
  });

  /** simulate on DuckDB with $TIERWISE_DUCKDB_MEMORY set for this one run. */
  async function simulateWithMemory(limit: string, ...extra: string[]) {
    process.env.TIERWISE_DUCKDB_MEMORY = limit;
    try {
      return await run([
        'simulate',
        ...extra,
        '--engine',
        'duckdb',
        '--policy',
        policy('seed004-quota.tier.yaml'),
        ...data(),
      ]);
    } finally {
      delete process.env.TIERWISE_DUCKDB_MEMORY;
    }
  }

  it('a memory limit that is not a size is TW0731 before anything is read', async () => {
    const result = await simulateWithMemory('lots');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TW0731');
    expect(result.stdout).toBe('');
  });

  it('a query past DuckDB’s memory limit is TW0732 with what to change, in both languages', async () => {
    for (const [lang, text] of [
      ['en', 'raise $TIERWISE_DUCKDB_MEMORY'],
      ['zh-CN', '请调高'],
    ]) {
      const result = await simulateWithMemory('8MB', '--lang', lang!);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('TW0732');
      expect(result.stderr).toContain(text);
    }
  });

  it('a Parquet file given to the JavaScript path says which engine reads it', async () => {
    const result = await run([
      'simulate',
      '--engine',
      'js',
      '--policy',
      policy('seed004-quota.tier.yaml'),
      '--data',
      parquet,
      '--transactions',
      transactions,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TW0601');
    expect(result.stderr).toContain('--engine duckdb');
  });
});

describe('eval --format parquet', () => {
  it('writes the CSV’s columns, typed, readable by any Parquet reader', async () => {
    const out = join(dir, 'results.parquet');
    const args = ['eval', '--policy', policy('seed004-quota.tier.yaml'), ...data(), '--facts'];
    const written = await run([...args, '--format', 'parquet', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(out);
    const json = JSON.parse((await run([...args, '--format', 'json'])).stdout) as {
      customers: { customer: string; tier: string; score: number; facts: Record<string, unknown> }[];
    };
    const duck = await memoryDuck();
    try {
      const types = await rows(duck, `DESCRIBE SELECT * FROM read_parquet('${out}')`);
      const typeOf = Object.fromEntries(types.map((t) => [t.column_name, t.column_type]));
      expect(typeOf).toMatchObject({
        customer: 'VARCHAR',
        tier: 'VARCHAR',
        score: 'DOUBLE',
        rerate: 'BOOLEAN',
        'facts.spend12m': 'DOUBLE',
        'facts.contactPhone': 'VARCHAR',
      });
      const back = await rows(
        duck,
        `SELECT customer, tier, score, "facts.spend12m" AS spend, "facts.contactPhone" AS phone FROM read_parquet('${out}')`,
      );
      expect(back).toHaveLength(CUSTOMERS);
      expect(back.filter((r) => r.phone !== null).length).toBeGreaterThan(CUSTOMERS / 2);
      const byId = new Map(back.map((r) => [r.customer, r]));
      for (const c of json.customers) {
        const row = byId.get(c.customer);
        expect(row?.tier).toBe(c.tier);
        expect(row?.score).toBe(c.score);
        expect(row?.spend).toBe(c.facts.spend12m ?? null);
        // Personal data is masked in this export as in every other.
        expect(row?.phone).toBe(c.facts.contactPhone ?? null);
        if (row?.phone !== null) expect(String(row?.phone)).toContain('*');
      }
    } finally {
      duck.closeSync();
    }
  });

  it('needs --out, and a failed run leaves the file that was there', async () => {
    const args = ['eval', '--policy', policy('seed004-quota.tier.yaml'), ...data(), '--format', 'parquet'];
    const noOut = await run(args);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const out = join(dir, 'kept.parquet');
    writeFileSync(out, 'earlier results');
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'nothing,like,the,policy\n1,2,3,4\n');
    const failed = await run([
      'eval',
      '--policy',
      policy('seed004-quota.tier.yaml'),
      '--data',
      broken,
      '--format',
      'parquet',
      '--out',
      out,
    ]);
    expect(failed.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('earlier results');
    expect(readdirSync(dir).filter((f) => f.includes('kept.parquet'))).toEqual(['kept.parquet']);
    const missingDir = join(dir, 'no-such-dir', 'r.parquet');
    const nowhere = await run([...args, '--out', missingDir]);
    expect(nowhere.code).not.toBe(0);
    expect(existsSync(missingDir)).toBe(false);
  });
});

describe('population commands on DuckDB give the JavaScript path’s reports', () => {
  // Classes and flags are counted from the facts their conditions read, which a run keeps.
  it.each(policies)('simulate %s', async (name) => {
    const [duck, js] = await both(
      ['simulate', '--policy', policy(name), ...data(), '--format', 'json'],
      ['duckdb', 'js'],
    );
    expect(duck.code).toBe(js.code);
    expect(duck.stdout).toBe(js.stdout);
  });

  const quota = () => ['--policy', policy('seed004-quota.tier.yaml')];
  it.each([
    ['simulate', () => ['simulate', ...quota(), ...data(), '--format', 'json']],
    [
      'diff',
      () => [
        'diff',
        '--from',
        policy('seed004-scorecard.tier.yaml'),
        '--to',
        policy('seed004-quota.tier.yaml'),
        ...data(),
        '--format',
        'json',
      ],
    ],
    ['calibrate', () => ['calibrate', ...quota(), ...data(), '--target', 'vip=5%', '--format', 'json']],
    ['data profile', () => ['data', 'profile', ...quota(), ...data(), '--format', 'json']],
  ])('%s', async (_name, args) => {
    const [duck, js] = await both(args(), ['duckdb', 'js']);
    expect(duck.code).toBe(js.code);
    expect(duck.stdout).toBe(js.stdout);
    expect(duck.stdout.length).toBeGreaterThan(100);
    expect(duck.stderr).toContain('DuckDB');
  });
});
