import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { isRunDates, type RunDate, replayHistory, runDates } from '../../src/rerate/history.js';
import { mulberry32 } from '../../src/util/random.js';
import { type Measurement, measure, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const ROOT = new URL('../../', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, ROOT));

/**
 * A scorecard on transactions alone, with seed 004's re-rating: 12-month spend and orders,
 * the spend-drop trigger and the churn warning, VIP quarterly and the rest half-yearly.
 */
const GENERATED_POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: replay-bench
  version: 1.0.0
  labels: { zh-CN: 回放基准, en: Replay bench }
facts:
  customerId: { type: string, key: true, column: id }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true, from: transactions, aggregate: sum, of: amount, window: P12M }
  orders12m: { type: integer, min: 0, from: transactions, aggregate: count, window: P12M }
  spendDropStreakMonths: { type: integer, min: 0, from: transactions, aggregate: dropStreakMonths, of: amount, window: P12M, calendar: true }
  monthsWithoutPurchase: { type: integer, min: 0, from: transactions, aggregate: monthsWithoutPurchase }
sources:
  transactions:
    customer: id
    date: date
    fields: { amount: { column: amount, type: number } }
dimensions:
  value:
    weight: 70
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 100, score: { linear: { from: 0, to: 240000 } } }
  activity:
    weight: 30
    label: { zh-CN: 活跃度, en: Activity }
    metrics:
      orders12m: { weight: 100, score: { linear: { from: 0, to: 36 } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 90 }
    - { id: key, label: { zh-CN: 重点客户, en: Key }, minScore: 70 }
    - { id: standard, label: { zh-CN: 普通客户, en: Standard }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
rerating:
  every: { vip: P3M, default: P6M }
  triggers:
    - id: spend-drop
      label: { zh-CN: 连续2个月消费下降50%, en: Spend down 50% two months running }
      when: { fact: spendDropStreakMonths, operator: greaterThanInclusive, value: 2 }
      then: { rerate: true }
    - id: dormant
      label: { zh-CN: 3个月无消费, en: No purchase for 3 months }
      when: { fact: monthsWithoutPurchase, operator: greaterThanInclusive, value: 3 }
      then: { flag: churn-warning }
`;

const GENERATED_SEED = 20261204;
const MONTHS = 24;

/**
 * `customers` customers × 24 months of transactions, about 2 a customer-month, written month by
 * month: each customer has a spending level that drifts, and a small chance each month of
 * buying nothing (churn warnings) or half as much (spend drops).
 */
function writeHistory(
  dir: string,
  customers: number,
): { customers: string; transactions: string; rows: number } {
  const next = mulberry32(GENERATED_SEED);
  const customerFile = join(dir, 'customers.csv');
  const ids = Array.from({ length: customers }, (_, i) => `G${String(i + 1).padStart(7, '0')}`);
  writeFileSync(customerFile, `id\n${ids.join('\n')}\n`);
  const level = Float64Array.from({ length: customers }, () => 500 + next() * 12_000);
  const transactionFile = join(dir, 'transactions.csv');
  const fd = openSync(transactionFile, 'w');
  writeSync(fd, 'id,date,amount\n');
  let rows = 0;
  for (let m = 0; m < MONTHS; m++) {
    const year = 2024 + Math.floor(m / 12);
    const month = String((m % 12) + 1).padStart(2, '0');
    const lines: string[] = [];
    for (let c = 0; c < customers; c++) {
      level[c] = level[c]! * (0.9 + next() * 0.22);
      const r = next();
      const orders = r < 0.08 ? 0 : r < 0.35 ? 1 : r < 0.75 ? 2 : r < 0.95 ? 3 : 4;
      const scale = next() < 0.05 ? 0.4 : 1;
      for (let k = 0; k < orders; k++) {
        const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
        lines.push(`${ids[c]},${year}-${month}-${day},${((level[c]! * scale) / orders).toFixed(2)}`);
      }
    }
    rows += lines.length;
    writeSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
  return { customers: customerFile, transactions: transactionFile, rows };
}

function runsOf(from: string, to: string): RunDate[] {
  const runs = runDates(from, to);
  if (!isRunDates(runs)) throw new Error(`bad bench runs ${from}..${to}`);
  return runs;
}

/**
 * `tierwise replay` end to end (reading both files once, then every run), in customer-months
 * per second: the bundled data over 2024-01..2026-10 (34 runs), and a generated 100,000
 * customers × 24 months (`--customers N` sets the size under --quick too).
 */
export async function replaySuite(options: BenchOptions): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const customers = at('examples/data/customers.csv');
  const transactions = at('examples/data/transactions.csv');
  const timing = runsFor(options, { runs: 3, warmup: 1 }, { runs: 1, warmup: 0 });
  if (existsSync(customers)) {
    const { policy } = await loadPolicy(at('policies/seed004-scorecard.tier.yaml'));
    if (policy)
      out.push(
        await replayCase(
          policy,
          'bundled 3,000 × 2024-01..2026-10',
          customers,
          transactions,
          runsOf('2024-01', '2026-10'),
          timing,
        ),
      );
  }
  const size = options.quick ? Math.min(options.customers, 10_000) : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-replay-'));
  try {
    const files = writeHistory(dir, size);
    const policyFile = join(dir, 'replay-bench.tier.yaml');
    writeFileSync(policyFile, GENERATED_POLICY);
    const { policy, diagnostics } = await loadPolicy(policyFile);
    if (!policy) throw new Error(`bench policy: ${JSON.stringify(diagnostics)}`);
    out.push(
      await replayCase(
        policy,
        `generated ${size.toLocaleString('en-US')} × 24 months (${files.rows.toLocaleString('en-US')} transactions)`,
        files.customers,
        files.transactions,
        runsOf('2024-01', '2025-12'),
        { runs: 1, warmup: 0 },
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function replayCase(
  policy: Policy,
  name: string,
  customers: string,
  transactions: string,
  runs: RunDate[],
  timing: { runs: number; warmup: number },
): Promise<Measurement> {
  let customerMonths = 0;
  let churn = 0;
  const m = await measure(
    'replay',
    name,
    'customer-months',
    async () => {
      const replay = await replayHistory(policy, { customers, transactions, runs });
      if (replay.failed)
        throw new Error(`replay failed: ${replay.diagnostics.map((d) => d.code).join(', ')}`);
      customerMonths = replay.customerMonths;
      churn = replay.stability.averageChurn;
    },
    {
      ...timing,
      note: `read once + ${runs.length} runs, compiled; average churn ${(churn * 100).toFixed(1)}%`,
    },
  );
  const measured = perItem(m, customerMonths);
  // The churn is known only once the case has run.
  return {
    ...measured,
    note: measured.note?.replace(/average churn [\d.]+%/, `average churn ${(churn * 100).toFixed(1)}%`),
  };
}
