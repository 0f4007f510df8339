import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchResult } from '../../src/compile/batch.js';
import type { CustomerColumns } from '../../src/facts/columnar.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { chooseEngine } from '../../src/simulate/engine-choice.js';
import {
  evaluatePopulation,
  evaluatePopulations,
  type PopulationOptions,
} from '../../src/simulate/population.js';
import { simulate } from '../../src/simulate/simulate.js';
import { LONG_TESTS, sized } from '../helpers/runs.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const DATA = {
  customers: at('examples/data/customers.csv'),
  transactions: at('examples/data/transactions.csv'),
  asOf: '2026-11-01',
};
const dir = mkdtempSync(join(tmpdir(), 'tierwise-duck-population-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundled(file: string): Promise<Policy> {
  const { policy } = await loadPolicy(at(`policies/${file}`));
  return policy!;
}

/** A run and what onChunk saw: each customer's key, row, tier, score and the facts handed over. */
async function traced(policy: Policy, options: PopulationOptions) {
  const seen: { key: string; row: number; tier: number; score: number; facts: Record<string, unknown> }[] =
    [];
  const run = await evaluatePopulation(policy, options, (chunk: CustomerColumns, result: BatchResult) => {
    for (let i = 0; i < chunk.length; i++) {
      const facts: Record<string, unknown> = {};
      for (const [id, column] of Object.entries(chunk.facts)) facts[id] = column[i];
      seen.push({
        key: chunk.keys[i]!,
        row: chunk.rows[i]!,
        tier: result.tier[i]!,
        score: result.score[i]!,
        facts,
      });
    }
  });
  return { run, seen };
}

/** The facts both engines hand over (the JS path may carry more columns than the policy reads). */
function common(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = Object.keys(b).filter((k) => k in a);
  return [Object.fromEntries(keys.map((k) => [k, a[k]])), Object.fromEntries(keys.map((k) => [k, b[k]]))];
}

function expectSameRuns(js: Awaited<ReturnType<typeof traced>>, duck: Awaited<ReturnType<typeof traced>>) {
  expect(duck.run.engine).toBe('duckdb');
  expect(js.run.engine).toBe('js');
  expect(duck.run.failed).toBe(js.run.failed);
  expect(duck.run.evaluated).toBe(js.run.evaluated);
  expect(duck.run.distribution).toEqual(js.run.distribution);
  expect(duck.run.diagnostics).toEqual(js.run.diagnostics);
  expect(duck.seen.length).toBe(js.seen.length);
  js.seen.forEach((want, i) => {
    const got = duck.seen[i]!;
    expect([got.key, got.row, got.tier], want.key).toEqual([want.key, want.row, want.tier]);
    expect(Object.is(got.score, want.score) || got.score === want.score, want.key).toBe(true);
    const [g, w] = common(got.facts, want.facts);
    expect(g, want.key).toEqual(w);
  });
}

describe('evaluatePopulation on DuckDB', () => {
  it.each(
    LONG_TESTS
      ? [
          'seed004-scorecard.tier.yaml',
          'seed004-quota.tier.yaml',
          'seed000-classifiers.tier.yaml',
          'lifetimes-rfm.tier.yaml',
        ]
      : ['seed004-scorecard.tier.yaml', 'seed004-quota.tier.yaml'],
  )(
    '%s × the bundled data and log: every customer, fact, tier, score, finding and the distribution as on the JS path',
    async (file) => {
      const policy = await bundled(file);
      const js = await traced(policy, { ...DATA, engine: 'js' });
      const duck = await traced(policy, { ...DATA, engine: 'duckdb', threads: 1 });
      expectSameRuns(js, duck);
    },
  );

  it('bad cells, a blank key and a duplicate: the same findings, skips and tiers in every --on-error mode', async () => {
    const policy = await bundled('seed004-scorecard.tier.yaml');
    const lines = readFileSync(DATA.customers, 'utf8').split('\n').slice(0, 400);
    const cells = lines[5]!.split(',');
    cells[6] = 'not-a-number';
    lines[5] = cells.join(',');
    lines[9] = `,${lines[9]!.split(',').slice(1).join(',')}`;
    lines.push(lines[12]!);
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    for (const onError of ['report', 'skip', 'fail'] as const) {
      const options = { ...DATA, customers: file, onError };
      const js = await traced(policy, { ...options, engine: 'js' });
      const duck = await traced(policy, { ...options, engine: 'duckdb', threads: 1 });
      expect(js.run.diagnostics.length, onError).toBeGreaterThan(0);
      expectSameRuns(js, duck);
    }
  });

  it('two policies over one file (a diff): the same customers, tiers and findings for each', async () => {
    const policies = [await bundled('seed004-scorecard.tier.yaml'), await bundled('seed004-rfm.tier.yaml')];
    const collect = async (engine: 'js' | 'duckdb') => {
      const tiers: number[][] = [[], []];
      const runs = await evaluatePopulations(policies, { ...DATA, engine }, (_views, results) => {
        results.forEach((r, p) => {
          tiers[p]!.push(...r.tier);
        });
      });
      return { runs, tiers };
    };
    const js = await collect('js');
    const duck = await collect('duckdb');
    expect(duck.tiers).toEqual(js.tiers);
    duck.runs.forEach((run, p) => {
      expect(run.distribution).toEqual(js.runs[p]!.distribution);
      expect(run.diagnostics).toEqual(js.runs[p]!.diagnostics);
    });
  });

  it('reads Parquet, which auto sends to DuckDB: the same tiers as the CSV it was written from', async () => {
    const policy = await bundled('seed004-scorecard.tier.yaml');
    const parquet = join(dir, 'customers.parquet');
    const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false' });
    const connection = await instance.connect();
    const path = (p: string) => `'${p.replaceAll("'", "''")}'`;
    await connection.run(
      `COPY (SELECT * FROM read_csv(${path(DATA.customers)}, all_varchar = true, header = true)) TO ${path(parquet)} (FORMAT parquet)`,
    );
    connection.closeSync();
    expect(chooseEngine('auto', { customers: parquet })).toBe('duckdb');
    expect(chooseEngine('auto', { customers: DATA.customers })).toBe('js');
    const fromCsv = await traced(policy, { ...DATA, engine: 'js' });
    const fromParquet = await traced(policy, { ...DATA, customers: parquet, engine: 'auto' });
    expect(fromParquet.run.engine).toBe('duckdb');
    expect(fromParquet.seen.map((s) => [s.key, s.tier])).toEqual(fromCsv.seen.map((s) => [s.key, s.tier]));
    expect(fromParquet.run.distribution).toEqual(fromCsv.run.distribution);
  });

  it('a simulation counts inside DuckDB: the figures the JS path gives, untiered customers and their findings included', async () => {
    const lines = readFileSync(DATA.customers, 'utf8').split('\n');
    // Three customers without a fact to score them by: no tier, and a finding each.
    for (const i of [3, 7, 11])
      lines[i] = lines[i]!.split(',')
        .map((c, k) => (k < 5 ? c : ''))
        .join(',');
    const file = join(dir, 'untiered.csv');
    writeFileSync(file, lines.join('\n'));
    for (const name of ['seed004-scorecard.tier.yaml', 'seed000-classifiers.tier.yaml']) {
      const policy = await bundled(name);
      const options = { ...DATA, customers: file };
      const js = await simulate(policy, { ...options, engine: 'js' });
      const duck = await simulate(policy, { ...options, engine: 'duckdb', threads: 1 });
      expect(duck, name).toEqual(js);
      expect(JSON.stringify(duck), name).toBe(JSON.stringify(js));
      // Counted in the query: per-tier figures are handed over, no chunk of customers.
      let chunks = 0;
      const tallies: number[] = [];
      await evaluatePopulation(
        policy,
        {
          ...options,
          engine: 'duckdb',
          threads: 1,
          outcomes: { keep: [], tally: (t) => tallies.push(t.reduce((n, x) => n + x.customers, 0)) },
        },
        () => {
          chunks++;
        },
      );
      expect([chunks, tallies], name).toEqual([0, [js.customers]]);
    }
    const scorecard = await simulate(await bundled('seed004-scorecard.tier.yaml'), {
      ...DATA,
      customers: file,
      engine: 'duckdb',
    });
    expect(scorecard.untiered.customers).toBe(3);
    expect(scorecard.untieredCauses.length).toBeGreaterThan(0);
    expect(scorecard.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
  });

  it('transactions of customers the file lacks: the same TW0609 (how many, the first row and id) on both paths', async () => {
    const policy = await bundled('seed004-scorecard.tier.yaml');
    const lines = readFileSync(DATA.transactions, 'utf8').trimEnd().split('\n');
    const stranger = (id: string, line: string) => [id, ...line.split(',').slice(1)].join(',');
    lines.splice(40, 0, stranger('C-NOBODY-1', lines[40]!));
    lines.push(stranger('C-NOBODY-2', lines[7]!), stranger('C-NOBODY-1', lines[8]!));
    const file = join(dir, 'strangers.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const options = { ...DATA, transactions: file };
    const js = await traced(policy, { ...options, engine: 'js' });
    const duck = await traced(policy, { ...options, engine: 'duckdb', threads: 1 });
    const found = js.run.diagnostics.filter((d) => d.code === 'TW0609');
    expect(found).toHaveLength(1);
    expect(found[0]!.row).toBe(41);
    expect(found[0]!.message).toContain('C-NOBODY-1');
    expectSameRuns(js, duck);
  });

  it('aggregates out of their declared domain: the same TW0632 (customer, fact, value, log row), counts and tiers in every --on-error mode', async () => {
    const policy = structuredClone(await bundled('seed004-rfm.tier.yaml'));
    const facts = policy.facts!;
    // A count of 0 under `min: 1` is out for every customer without an order in the window (no log
    // row to name); a spend above `max` names its first largest row, one below `min` its smallest.
    facts.orders12m = { ...facts.orders12m!, min: 1 };
    const atLeastOne = (type: 'integer' | 'number', aggregate: 'count' | 'min', window: string) =>
      ({ type, min: 1, from: 'transactions', aggregate, window }) as const;
    facts.ordersLastMonth = atLeastOne('integer', 'count', 'P1M');
    facts.spend12m = { ...facts.spend12m!, max: 5e8 };
    // The smallest amount: under `min: 1` only where a 0 or −0 was paid, which are equal (the
    // first of them names the breach, whichever sign it has).
    facts.smallest = { ...atLeastOne('number', 'min', 'P12M'), of: 'amount' };
    const everyone = readFileSync(DATA.customers, 'utf8').trimEnd().split('\n');
    const log = readFileSync(DATA.transactions, 'utf8').trimEnd().split('\n');
    // The log of these customers, and a few lines of others (TW0609, said after TW0632).
    const logOf = (people: readonly string[]) => {
      const ids = new Set(people.map((line) => line.split(',')[0]));
      return [log[0]!, ...log.slice(1).filter((line, i) => ids.has(line.split(',')[0]) || i % 500 === 0)];
    };
    const write = (name: string, lines: readonly string[]) => {
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
      return join(dir, name);
    };
    // The first 300 customers, and one without a single transaction (the aggregates of nothing).
    const people = everyone.slice(0, 301);
    const keys = people.slice(1, 4).map((line) => line.split(',')[0]!);
    people.splice(100, 0, ['C-NO-LOG', ...people[100]!.split(',').slice(1)].join(','));
    const customers = write('domain-customers.csv', people);
    const lines = logOf(people);
    // Inside the 12 months before the as-of.
    const paid = (key: string, amount: string) => `${key},2026-10-15,${amount}`;
    // Two equal largest amounts (the first names the breach), a refund, −0 then 0.
    lines.splice(30, 0, paid(keys[0]!, '300000000'));
    lines.push(
      paid(keys[0]!, '300000000'),
      paid(keys[1]!, '-99999999'),
      paid(keys[2]!, '-0'),
      paid(keys[2]!, '0'),
    );
    const rows = { largest: 31, refund: lines.length - 2, zero: lines.length - 1 };
    const file = write('domain.csv', lines);
    for (const onError of ['report', 'skip', 'fail'] as const) {
      const options = { ...DATA, customers, transactions: file, onError };
      const js = await traced(policy, { ...options, engine: 'js' });
      const duck = await traced(policy, { ...options, engine: 'duckdb', threads: 1 });
      expectSameRuns(js, duck);
      expect(duck.run.transactionsSummary, onError).toEqual(js.run.transactionsSummary);
      expect(js.run.transactionsSummary!.byCode.TW0632, onError).toBeGreaterThan(3);
      const found = js.run.diagnostics.filter((d) => d.code === 'TW0632');
      if (onError === 'skip') expect(found).toEqual([]);
      else {
        const named = found.map((d) => d.row);
        for (const row of Object.values(rows)) expect(named, `${onError} row ${row}`).toContain(row);
        expect(found.some((d) => d.row === undefined)).toBe(true);
        expect(found.some((d) => String(d.message).includes('C-NO-LOG'))).toBe(true);
        // `fail` stops at the first, before the log's strangers are said.
        const codes = js.run.diagnostics.map((d) => d.code);
        if (onError === 'report') expect(codes.lastIndexOf('TW0632')).toBeLessThan(codes.indexOf('TW0609'));
        else expect(codes).not.toContain('TW0609');
      }
      if (onError === 'fail') expect(js.run.failed).toBe(true);
    }
    // Counted inside DuckDB (a simulation): the same report.
    const counted = { ...DATA, customers, transactions: file };
    expect(await simulate(policy, { ...counted, engine: 'duckdb', threads: 1 })).toEqual(
      await simulate(policy, { ...counted, engine: 'js' }),
    );
    // More than are listed: every customer is out, and both list the first thousand in file order.
    facts.orders12m = { ...facts.orders12m!, min: 1e6 };
    const many = everyone.slice(0, 1201);
    const more = {
      ...DATA,
      customers: write('many.csv', many),
      transactions: write('many-log.csv', logOf(many)),
    };
    const js = await traced(policy, { ...more, engine: 'js' });
    const duck = await traced(policy, { ...more, engine: 'duckdb', threads: 1 });
    expectSameRuns(js, duck);
    expect(duck.run.transactionsSummary).toEqual(js.run.transactionsSummary);
    expect(js.run.diagnostics.filter((d) => d.code === 'TW0632')).toHaveLength(1000);
  });

  it('classes that pick all, with an otherwise and an id two rules share: counted in the query as on the JS path', async () => {
    const policy = structuredClone(await bundled('seed000-classifiers.tier.yaml'));
    const needs = policy.classifiers!.needTags!;
    needs.otherwise = { id: 'no-stated-need', label: { 'zh-CN': '无', en: 'None' } };
    // Two rules giving one class: a customer in both is counted once.
    needs.rules[1] = { ...needs.rules[1]!, id: 'price-sensitive' };
    const js = await simulate(policy, { ...DATA, engine: 'js' });
    const duck = await simulate(policy, { ...DATA, engine: 'duckdb', threads: 1 });
    const counts = js.classifiers.find((c) => c.id === 'needTags')!.classes;
    expect(counts.find((c) => c.id === 'no-stated-need')!.customers).toBeGreaterThan(0);
    expect(duck).toEqual(js);
  });
});

describe('a counting run without a log reads the file once, checked as it counts', () => {
  // Seed 004's scorecard with its transaction aggregates precomputed in the customer file, as a
  // CRM export holds them: a run that needs no log.
  const AGGREGATES: Record<string, (i: number) => number> = {
    spend12m: (i) => (i * 7919) % 400_000,
    avgOrderValue: (i) => (i * 31) % 2_000,
    spendDropStreakMonths: (i) => i % 4,
    monthsWithoutPurchase: (i) => i % 3,
  };
  const scorecard = async (): Promise<Policy> => {
    const policy = await bundled('seed004-scorecard.tier.yaml');
    const facts = Object.entries(policy.facts ?? {}).map(([id, f]) =>
      id in AGGREGATES ? [id, { ...f, column: id }] : [id, f],
    );
    return { ...policy, facts: Object.fromEntries(facts) };
  };
  const lines = readFileSync(DATA.customers, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(0, 300)
    .map((line, i) =>
      [line, ...Object.entries(AGGREGATES).map(([id, value]) => (i === 0 ? id : String(value(i))))].join(','),
    );
  const edited = (edit: (rows: string[]) => void) => {
    const rows = [...lines];
    edit(rows);
    return `${rows.join('\n')}\n`;
  };
  const setCell = (rows: string[], i: number, k: number, value: string) => {
    const cells = rows[i]!.split(',');
    cells[k] = value;
    rows[i] = cells.join(',');
  };
  // Each file but the first has something to report: the count falls back to the table load, and
  // what is reported (and counted) is what the JS reader gives.
  const variants: [string, string][] = [
    ['clean', edited(() => {})],
    ['a bad number', edited((rows) => setCell(rows, 5, 6, 'not-a-number'))],
    ['a blank key', edited((rows) => setCell(rows, 9, 0, ''))],
    ['a key of spaces', edited((rows) => setCell(rows, 9, 0, '  '))],
    ['a duplicate key', edited((rows) => rows.push(rows[12]!))],
    ['a blank row', edited((rows) => rows.splice(20, 0, ','.repeat(lines[0]!.split(',').length - 1)))],
    ['a short row', edited((rows) => rows.splice(20, 0, 'C-SHORT,名称'))],
    ['a long row', edited((rows) => rows.splice(20, 0, `${rows[20]},extra`))],
    ['a needed fact missing', edited((rows) => setCell(rows, 30, 6, ''))],
  ];
  const OPTIONS = { asOf: DATA.asOf, threads: 1 };

  // The quick run takes one file of each way the count can fail to confirm: a cell, a key, a row.
  const csvVariants = variants.filter(([name]) =>
    sized(/clean|bad|blank key|duplicate|short/, /./).test(name),
  );
  it.each(csvVariants)('%s (CSV): the JS path’s figures, findings and read summary', async (name, text) => {
    const policy = await scorecard();
    const file = join(dir, `once-${variants.findIndex(([n]) => n === name)}.csv`);
    writeFileSync(file, text);
    const js = await simulate(policy, { ...OPTIONS, customers: file, engine: 'js' });
    const duck = await simulate(policy, { ...OPTIONS, customers: file, engine: 'duckdb' });
    expect(duck).toEqual(js);
    expect(js.customers, name).toBeGreaterThan(250);
    if (name === 'clean') expect(js.diagnostics).toEqual([]);
    if (/bad|key|short|long/.test(name)) expect(js.diagnostics.length, name).toBeGreaterThan(0);
  });

  // Parquet reads no malformed row; the quick run takes one file of each outcome (clean, a bad cell, a duplicate).
  const parquetVariants = variants.filter(
    ([name]) => sized(/clean|bad number|duplicate/, /./).test(name) && !/short|long/.test(name),
  );
  it.each(parquetVariants)(
    '%s (Parquet of text): what a run that reads every customer gives',
    async (name, text) => {
      const policy = await scorecard();
      const n = variants.findIndex(([v]) => v === name);
      const csv = join(dir, `once-p${n}.csv`);
      const parquet = join(dir, `once-p${n}.parquet`);
      writeFileSync(csv, text);
      const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false' });
      const connection = await instance.connect();
      const path = (p: string) => `'${p.replaceAll("'", "''")}'`;
      await connection.run(
        `COPY (SELECT * FROM read_csv(${path(csv)}, all_varchar = true, header = true)) TO ${path(parquet)} (FORMAT parquet)`,
      );
      connection.closeSync();
      const options = { ...OPTIONS, customers: parquet, engine: 'duckdb' as const };
      // No onChunk: the run counts (provisional view); with one it reads every customer (table or checked view).
      const counted = await evaluatePopulation(policy, options);
      const read = await evaluatePopulation(policy, options, () => {});
      expect(counted.failed).toBe(false);
      expect(counted).toEqual(read);
      const js = await simulate(policy, { ...OPTIONS, customers: csv, engine: 'js' });
      expect(counted.distribution.customers).toBe(js.customers);
    },
  );
});
