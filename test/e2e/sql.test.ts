import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledSample, sampleRun } from '../helpers/sample-data.js';
import { memoryDuck, rows } from '../sql/harness.js';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

let dir: string;
// Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1) for the query that must
// give eval's tiers and scores: every tier and segment is there, and the bundled data as a whole
// runs through the SQL path in test/sql/bundled*.test.ts.
const SAMPLE = bundledSample();
/** Column names and values that would be SQL if they were pasted rather than quoted. */
const HOSTILE = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: hostile, version: 1.0.0 }
facts:
  id: { type: string, key: true, column: '客户编号' }
  spend: { type: number, column: 'a"; drop table x; --' }
  segment: { type: string, column: "it's \`odd\`" }
dimensions:
  value:
    weight: 100
    metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 100 } } } }
tiers:
  method: criteria
  levels:
    - id: top
      when: { all: [{ fact: segment, operator: equal, value: "o'brien \\\\ co" }, { fact: score, operator: greaterThanInclusive, value: 50 }] }
    - { id: rest, otherwise: true }
`;
const MODULO = HOSTILE.replace('  segment:', "  half: { type: number, expr: 'spend % 2' }\n  segment:");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-'));
  writeFileSync(join(dir, 'hostile.tier.yaml'), HOSTILE);
  writeFileSync(join(dir, 'modulo.tier.yaml'), MODULO);
});

describe('tierwise sql', () => {
  it('prints a query for each dialect, headed by policy, version, as-of and columns', async () => {
    for (const dialect of ['duckdb', 'postgres', 'spark', 'trino']) {
      // The built binary for one dialect (the query on stdout, nothing on stderr, exit 0); the
      // same command in process for the others.
      const r = await (dialect === 'duckdb' ? tierwise : inProcess)([
        'sql',
        '--policy',
        'policies/seed001-five-factor.tier.yaml',
        '--dialect',
        dialect,
        '--customers',
        'crm.customers',
        '--as-of',
        '2026-11-01',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(`^-- tierwise .*: seed001-five-factor 1\\.0\\.0, ${dialect} SQL\\n`),
      );
      expect(r.stdout).toContain('-- as of 2026-11-01 (Asia/Shanghai)');
      expect(r.stdout).toContain(dialect === 'spark' ? '`crm`.`customers`' : '"crm"."customers"');
      expect(r.stdout.trimEnd()).toMatch(/;$/);
    }
  });

  it('quotes hostile column names and values, and the query runs on DuckDB with them as data', async () => {
    const r = await inProcess(['sql', '--policy', join(dir, 'hostile.tier.yaml'), '--customers', 'people']);
    expect(r.code).toBe(0);
    const duck = await memoryDuck();
    await duck.run(
      `CREATE TABLE people ("客户编号" VARCHAR, "a""; drop table x; --" DOUBLE, "it's \`odd\`" VARCHAR); INSERT INTO people VALUES ('C1', 80, 'o''brien \\ co'), ('C2', 80, 'other'), ('C3', 20, 'o''brien \\ co')`,
    );
    const got = await rows(duck, r.stdout);
    const tiers = Object.fromEntries(got.map((row) => [row.customer, row.tier]));
    expect(tiers).toEqual({ C1: 'top', C2: 'rest', C3: 'rest' });
    // The table is still there: nothing in a name was run.
    expect(await rows(duck, 'SELECT CAST(count(*) AS INTEGER) AS n FROM people')).toEqual([{ n: 3 }]);
    duck.closeSync();
    const spark = await inProcess(['sql', '--policy', join(dir, 'hostile.tier.yaml'), '--dialect', 'spark']);
    expect(spark.stdout).toContain("`it's ``odd```");
    expect(spark.stdout).toContain("'o\\'brien \\\\ co'");
  });

  it('refuses what a dialect cannot compute exactly (exit 1, TW0730 at its place), in Chinese too', async () => {
    // The built binary: exit 1 with the diagnostic on stderr and nothing on stdout.
    const r = tierwise(['sql', '--policy', join(dir, 'modulo.tier.yaml'), '--dialect', 'postgres']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('TW0730');
    expect(r.stderr).toContain("'%' in postgres SQL");
    const zh = await inProcess([
      'sql',
      '--policy',
      join(dir, 'modulo.tier.yaml'),
      '--dialect',
      'postgres',
      '--lang',
      'zh-CN',
    ]);
    expect(zh.stderr).toContain('无法在 postgres SQL 中精确表达');
    expect(
      (await inProcess(['sql', '--policy', join(dir, 'modulo.tier.yaml'), '--dialect', 'duckdb'])).code,
    ).toBe(0);
  });

  it('needs the transaction table when facts come from transactions, reads --as-of strictly, writes --out atomically', async () => {
    const noLog = await inProcess(['sql', '--policy', 'policies/seed004-scorecard.tier.yaml']);
    expect(noLog.code).toBe(1);
    expect(noLog.stderr).toContain('TW0602');
    // The built binary: a usage error exits 2.
    const badDate = tierwise([
      'sql',
      '--policy',
      'policies/seed001-five-factor.tier.yaml',
      '--as-of',
      '2026-02-30',
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('TW0506');
    const out = join(dir, 'query.sql');
    const written = await inProcess([
      'sql',
      '--policy',
      'policies/seed001-five-factor.tier.yaml',
      '--out',
      out,
    ]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^-- tierwise/);
    const badDialect = await inProcess([
      'sql',
      '--policy',
      'policies/seed001-five-factor.tier.yaml',
      '--dialect',
      'oracle',
    ]);
    expect(badDialect.code).toBe(2);
  });

  it('with --row-column the printed query over the bundled tables gives eval’s tiers and scores; --summation fast uses SUM', async () => {
    const args = ['sql', '--policy', 'policies/seed004-scorecard.tier.yaml', '--as-of', '2026-11-01'];
    const query = async (more: string[]) => {
      const printed = await inProcess([
        ...args,
        '--customers',
        'crm.customers',
        '--transactions',
        'crm.tx',
        ...more,
      ]);
      expect(printed.code, printed.stderr).toBe(0);
      return printed.stdout.replace(/;\s*$/, '');
    };
    const exact = await query(['--row-column', '行号']);
    expect(exact).toContain('"行号"');
    const fast = await query(['--row-column', '行号', '--summation', 'fast']);
    expect(fast).not.toBe(exact);
    expect(fast.toLowerCase()).toContain('sum(');
    const duck = await memoryDuck();
    try {
      await duck.run('CREATE SCHEMA crm');
      await duck.run(
        `CREATE TABLE crm.customers AS SELECT * FROM read_csv('${SAMPLE.customers}', header = true)`,
      );
      await duck.run(
        `CREATE TABLE crm.tx AS SELECT row_number() OVER () AS "行号", * FROM read_csv('${SAMPLE.transactions}', header = true)`,
      );
      const evaluated = await inProcess(['eval', ...sampleRun(), '--format', 'json']);
      const report = JSON.parse(evaluated.stdout) as {
        distribution: { tiers: { tier: string }[] };
        customers: { customer: string; tier: string | null; score: number }[];
      };
      const want = new Map(report.customers.map((c) => [c.customer, c]));
      const tierOf = (level: unknown) =>
        level === null ? null : report.distribution.tiers[Number(level)]!.tier;
      for (const [sql, exactly] of [
        [exact, true],
        [fast, false],
      ] as const) {
        const got = await rows(duck, `SELECT customer, level, score FROM (${sql})`);
        expect(got).toHaveLength(want.size);
        for (const r of got) {
          const w = want.get(String(r.customer))!;
          expect(tierOf(r.level), String(r.customer)).toBe(w.tier);
          // fast: the engine's SUM may differ in the last bits of a spend, never by a rounded point.
          if (exactly) expect(r.score, String(r.customer)).toBe(w.score);
          else expect(Math.abs(Number(r.score) - w.score)).toBeLessThan(1e-6);
        }
      }
    } finally {
      duck.closeSync();
    }
  });
});
