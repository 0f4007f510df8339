import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/util/random.js';
import { type Measurement, skipped } from '../harness.js';
import type { BenchOptions } from '../options.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
/** The child's own high-water mark, printed as it exits: spawnSync reports no child's memory. */
const MAX_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nbench-maxrss "+process.resourceUsage().maxRSS+"\\n"))`;
const AS_OF = '2026-11-01';
/** Generated customers: a million (the figure); 20,000 under --quick. */
const GENERATED = { full: 1_000_000, quick: 20_000 };
/** Transactions per customer on average in the generated log. */
const ORDERS_PER_CUSTOMER = 3;
const DAY_MS = 86_400_000;

/**
 * A facts-only policy (no tiers): four column facts (one personal), six aggregates and four
 * derived facts (a guarded ratio, a fraction of weeks from a date, a Kleene condition, a coalesce).
 */
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: bench-facts, version: 1.0.0, labels: { zh-CN: 事实导出, en: Facts export } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  contact: { type: string, pii: true, column: 联系人 }
  region: { type: string, column: 区域 }
  level: { type: integer, min: 0, default: 0, column: 等级 }
  spend12m: { type: number, unit: CNY, aggregate: sum, of: amount, window: P12M }
  orders12m: { type: integer, aggregate: count, window: P12M }
  avgOrder12m: { type: number, unit: CNY, aggregate: avg, of: amount, window: P12M }
  daysSinceLast: { type: integer, unit: days, aggregate: daysSinceLast }
  purchaseDays: { type: integer, aggregate: distinctDays, window: P12M }
  lastPurchase: { type: date, aggregate: lastDate }
  spendPerOrder: { type: number, unit: CNY, expr: "coalesce(spend12m / orders12m, 0)" }
  weeksSinceLast: { type: number, unit: weeks, expr: weeksSince(lastPurchase) }
  active: { type: boolean, expr: "daysSinceLast <= 90 && orders12m >= 2" }
  tierHint: { type: integer, expr: "if(spend12m >= 10000, level + 1, level)" }
sources:
  transactions:
    customer: 客户编号
    date: 交易日期
    fields: { amount: { column: 金额, type: number } }
`;

interface Case {
  name: string;
  args: string[];
  customers: number;
  note: string;
}

/**
 * `tierwise facts` end to end: the built CLI in a process of its own per run (so its peak RSS is
 * its own), writing CSV to a file, on the bundled data and on generated customers with a
 * transaction log — with the customer file, from the log alone, and the customer file alone
 * (streamed). Wall time includes Node's start and loading the policy, as a user sees it.
 */
export async function factsExportSuite(options: BenchOptions): Promise<Measurement[]> {
  if (!existsSync(BIN))
    return [
      skipped('facts-export', 'tierwise facts', 'customers', 'run `npm run build` first: dist/ is missing'),
    ];
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-facts-'));
  try {
    const n = options.quick ? GENERATED.quick : GENERATED.full;
    const policy = join(dir, 'facts.tier.yaml');
    writeFileSync(policy, POLICY);
    const customers = join(dir, 'customers.csv');
    const log = join(dir, 'transactions.csv');
    const transactions = generate(customers, log, n);
    const size = (file: string) => `${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`;
    const out = join(dir, 'facts.csv');
    const bundled = ['--policy', 'policies/seed004-scorecard.tier.yaml', '--as-of', AS_OF, '--out', out];
    const generated = ['--policy', policy, '--as-of', AS_OF, '--out', out];
    const count = n.toLocaleString('en-US');
    const cases: Case[] = [
      {
        name: 'bundled data: customers + transactions',
        args: [
          ...bundled,
          '--data',
          'examples/data/customers.csv',
          '--transactions',
          'examples/data/transactions.csv',
        ],
        customers: 3000,
        note: 'seed004-scorecard, 15 facts, 63,909 transactions',
      },
      {
        name: 'bundled data: lifetimes-rfm (aggregates per day/week, derived facts)',
        args: [
          '--policy',
          'policies/lifetimes-rfm.tier.yaml',
          '--as-of',
          AS_OF,
          '--out',
          out,
          '--data',
          'examples/data/customers.csv',
          '--transactions',
          'examples/data/transactions.csv',
        ],
        customers: 3000,
        note: 'lifetimes-rfm, 16 facts of which 3 derived, 63,909 transactions',
      },
      {
        name: 'bundled data: customer file only (streamed)',
        args: [...bundled, '--data', 'examples/data/customers.csv'],
        customers: 3000,
        note: 'seed004-scorecard, aggregates empty (no log)',
      },
      {
        name: `${count} generated: customers + transactions`,
        args: [...generated, '--data', customers, '--transactions', log],
        customers: n,
        note: `14 facts (4 derived); ${size(customers)} customers, ${transactions.toLocaleString('en-US')} transactions (${size(log)})`,
      },
      {
        name: `${count} generated: transactions only`,
        args: [...generated, '--transactions', log],
        customers: n,
        note: 'customers = the log’s distinct ids; column facts empty',
      },
      {
        name: `${count} generated: customer file only (streamed)`,
        args: [...generated, '--data', customers],
        customers: n,
        note: 'aggregates empty (no log); memory follows a chunk',
      },
    ];
    const runs = options.quick ? 1 : n >= 500_000 ? 1 : 3;
    const measured: Measurement[] = [];
    for (const c of cases) {
      process.stderr.write(`bench: facts-export: ${c.name}…\n`);
      measured.push(timeCase(c, c.customers <= 3000 ? Math.max(runs, 3) : runs));
    }
    return measured;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeCase(c: Case, runs: number): Measurement {
  const times: number[] = [];
  let peakRss = 0;
  let exported = c.customers;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', MAX_RSS, BIN, 'facts', ...c.args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 2 ** 24,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0)
      throw new Error(`tierwise facts ${c.args.join(' ')}: exit ${child.status}\n${child.stderr}`);
    const rss = /bench-maxrss (\d+)/.exec(child.stderr);
    const summary = /facts of ([\d,]+) customers/.exec(child.stderr);
    if (!summary) throw new Error(`no summary line:\n${child.stderr}`);
    // From the log alone the customers are those with a transaction: counted as written.
    exported = Number(summary[1]!.replaceAll(',', ''));
    peakRss = Math.max(peakRss, rss ? Number(rss[1]) / 1024 : 0);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return {
    suite: 'facts-export',
    name: `tierwise facts, ${c.name}`,
    medianMs,
    perSecond: (exported * 1000) / medianMs,
    unit: 'customers',
    runs,
    peakRssMiB: peakRss,
    heapUsedMiB: Number.NaN,
    note: `${c.note}; CSV to a file; own process, wall time incl. start (${exported.toLocaleString('en-US')} customers)`,
  };
}

/**
 * `n` customers (key, a contact, a region, a level; 5% without a level) and about
 * ORDERS_PER_CUSTOMER transactions each over two years before the as-of date, in date order with
 * customers interleaved, as an ERP writes its log. Written in chunks: memory stays flat.
 */
function generate(customersFile: string, logFile: string, n: number): number {
  const next = mulberry32(20261101);
  const id = (i: number) => `C${String(i).padStart(8, '0')}`;
  const regions = ['华东', '华北', '华南', '西南', '东北'];
  const names = ['张伟', '王芳', '李娜', '刘洋', '陈静'];
  const customers = openSync(customersFile, 'w');
  try {
    writeSync(customers, '客户编号,联系人,区域,等级\n');
    for (let start = 0; start < n; start += 10_000) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(n, start + 10_000); i++)
        lines.push(
          `${id(i)},${names[i % 5]},${regions[(i * 7) % 5]},${next() < 0.05 ? '' : Math.floor(next() * 5)}`,
        );
      writeSync(customers, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(customers);
  }
  const total = n * ORDERS_PER_CUSTOMER;
  const end = Date.parse(`${AS_OF}T00:00:00+08:00`);
  const span = 730 * DAY_MS;
  const log = openSync(logFile, 'w');
  try {
    writeSync(log, '客户编号,交易日期,金额\n');
    for (let start = 0; start < total; start += 10_000) {
      const lines: string[] = [];
      for (let k = start; k < Math.min(total, start + 10_000); k++) {
        const day = new Date(end - span + Math.floor((k / total) * span) + 8 * 3_600_000)
          .toISOString()
          .slice(0, 10);
        const amount = Math.round(100 * 10 ** (next() * 3)) / 100;
        lines.push(`${id(Math.floor(next() * n))},${day},${amount}`);
      }
      writeSync(log, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(log);
  }
  return total;
}
