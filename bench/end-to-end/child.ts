/**
 * One end-to-end case in a process of its own, so that its peak RSS is its own:
 * `node --import tsx bench/end-to-end/child.ts parse|tierwise|population|parallel|simulate|diff FILE RUNS WARMUP` prints a
 * ChildReport as JSON.
 */

import { loadPolicy } from '../../src/policy/load.js';
import { simulate } from '../../src/simulate/simulate.js';
import { FACTS_AS_OF, type FactsFiles } from '../data/facts-log.js';
import { bundledPolicy } from '../data/policy.js';
import { withPrecomputedColumns } from '../data/precomputed.js';
import { type Measurement, measure } from '../harness.js';
import { bareParse, duckdbQueryAlone, populationCase, readAndEvaluate } from './cases.js';

export interface ChildReport {
  measurement: Measurement;
  rows: number;
  /** tierwise only: median milliseconds of reading and of evaluating, and customers per tier. */
  loadMs?: number;
  evaluateMs?: number;
  tiers?: [number, number][];
}

const [kind, file, runs, warmup] = process.argv.slice(2);
const timing = { runs: Number(runs), warmup: Number(warmup) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** A case that ends in tier counts: measured, with its rows and tiers reported for checking. */
async function tieredCase(
  suite: string,
  name: string,
  run: () => Promise<Map<number, number>>,
): Promise<ChildReport> {
  let tiers = new Map<number, number>();
  const measurement = await measure(
    suite,
    name,
    'rows',
    async () => {
      tiers = await run();
    },
    timing,
  );
  const rows = [...tiers.values()].reduce((a, b) => a + b, 0);
  return { measurement, rows, tiers: [...tiers] };
}

// The DuckDB engine's modules load when it first runs; a case run once would time their loading
// (about a second under tsx) besides its work, which DuckDB alone never pays inside its timing.
if (kind?.includes('duckdb')) await import('../../src/simulate/duckdb-population.js');

let report: ChildReport;
if (kind === 'parse') {
  let rows = 0;
  const measurement = await measure(
    'end-to-end',
    'parse',
    'rows',
    async () => {
      rows = await bareParse(file!);
    },
    timing,
  );
  report = { measurement, rows };
} else if (kind === 'duckdb-query') {
  const policy = withPrecomputedColumns(await bundledPolicy('seed004-scorecard'));
  report = await tieredCase('sql', kind, () => duckdbQueryAlone(policy, file!));
} else if (kind === 'facts-js' || kind === 'facts-duckdb' || kind === 'facts-duckdb-csv') {
  // `file`: the FactsFiles of bench/data/facts-log.ts, as JSON.
  const files = JSON.parse(file!) as FactsFiles;
  const policy = (await loadPolicy(files.policy)).policy!;
  const parquet = kind === 'facts-duckdb';
  report = await tieredCase('sql', kind, async () => {
    const s = await simulate(policy, {
      customers: parquet ? files.customers.parquet : files.customers.csv,
      transactions: parquet ? files.transactions.parquet : files.transactions.csv,
      asOf: FACTS_AS_OF,
      ...(kind === 'facts-js' ? { workers: 1 } : { engine: 'duckdb' as const, threads: 2 }),
    });
    const tiers = new Map(s.tiers.map((t, k) => [k, t.customers] as [number, number]));
    if (s.untiered.customers > 0) tiers.set(-1, s.untiered.customers);
    return tiers;
  });
} else if (
  kind === 'population' ||
  kind === 'parallel' ||
  kind === 'simulate' ||
  kind === 'diff' ||
  kind === 'duckdb' ||
  kind === 'duckdb-simulate'
) {
  const policy = withPrecomputedColumns(await bundledPolicy('seed004-scorecard'));
  report = await tieredCase('end-to-end', kind, () => populationCase(kind, policy, file!));
} else {
  const policy = withPrecomputedColumns(await bundledPolicy('seed004-scorecard'));
  const loads: number[] = [];
  const evaluations: number[] = [];
  let tiers = new Map<number, number>();
  const measurement = await measure(
    'end-to-end',
    'tierwise',
    'rows',
    async () => {
      const run = await readAndEvaluate(policy, file!);
      loads.push(run.loadMs);
      evaluations.push(run.evaluateMs);
      tiers = run.tiers;
    },
    timing,
  );
  const rows = [...tiers.values()].reduce((a, b) => a + b, 0);
  report = { measurement, rows, loadMs: median(loads), evaluateMs: median(evaluations), tiers: [...tiers] };
}
// the process's own high-water mark, which sampling between runs can miss
report.measurement.peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(report));
