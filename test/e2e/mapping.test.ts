import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, ROOT } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-mapping-'));
const SCORECARD = 'policies/seed004-scorecard.tier.yaml';
const EXPORT = [
  '--data',
  'examples/mapping/customers.csv',
  '--transactions',
  'examples/mapping/transactions.csv',
  '--mapping',
  'examples/mapping/sg-crm.mapping.yaml',
  '--as-of',
  '2026-11-01',
];
// The same 40 customers as the bundled data names them (test/policy/mapping holds the files together).
const customers = join(dir, 'customers.csv');
writeFileSync(
  customers,
  `${readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8').split('\n').slice(0, 41).join('\n')}\n`,
);
const transactions = join(dir, 'transactions.csv');
const ids = new Set(
  readFileSync(customers, 'utf8')
    .split('\n')
    .map((l) => l.split(',')[0]),
);
writeFileSync(
  transactions,
  readFileSync(join(ROOT, 'examples/data/transactions.csv'), 'utf8')
    .split('\n')
    .filter((l, i) => i === 0 || ids.has(l.split(',')[0]))
    .join('\n'),
);
const ORIGINAL = ['--data', customers, '--transactions', transactions, '--as-of', '2026-11-01'];

// In this process: the flag and what each command makes of it are the point, and every command
// keeps a test through the built binary elsewhere in test/e2e.
describe('tierwise … --mapping', () => {
  it('eval reads a renamed export exactly as the original', async () => {
    const want = await inProcess(['eval', '--policy', SCORECARD, ...ORIGINAL, '--format', 'csv']);
    expect(want.code, want.stderr).toBe(0);
    expect(want.stdout.trim().split('\n')).toHaveLength(41);
    const got = await inProcess(['eval', '--policy', SCORECARD, ...EXPORT, '--format', 'csv']);
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toBe(want.stdout);
    expect(got.stderr).toBe(want.stderr.replace(/\S*customers\.csv/, 'examples/mapping/customers.csv'));
  });

  // Exactness on every path is test/policy/mapping/equivalence.test.ts; here, that each command takes the flag.
  const json = async (args: string[]) => {
    const run = await inProcess([...args, ...EXPORT, '--format', 'json']);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('simulate and calibrate take it', async () => {
    const simulation = await json(['simulate', '--policy', SCORECARD]);
    expect(simulation.customers).toBe(40);
    expect(simulation.untiered.customers).toBe(0);
    expect((await json(['calibrate', '--policy', SCORECARD])).customers).toBe(40);
  });

  it('diff and data profile take it', async () => {
    const diff = await json(['diff', '--from', SCORECARD, '--to', 'policies/retail-scorecard.tier.yaml']);
    expect(JSON.stringify(diff)).toContain('"customers":40');
    const profile = await json(['data', 'profile', '--policy', SCORECARD]);
    expect(profile.rows.customers).toBe(40);
    expect(JSON.stringify(profile)).toContain('Customer No');
  });

  it('shows a mistake in the mapping at its line, and exits 1; a mapping that cannot be read exits 2', async () => {
    const bad = join(dir, 'bad.mapping.yaml');
    writeFileSync(
      bad,
      'apiVersion: tierwise/v1\nkind: ColumnMapping\ncustomers:\n  columns:\n    spend12: 消费\n',
    );
    const run = await inProcess(['eval', '--policy', SCORECARD, '--data', customers, '--mapping', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `error[TW0610]: the mapping names fact 'spend12', which the policy does not declare`,
    );
    expect(run.stderr).toContain(`--> ${bad}:5:5`);
    expect(run.stderr).toContain("help: did you mean 'spend12m'?");
    const missing = await inProcess([
      'simulate',
      '--policy',
      SCORECARD,
      '--data',
      customers,
      '--mapping',
      join(dir, 'none.yaml'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[TW0001]');
  });
});
