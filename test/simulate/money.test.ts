import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { diffPolicies } from '../../src/simulate/diff.js';
import { simulate } from '../../src/simulate/simulate.js';
import { SMALL_POLICY } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-money-'));

/** Amounts in cents that a float running sum gets wrong: 0.10, 0.20, … over many rows. */
const CENTS = Array.from({ length: 4000 }, (_, i) => ((i * 7919) % 99_991) + 10);
const CSV = ['id,spend,repurchase,idle', ...CENTS.map((c, i) => `C${i},${(c / 100).toFixed(2)},50,0`)].join(
  '\n',
);

/** Every amount in a JSON text under a money key with more decimals than the cent. */
function noisy(json: string): string[] {
  return [...json.matchAll(/"(?:revenue|entitlementCost)": (-?\d+\.\d{3,})/g)].map((m) => m[0]);
}

/** Every number with more decimals than the cent. */
const overCent = (values: number[]) => values.filter((v) => !/^-?\d+(?:\.\d{1,2})?$/.test(JSON.stringify(v)));

async function policies() {
  writeFileSync(join(dir, 'small.tier.yaml'), SMALL_POLICY);
  writeFileSync(join(dir, 'next.tier.yaml'), SMALL_POLICY.replace('minScore: 50', 'minScore: 40'));
  writeFileSync(join(dir, 'money.csv'), CSV);
  const from = (await loadPolicy(join(dir, 'small.tier.yaml'))).policy!;
  const to = (await loadPolicy(join(dir, 'next.tier.yaml'))).policy!;
  return { from, to };
}

describe('money in simulations', () => {
  it('sums revenue to the cent: the total is the sum of the cents, and JSON has no float noise', async () => {
    const naive = CENTS.reduce((n, c) => n + c / 100, 0);
    const exact = CENTS.reduce((n, c) => n + c, 0) / 100;
    // The data set is one where the plain running sum drifts.
    expect(naive).not.toBe(exact);
    const { from } = await policies();
    const s = await simulate(from, { customers: join(dir, 'money.csv') });
    expect(s.totals.revenue).toBe(exact);
    const tiers = s.tiers.map((t) => Math.round(t.revenue! * 100));
    expect(tiers.reduce((n, c) => n + c, 0) + Math.round((s.untiered.revenue ?? 0) * 100)).toBe(
      Math.round(exact * 100),
    );
    expect(noisy(JSON.stringify(s, null, 2))).toEqual([]);
    expect(s.tiers[0]!.entitlementCost).toBe(Math.round(s.tiers[0]!.revenue! * 10) / 100);
  });

  it('diff: matrix cells and deltas to the cent, adding up to the totals', async () => {
    const { from, to } = await policies();
    const d = await diffPolicies(
      { policy: from, file: 'small.tier.yaml' },
      { policy: to, file: 'next.tier.yaml' },
      { customers: join(dir, 'money.csv') },
    );
    const cells = Object.values(d.matrix.revenue!).flatMap((row) => Object.values(row));
    expect(cells.reduce((n, c) => n + Math.round(c * 100), 0)).toBe(CENTS.reduce((n, c) => n + c, 0));
    expect(overCent(cells)).toEqual([]);
    expect(overCent(Object.values(d.deltas.revenueInTiers!))).toEqual([]);
    expect(noisy(JSON.stringify(d, null, 2))).toEqual([]);
  });
});
