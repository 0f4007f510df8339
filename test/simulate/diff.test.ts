import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/text.js';
import { loadPolicy } from '../../src/policy/load.js';
import { diffPolicies } from '../../src/simulate/diff.js';
import { SMALL_POLICY } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-diff-'));
const CSV = [
  'id,spend,repurchase,idle',
  'A,1000,80,0',
  'B,600,40,4',
  'C,500,50,3',
  'D,100,,1',
  'E,0,20,5',
].join('\n');

async function policyFile(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  const { policy } = await loadPolicy(join(dir, name));
  expect(policy).toBeDefined();
  return { policy: policy!, file: join(dir, name) };
}

describe('diffPolicies', () => {
  it('moves, counts and costs a raised threshold exactly as by hand', async () => {
    writeFileSync(join(dir, 'c.csv'), CSV);
    const a = await policyFile('a.tier.yaml', SMALL_POLICY);
    const b = await policyFile(
      'b.tier.yaml',
      SMALL_POLICY.replace('minScore: 50', 'minScore: 55').replace('version: 1.0.0', 'version: 1.1.0'),
    );
    const d = await diffPolicies(a, b, { customers: join(dir, 'c.csv') });
    expect(d.matrix.tiers).toEqual(['gold', 'basic', '(no tier)']);
    expect(d.matrix.counts.gold).toEqual({ gold: 2, basic: 1, '(no tier)': 0 });
    expect(d.matrix.counts.basic).toEqual({ gold: 0, basic: 2, '(no tier)': 0 });
    expect(d.matrix.revenue!.gold!.basic).toBe(500);
    expect([d.matrix.upgrades, d.matrix.downgrades, d.matrix.unchanged, d.matrix.total]).toEqual([
      0, 1, 4, 5,
    ]);
    // gold revenue 2,100 → 1,600 CNY at a 10% discount quota: 210 → 160 CNY.
    expect(d.deltas.entitlementCost).toBeCloseTo(-50, 9);
    expect(d.deltas.revenueInTiers).toEqual({ gold: -500, basic: 500 });
    expect(d.deltas.service.hotline24x7).toBe(-1);
    expect(d.deltas.service.dedicatedStaff).toBe(-1);
    // calls: gold 3 a quarter, basic ½ (every six months): 10 → 7.5; visits 3 → 2.
    expect(d.deltas.service.contactsPerQuarter.call).toBeCloseTo(-2.5, 9);
    expect(d.deltas.service.contactsPerQuarter.visit).toBeCloseTo(-1, 9);
    expect(d.moversTotal).toBe(1);
    expect(d.movers).toEqual([
      {
        customer: 'C',
        row: 4,
        from: 'gold',
        to: 'basic',
        fromScore: 50,
        toScore: 50,
        direction: 'down',
        reason: expect.objectContaining({ id: 'movers.reason' }),
      },
    ]);
    // In words, tiers by their labels: Gold (gold) from ≥ 50, now Basic (basic).
    expect(render('en', d.movers[0]!.reason)).toBe(
      'same score 50; was Gold from score ≥ 50; now Basic from any score',
    );
    expect(render('zh-CN', d.movers[0]!.reason)).toBe(
      '得分不变（50）；原为金（得分 ≥ 50）；现为普通（任意得分）',
    );
  });

  it('names the metrics a weight change moved, and counts movers beyond the list limit', async () => {
    const a = await policyFile('w1.tier.yaml', SMALL_POLICY);
    const b = await policyFile(
      'w2.tier.yaml',
      SMALL_POLICY.replace('linear: { from: 0, to: 1000 }', 'linear: { from: 0, to: 2000 }'),
    );
    const d = await diffPolicies(a, b, { customers: join(dir, 'c.csv'), limit: 1 });
    // Scores halve: A 100 → 50 stays gold; B 60 → 30 and C 50 → 25 drop to basic.
    expect(d.moversTotal).toBe(2);
    expect(d.movers).toHaveLength(1);
    expect(render('en', d.movers[0]!.reason)).toMatch(/^score 60 → 30 \(value\.spend −30 points\)/);
    expect(d.simulations.from.tiers[0]!.customers).toBe(3);
    expect(d.simulations.to.tiers[0]!.customers).toBe(1);
  });
});
