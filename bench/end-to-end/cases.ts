import { createReadStream } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { chooseEvaluator } from '../../src/compile/evaluate.js';
import { loadCustomers } from '../../src/facts/customers.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { diffPolicies } from '../../src/simulate/diff.js';
import { evaluatePopulationParallel } from '../../src/simulate/parallel.js';
import { evaluatePopulation } from '../../src/simulate/population.js';
import { simulate } from '../../src/simulate/simulate.js';
import { duckdb } from '../../src/sql/dialect.js';
import { compileSql, isCompiledSql } from '../../src/sql/query.js';

/**
 * The I/O ceiling: papaparse alone over the file, streamed, rows as arrays of strings, nothing
 * converted or kept. (csv-parse, the other common parser, is not installed here.)
 */
export function bareParse(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<string[]>(createReadStream(file, 'utf8'), {
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows - 1),
      error: reject,
    });
  });
}

export interface TierwiseRun {
  loadMs: number;
  evaluateMs: number;
  /** Customers per tier index in policy.tiers.levels (-1: none). */
  tiers: Map<number, number>;
}

/** What `tierwise eval` does with a customer file: loadCustomers, then the compiled path. */
export async function readAndEvaluate(policy: Policy, file: string): Promise<TierwiseRun> {
  const start = performance.now();
  const loaded = await loadCustomers(policy, { customers: file });
  const loadMs = performance.now() - start;
  if (loaded.failed) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const { evaluate, notes } = chooseEvaluator(policy);
  if (notes.length > 0) throw new Error(`not the compiled path: ${notes[0]!.message}`);
  const results = await evaluate(loaded.customers, { explain: false });
  const evaluateMs = performance.now() - start - loadMs;
  const levels = policy.tiers!.levels.map((l) => l.id);
  const tiers = new Map<number, number>();
  for (const r of results) {
    const t = r.tier === undefined ? -1 : levels.indexOf(r.tier);
    tiers.set(t, (tiers.get(t) ?? 0) + 1);
  }
  return { loadMs, evaluateMs, tiers };
}

/**
 * The columnar paths: `population` is what `eval --summary` runs (evaluatePopulation), `simulate`
 * adds every per-tier figure, `diff` evaluates the policy and a variant with its top tier at 85
 * in one pass. Returns customers per tier index (of the policy itself) for checking.
 */
export async function populationCase(
  kind: 'population' | 'parallel' | 'simulate' | 'diff' | 'duckdb' | 'duckdb-simulate',
  policy: Policy,
  file: string,
): Promise<Map<number, number>> {
  const tiers = new Map<number, number>();
  const count = (tier: Int32Array) => {
    for (const t of tier) tiers.set(t, (tiers.get(t) ?? 0) + 1);
  };
  if (kind === 'duckdb') {
    // As `eval --summary --engine duckdb` runs it: no consumer per chunk, only the distribution.
    const run = await evaluatePopulation(policy, { customers: file, engine: 'duckdb', threads: 2 });
    if (run.failed) throw new Error(run.diagnostics.map((d) => d.message).join('; '));
    run.distribution.tiers.forEach((t, k) => {
      if (t.customers > 0) tiers.set(k, t.customers);
    });
    if (run.distribution.untiered > 0) tiers.set(-1, run.distribution.untiered);
    return tiers;
  }
  if (kind === 'population' || kind === 'parallel') {
    const evaluate = kind === 'parallel' ? evaluatePopulationParallel : evaluatePopulation;
    // The parallel path reads files from 64 MiB up by itself; a smaller bench file is cut anyway.
    const options =
      kind === 'parallel'
        ? { customers: file, rangeBytes: 8 * 2 ** 20, workers: 2 }
        : { customers: file, workers: 1 };
    const run = await evaluate(policy, options, (_, r) => count(r.tier));
    if (run.failed) throw new Error(run.diagnostics.map((d) => d.message).join('; '));
    return tiers;
  }
  if (kind === 'simulate' || kind === 'duckdb-simulate') {
    const s = await simulate(
      policy,
      kind === 'simulate'
        ? { customers: file, workers: 1 }
        : { customers: file, engine: 'duckdb', threads: 2 },
    );
    s.tiers.forEach((t, k) => {
      tiers.set(k, t.customers);
    });
    if (s.untiered.customers > 0) tiers.set(-1, s.untiered.customers);
    return tiers;
  }
  const levels = policy.tiers!.levels.map((l, k) => (k === 0 ? { ...l, minScore: 85 } : l));
  const variant = { ...policy, tiers: { ...policy.tiers!, levels } };
  const d = await diffPolicies(
    { policy, file: 'a' },
    { policy: variant, file: 'b' },
    { customers: file, limit: 100 },
  );
  d.simulations.from.tiers.forEach((t, k) => {
    tiers.set(k, t.customers);
  });
  if (d.simulations.from.untiered.customers > 0) tiers.set(-1, d.simulations.from.untiered.customers);
  return tiers;
}

/**
 * DuckDB alone: the policy's query (what `tierwise sql --dialect duckdb` prints) over DuckDB's own
 * read_csv (or read_parquet) of the file, counted per tier inside DuckDB. No tierwise loader, no diagnostics, no
 * result crossing into JavaScript: the floor the DuckDB engine's overheads are measured against.
 */
export async function duckdbQueryAlone(policy: Policy, file: string): Promise<Map<number, number>> {
  const connection = await (
    await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: '2',
    })
  ).connect();
  const literal = `'${file.replaceAll("'", "''")}'`;
  const read = file.endsWith('.parquet')
    ? `read_parquet(${literal})`
    : `read_csv(${literal}, header = true, all_varchar = true)`;
  await connection.run(`CREATE VIEW customers AS SELECT * FROM ${read}`);
  const compiled = compileSql(policy, { dialect: duckdb, customers: { name: 'customers', shape: 'source' } });
  if (!isCompiledSql(compiled)) throw new Error(compiled.map((d) => d.message).join('; '));
  const reader = await connection.runAndReadAll(
    `SELECT CAST(COALESCE(level, -1) AS INTEGER) AS level, CAST(count(*) AS INTEGER) AS n FROM (${compiled.sql}) GROUP BY 1`,
  );
  const tiers = new Map<number, number>();
  for (const [level, n] of reader.getRows()) tiers.set(Number(level), Number(n));
  connection.closeSync();
  return tiers;
}
