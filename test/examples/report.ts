import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Run, tierwiseInProcess } from '../e2e/cli.js';

/** The parts of `tierwise eval --format json` these tests read. */
export interface JsonReport {
  distribution: {
    customers: number;
    untiered: number;
    tiers: { tier: string; customers: number }[];
  };
  customers: JsonCustomer[];
  diagnostics: { code: string; severity: string; message: string }[];
}

export interface JsonCustomer {
  customer: string;
  tier?: string;
  score?: number;
  rawScore?: number;
  classes: Record<string, string[]>;
  flags: string[];
  rerate: boolean;
  facts?: Record<string, unknown>;
  moveUp?: unknown;
  explanation?: string[];
  diagnostics?: { code: string }[];
}

export const MAIN_DATA = [
  '--data',
  'examples/data/customers.csv',
  '--transactions',
  'examples/data/transactions.csv',
];

const dir = mkdtempSync(join(tmpdir(), 'tierwise-examples-'));
let outputs = 0;

/**
 * `tierwise eval --format json --explain` (without --explain when `explain` is false), written
 * with --out as a user would for a report on 3,000 customers. In this process: what these tests
 * read is the report; `npm start` (test/examples/start.test.ts) evaluates every bundled policy on
 * the same data through the built binary.
 */
export async function evalJson(
  policy: string,
  args: readonly string[],
  { explain = true } = {},
): Promise<{ run: Run; report: JsonReport }> {
  const out = join(dir, `report-${++outputs}.json`);
  // The literal seed-001 levels leave customers without a tier on purpose (policies/README.md).
  const allow = policy.includes('literal') ? ['--allow-untiered', 'all'] : [];
  const run = await tierwiseInProcess([
    'eval',
    '--policy',
    policy,
    ...args,
    ...allow,
    '--format',
    'json',
    ...(explain ? ['--explain'] : []),
    '--out',
    out,
  ]);
  if (run.code !== 0) throw new Error(`tierwise eval ${policy} exited ${run.code}:\n${run.stderr}`);
  return { run, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport };
}

export function customerOf(report: JsonReport, id: string): JsonCustomer {
  const found = report.customers.find((c) => c.customer === id);
  if (!found) throw new Error(`no customer ${id} in the report`);
  return found;
}
