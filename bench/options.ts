/** What `npm run bench` was asked to measure: population sizes and how thoroughly. */
export interface BenchOptions {
  /** Customers in the generated population of the peer comparison (`--customers N`). */
  customers: number;
  /** Rows of the generated customer CSV read end to end (`--rows N`). */
  rows: number;
  /** `--quick`: small sizes and few runs, to see that every suite still works. */
  quick: boolean;
}

const FULL = { customers: 1_000_000, rows: 1_000_000 };
const QUICK = { customers: 50_000, rows: 20_000 };

/** The options, or a message saying which argument could not be read. */
export function parseOptions(args: readonly string[]): BenchOptions | string {
  const quick = args.includes('--quick');
  const sizes = quick ? QUICK : FULL;
  const customers = count(args, '--customers', sizes.customers);
  const rows = count(args, '--rows', sizes.rows);
  if (typeof customers === 'string') return customers;
  if (typeof rows === 'string') return rows;
  return { customers, rows, quick };
}

export interface Timing {
  runs: number;
  warmup: number;
}

/** Runs of a timed case: enough for a median on a noisy 2-core machine, fewer under --quick. */
export function runsFor(
  options: BenchOptions,
  full: Timing,
  quick: Timing = { runs: Math.min(full.runs, 3), warmup: Math.min(full.warmup, 1) },
): Timing {
  return options.quick ? quick : full;
}

function count(args: readonly string[], flag: string, fallback: number): number | string {
  const at = args.indexOf(flag);
  if (at < 0) return fallback;
  const text = args[at + 1] ?? '';
  // 1_000_000 and 1,000,000 are how people write a million on the command line.
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(value) || value < 1)
    return `${flag} needs a whole number of at least 1, got '${text}'`;
  return value;
}
