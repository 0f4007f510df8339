import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { diffPolicies } from '../../src/simulate/diff.js';
import { simulate } from '../../src/simulate/simulate.js';
import { ROOT } from '../e2e/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-diff-log-'));
const SEED004 = readFileSync(join(ROOT, 'policies', 'seed004-scorecard.tier.yaml'), 'utf8');
const DATA = {
  customers: join(ROOT, 'examples/data/customers.csv'),
  transactions: join(ROOT, 'examples/data/transactions.csv'),
  asOf: '2025-01-01',
};

async function policy(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  const loaded = await loadPolicy(join(dir, name));
  if (!loaded.policy) throw new Error(JSON.stringify(loaded.diagnostics));
  return { policy: loaded.policy, file: join(dir, name) };
}

const counts = (tiers: { tier: string; customers: number; revenue?: number }[]) =>
  tiers.map((t) => [t.tier, t.customers, t.revenue]);

describe('diffPolicies over a transaction log', () => {
  // Both cases diff from seed 004 as bundled: its simulation alone is one run, shared.
  let seed004Alone: ReturnType<typeof simulate> | undefined;

  // The log is folded once when both policies fold it alike (a draft that moves a threshold),
  // and once per policy when they do not (a draft that changes a window): both as two runs give.
  it.each([
    ['a threshold moved (one fold of the log)', SEED004.replace('minScore: 90', 'minScore: 85')],
    ['a window changed (a fold each)', SEED004.replace('window: P12M', 'window: P6M')],
  ])(
    '%s: each side’s tiers are its own simulation’s',
    async (_name, text) => {
      const from = await policy('from.tier.yaml', SEED004);
      const to = await policy('to.tier.yaml', text);
      const diff = await diffPolicies(from, to, DATA);
      seed004Alone ??= simulate(from.policy, DATA);
      const [alone, other] = await Promise.all([seed004Alone, simulate(to.policy, DATA)]);
      expect(counts(diff.simulations.from.tiers)).toEqual(counts(alone.tiers));
      expect(counts(diff.simulations.to.tiers)).toEqual(counts(other.tiers));
      expect(diff.simulations.to.transactionsSummary).toEqual(other.transactionsSummary);
      expect(diff.matrix.total).toBe(3000);
    },
    60_000,
  );
});
