/**
 * Loading into DuckDB against the JS readers, on generated files (not part of `npm run bench`:
 * a 20M-row log takes minutes to write). Each measurement runs in a child process of its own, so
 * that its peak RSS (VmHWM: DuckDB's native memory included) is its own.
 *
 *   npx tsx bench/duckdb-load.ts [customers=1000000] [transactions=1000000,20000000] [readers=duckdb,js]
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDuck } from '../src/duckdb/duck.js';
import { loadCustomers, loadTransactions } from '../src/duckdb/index.js';
import type { CustomerAccumulator } from '../src/facts/aggregate.js';
import { loadCustomers as loadJs, readTransactions } from '../src/facts/customers.js';
import { mulberry32 } from '../src/util/random.js';
import { writeCustomerCsv } from './data/customer-csv.js';
import { bundledPolicy } from './data/policy.js';
import { customerId } from './data/population.js';
import { withPrecomputedColumns } from './data/precomputed.js';

const DIR = join(tmpdir(), 'tierwise-duckdb-bench');
const POLICY = 'seed004-scorecard';

async function policy() {
  return withPrecomputedColumns(await bundledPolicy(POLICY));
}

function customersFile(rows: number): Promise<string> | string {
  const path = join(DIR, `customers-${rows}.csv`);
  if (existsSync(path)) return path;
  return policy().then((p) => {
    writeCustomerCsv(p, path, rows);
    return path;
  });
}

/** customer, date, amount: a year of purchases by 100,000 customers, as the bundled log has them. */
function transactionsFile(rows: number): string {
  const path = join(DIR, `transactions-${rows}.csv`);
  if (existsSync(path)) return path;
  const next = mulberry32(13);
  const file = openSync(path, 'w');
  writeSync(file, '客户编号,交易日期,交易金额\n');
  const day0 = Date.UTC(2025, 10, 1);
  for (let start = 0; start < rows; start += 100_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + 100_000); i++) {
      const day = new Date(day0 + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${customerId(Math.floor(next() * 100_000))},${day},${(next() * 20_000).toFixed(2)}`);
    }
    writeSync(file, `${lines.join('\n')}\n`);
  }
  closeSync(file);
  return path;
}

function peakRssMiB(): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Number(hwm[1]) / 1024 : Number.NaN;
}

/** One measurement, in this (child) process: prints a JSON line. */
async function child(what: string, path: string): Promise<void> {
  const p = await policy();
  const start = performance.now();
  let rows = 0;
  if (what === 'duckdb-customers' || what === 'duckdb-transactions') {
    const duck = await openDuck({ threads: 2 });
    const load = what === 'duckdb-customers' ? loadCustomers : loadTransactions;
    const summary = await load(duck, p, path, { onError: 'report' });
    if (summary.failed) throw new Error(JSON.stringify(summary.diagnostics.slice(0, 3)));
    rows = summary.rowsLoaded;
    duck.close();
  } else if (what === 'js-customers') {
    const loaded = await loadJs(p, { customers: path, onError: 'report' });
    rows = loaded.customers.length;
  } else {
    let count = 0;
    const counter = { add: () => count++, breaches: () => [] } as unknown as CustomerAccumulator;
    const everyone = new (class extends Map<string, CustomerAccumulator> {
      override get() {
        return counter;
      }
    })();
    await readTransactions(p, { onError: 'report' }, path, p.metadata.timezone ?? 'Asia/Shanghai', everyone);
    rows = count;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    JSON.stringify({ what, rows, seconds: Number(seconds.toFixed(2)), peakRssMiB: Math.round(peakRssMiB()) }),
  );
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === '--child') return child(rest[0]!, rest[1]!);
  mkdirSync(DIR, { recursive: true });
  const customers = Number(mode ?? 1_000_000);
  const logs = (rest[0] ?? '1000000,20000000').split(',').map(Number);
  const readers = new Set((rest[1] ?? 'duckdb,js').split(','));
  const self = fileURLToPath(import.meta.url);
  const run = (what: string, path: string) =>
    readers.has(what.split('-')[0]!) &&
    process.stdout.write(
      execFileSync(process.execPath, ['--import', 'tsx', self, '--child', what, path], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    );
  const customerPath = await customersFile(customers);
  run('duckdb-customers', customerPath);
  run('js-customers', customerPath);
  for (const rows of logs) {
    const path = transactionsFile(rows);
    run('duckdb-transactions', path);
    run('js-transactions', path);
  }
}

await main();
