import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { simulate } from '../../src/simulate/simulate.js';
import { SMALL_POLICY } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-simulate-'));

const CSV = [
  'id,spend,repurchase,idle',
  'A,1000,80,0', // score 100 gold, loyal
  'B,600,40,4', // score 60 gold, churn
  'C,500,50,3', // score 50 gold, loyal, churn
  'D,100,,1', // score 10 basic, other (repurchase missing)
  'E,0,20,5', // score 0 basic, churn
].join('\n');

describe('simulate', () => {
  it('adds up customers, revenue, costs, service load, KPIs, flags and classes per tier by hand', async () => {
    writeFileSync(join(dir, 'small.tier.yaml'), SMALL_POLICY);
    writeFileSync(join(dir, 'small.csv'), CSV);
    const { policy, diagnostics } = await loadPolicy(join(dir, 'small.tier.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const s = await simulate(policy!, { customers: join(dir, 'small.csv'), kpis: ['repurchase'] });
    const [gold, basic] = s.tiers;
    expect(s.customers).toBe(5);
    expect(s.currency).toBe('CNY');
    expect(gold).toMatchObject({
      tier: 'gold',
      customers: 3,
      share: 0.6,
      revenue: 2100,
      revenueShare: 2100 / 2200,
      averageScore: 70,
      discountQuota: '10%',
      entitlementCost: 210,
      service: { hotline24x7: 3, dedicatedStaff: 3, contactsPerQuarter: { call: 9, visit: 3 } },
      kpis: { repurchase: (80 + 40 + 50) / 3 },
      flags: { 'churn-warning': 2 },
      classes: { loyalty: { loyal: 2, other: 1 } },
    });
    expect(basic).toMatchObject({
      customers: 2,
      revenue: 100,
      entitlementCost: 0,
      service: { hotline24x7: 0, dedicatedStaff: 0, contactsPerQuarter: { call: 1 } },
      kpis: { repurchase: 20 },
      flags: { 'churn-warning': 1 },
      classes: { loyalty: { other: 2 } },
    });
    expect(s.untiered.customers).toBe(0);
    expect(s.totals).toEqual({
      customers: 5,
      revenue: 2200,
      entitlementCost: 210,
      service: { hotline24x7: 3, dedicatedStaff: 3, contactsPerQuarter: { call: 10, visit: 3 } },
    });
    expect(s.classifiers).toEqual([
      {
        id: 'loyalty',
        label: { 'zh-CN': '忠诚度', en: 'Loyalty' },
        classes: [
          { id: 'loyal', label: { 'zh-CN': '忠诚', en: 'Loyal' }, customers: 2 },
          { id: 'other', label: { 'zh-CN': '其他', en: 'Other' }, customers: 3 },
        ],
      },
    ]);
    expect(s.flags).toEqual([{ flag: 'churn-warning', customers: 3 }]);
    expect(s.tiers.reduce((n, t) => n + t.share, 0) + s.untiered.share).toBeCloseTo(1, 12);
  });
});
