import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCustomerCsv } from '../data/customer-csv.js';
import { bundledPolicy } from '../data/policy.js';
import { withPrecomputedColumns } from '../data/precomputed.js';
import type { ChildReport } from '../end-to-end/child.js';
import { runChild } from '../end-to-end/spawn.js';
import { type Measurement, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

/**
 * Issue 5, end to end: a generated customer CSV (seed 004's columns, Chinese headers) read by
 * papaparse alone — the I/O ceiling — and by tierwise (loadCustomers, then the compiled path), at
 * `--rows` and a quarter of it, each case in a process of its own so that peak RSS shows whether
 * memory grows with rows.
 */
export async function endToEndSuite(options: BenchOptions): Promise<Measurement[]> {
  const policy = withPrecomputedColumns(await bundledPolicy('seed004-scorecard'));
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-'));
  const out: Measurement[] = [];
  try {
    let smaller: { report: ChildReport; rows: number } | undefined;
    const smallerColumnar = new Map<string, { report: ChildReport; rows: number }>();
    for (const rows of [Math.max(1, Math.round(options.rows / 4)), options.rows]) {
      const file = join(dir, `customers-${rows}.csv`);
      const expected = writeCustomerCsv(policy, file, rows);
      const size = `${(statSync(file).size / 2 ** 20).toFixed(0)} MiB file`;
      const label = `${rows.toLocaleString('en-US')} rows`;
      const parse = runChild('parse', file, runsFor(options, { runs: 5, warmup: 1 }));
      if (parse.rows !== rows) throw new Error(`papaparse read ${parse.rows} rows of ${rows}`);
      const tierwise = runChild('tierwise', file, runsFor(options, { runs: 3, warmup: 1 }));
      assertTiers(expected, new Map(tierwise.tiers));
      const parseRow = row(
        parse,
        `bare papaparse parse, ${label}`,
        rows,
        `${size}; streamed, rows as string arrays; csv-parse is not installed`,
      );
      const endToEnd = row(
        tierwise,
        `tierwise read + compiled evaluate, ${label}`,
        rows,
        `loadCustomers ${tierwise.loadMs!.toFixed(0)} ms + compiled evaluate ${tierwise.evaluateMs!.toFixed(0)} ms (medians); tiers equal compileBatch's${growth(smaller, { report: tierwise, rows })}`,
      );
      parseRow.compared = `end to end ${(endToEnd.perSecond / parseRow.perSecond).toFixed(2)}×`;
      out.push(parseRow, endToEnd);
      for (const [kind, what] of COLUMNAR) {
        const report = runChild(kind, file, runsFor(options, { runs: 3, warmup: 1 }));
        assertTiers(expected, new Map(report.tiers));
        const measured = row(
          report,
          `${what}, ${label}`,
          rows,
          `${NOTES[kind]}${growth(smallerColumnar.get(kind), { report, rows })}`,
        );
        measured.compared = `${(measured.perSecond / parseRow.perSecond).toFixed(2)}× bare parse`;
        out.push(measured);
        smallerColumnar.set(kind, { report, rows });
      }
      smaller = { report: tierwise, rows };
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const COLUMNAR = [
  ['population', 'tierwise eval --summary (columns + batch)'],
  ['parallel', 'the same on 2 worker threads'],
  ['simulate', 'tierwise simulate'],
  ['diff', 'tierwise diff (two policies, one pass)'],
] as const;

const NOTES: Record<(typeof COLUMNAR)[number][0], string> = {
  population:
    "evaluatePopulation: cells straight into typed columns, compileBatch per chunk; tiers equal compileBatch's",
  parallel:
    'evaluatePopulationParallel: 8 MiB ranges read, converted and evaluated by 2 workers, merged in order',
  simulate: 'simulate(): distribution + costs, service load, KPIs, flags, classes',
  diff: 'diffPolicies(): the policy and a variant (top tier at 85), migration matrix, 100 movers explained',
};

function row(report: ChildReport, name: string, rows: number, note: string): Measurement {
  return perItem({ ...report.measurement, name, note: `${note}; own process` }, rows);
}

/** How peak RSS grew from the smaller file to this one: flat memory would stay near 1×. */
function growth(
  smaller: { report: ChildReport; rows: number } | undefined,
  larger: { report: ChildReport; rows: number },
): string {
  if (!smaller) return '';
  const rss = larger.report.measurement.peakRssMiB / smaller.report.measurement.peakRssMiB;
  return `; peak RSS ×${rss.toFixed(1)} for ×${(larger.rows / smaller.rows).toFixed(0)} rows`;
}

function assertTiers(expected: Map<number, number>, actual: Map<number, number>): void {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  for (const k of keys) {
    if ((expected.get(k) ?? 0) !== (actual.get(k) ?? 0))
      throw new Error(
        `end to end, tier ${k}: tierwise read back ${actual.get(k) ?? 0} customers, compileBatch gave ${expected.get(k) ?? 0}`,
      );
  }
}
