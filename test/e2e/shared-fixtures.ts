import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sized } from '../helpers/runs.js';
import { ROOT } from './cli.js';

/**
 * The bundled customers and their transactions as test/helpers/sample-data.ts samples them (every
 * fifth customer by default, all of them under TIERWISE_LONG_TESTS=1), plus the customers a test
 * names, whichever fifth they fall on: for a test about one customer's journey, whose tier comes
 * from that customer's own rows.
 */
export function bundledSampleWith(...named: string[]): { customers: string; transactions: string } {
  const every = sized(5, 1);
  const dir = mkdtempSync(join(tmpdir(), 'tw-sample-with-'));
  const [header, ...rows] = readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  const kept = rows.filter((line, i) => i % every === 0 || named.includes(line.split(',')[0]!));
  const missing = named.filter((id) => !kept.some((line) => line.startsWith(`${id},`)));
  if (missing.length > 0) throw new Error(`no bundled customer ${missing.join(', ')}`);
  const ids = new Set(kept.map((line) => line.split(',')[0]));
  const [logHeader, ...log] = readFileSync(join(ROOT, 'examples/data/transactions.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  const customers = join(dir, 'customers.csv');
  const transactions = join(dir, 'transactions.csv');
  writeFileSync(customers, `${[header, ...kept].join('\n')}\n`);
  writeFileSync(
    transactions,
    `${[logHeader, ...log.filter((line) => ids.has(line.split(',')[0]))].join('\n')}\n`,
  );
  return { customers, transactions };
}

/**
 * A folder holding only the named bundled policies, for seedRegistry: a test about one policy's
 * versions need not check and publish every bundled one first (seeding is most of a start).
 */
export function bundledPoliciesFolder(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tw-policies-'));
  for (const name of names) copyFileSync(join(ROOT, 'policies', name), join(dir, name));
  return dir;
}
