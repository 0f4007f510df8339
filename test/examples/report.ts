import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Run, tierwise } from '../e2e/cli.js';

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
 * with --out: the report on 3,000 customers is larger than the pipe buffer the e2e helper reads
 * stdout with.
 */
export function evalJson(
  policy: string,
  args: readonly string[],
  { explain = true } = {},
): { run: Run; report: JsonReport } {
  const out = join(dir, `report-${++outputs}.json`);
  // The literal seed-001 levels leave customers without a tier on purpose (policies/README.md).
  const allow = policy.includes('literal') ? ['--allow-untiered', 'all'] : [];
  const run = tierwise([
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
