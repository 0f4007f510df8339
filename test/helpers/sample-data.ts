import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sized } from './runs.js';

let made: { customers: string; transactions: string } | undefined;

const bundled = (file: string) => fileURLToPath(new URL(`../../examples/data/${file}`, import.meta.url));

/**
 * The bundled customers and their transactions, every fifth customer by default (all of them
 * under TIERWISE_LONG_TESTS=1): for tests about what a command says rather than how it scales,
 * which run a whole population through many commands. Every segment and tier of the bundled data
 * is still there; counts in what the commands print are the sample's.
 */
export function bundledSample(): { customers: string; transactions: string } {
  made ??= bundledSampleWith();
  return made;
}

/**
 * bundledSample plus the customers a test names, whichever fifth they fall on: for a test about
 * one customer's journey, whose tier comes from that customer's own rows. Written anew each call.
 */
export function bundledSampleWith(...named: string[]): { customers: string; transactions: string } {
  const every = sized(5, 1);
  const dir = mkdtempSync(join(tmpdir(), 'tw-sample-'));
  const [header, ...rows] = readFileSync(bundled('customers.csv'), 'utf8').trimEnd().split('\n');
  const kept = rows.filter((line, i) => i % every === 0 || named.includes(line.split(',')[0]!));
  const missing = named.filter((id) => !kept.some((line) => line.startsWith(`${id},`)));
  if (missing.length > 0) throw new Error(`no bundled customer ${missing.join(', ')}`);
  const ids = new Set(kept.map((line) => line.split(',')[0]));
  const [logHeader, ...log] = readFileSync(bundled('transactions.csv'), 'utf8').trimEnd().split('\n');
  const customers = join(dir, 'customers.csv');
  const transactions = join(dir, 'transactions.csv');
  writeFileSync(customers, `${[header, ...kept].join('\n')}\n`);
  writeFileSync(
    transactions,
    `${[logHeader, ...log.filter((line) => ids.has(line.split(',')[0]))].join('\n')}\n`,
  );
  return { customers, transactions };
}

/** A population command's arguments over the sample: the policy, both files and the bundled as-of. */
export function sampleRun(policy = 'policies/seed004-scorecard.tier.yaml'): string[] {
  const { customers, transactions } = bundledSample();
  return ['--policy', policy, '--data', customers, '--transactions', transactions, '--as-of', '2026-11-01'];
}
