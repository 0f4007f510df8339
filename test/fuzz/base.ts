import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What hostile inputs are made from: the bundled policies, tests and data, cut small. */
export interface Base {
  policies: { name: string; text: string }[];
  tests: { name: string; text: string }[];
  /** The first rows of the bundled customers, header included. */
  customers: string[];
  transactions: string[];
  mapping: string;
  mappedCustomers: string[];
}

const ROWS = 12;

export function loadBase(): Base {
  const dir = join(ROOT, 'policies');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const files = readdirSync(dir).sort();
  const customers = readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8')
    .split('\n')
    .slice(0, ROWS + 1);
  const ids = new Set(customers.slice(1).map((l) => l.split(',')[0]));
  const allTx = readFileSync(join(ROOT, 'examples/data/transactions.csv'), 'utf8').split('\n');
  const transactions = [allTx[0]!, ...allTx.slice(1).filter((l) => ids.has(l.split(',')[0]))];
  return {
    policies: files.filter((f) => f.endsWith('.tier.yaml')).map((name) => ({ name, text: read(name) })),
    tests: files.filter((f) => f.endsWith('.test.yaml')).map((name) => ({ name, text: read(name) })),
    customers,
    transactions,
    mapping: readFileSync(join(ROOT, 'examples/mapping/sg-crm.mapping.yaml'), 'utf8'),
    mappedCustomers: readFileSync(join(ROOT, 'examples/mapping/customers.csv'), 'utf8')
      .split('\n')
      .slice(0, ROWS + 1),
  };
}
