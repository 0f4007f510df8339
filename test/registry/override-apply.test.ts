import { describe, expect, it } from 'vitest';
import { chooseEvaluator } from '../../src/compile/evaluate.js';
import { loadPolicyText } from '../../src/policy/load.js';
import { applyOverride } from '../../src/registry/overrides/apply.js';
import { policyText } from './fixture.js';

const policy = (await loadPolicyText(policyText('seed004-scorecard'), 'seed004-scorecard.tier.yaml')).policy!;
const { evaluate } = chooseEvaluator(policy, 'compiled');
// T0002 of policies/seed004-scorecard.test.yaml: 89, key.
const [computed] = await evaluate(
  [
    {
      id: 'C2024002',
      facts: {
        customerId: 'C2024002',
        spend12m: 600000,
        avgOrderValue: 40000,
        industryGrowth: 12,
        orderGrowthRate: 10,
        newNeeds12m: 3,
        repurchaseRate: 80,
        referralRate: 16,
        complaintRate: 3,
      },
    },
  ],
  { explain: false },
);

describe('applyOverride', () => {
  it('sets a tier with its SLA and entitlements, keeping what was computed in the note', () => {
    const applied = applyOverride(policy, computed!, {
      id: 'ov-1',
      customer: 'C2024002',
      kind: 'tier',
      tier: 'vip',
    });
    if (!('result' in applied)) throw new Error('not applied');
    expect(applied.result).toMatchObject({ tier: 'vip', score: 89, entitlements: { discountQuota: '10%' } });
    expect(applied.note).toMatchObject({ tier: 'vip', computedTier: 'key', computedScore: 89 });
  });

  it('lets the thresholds decide a moved or set score, boundaries included', () => {
    const moved = (score: { set?: number; delta?: number }) => {
      const applied = applyOverride(policy, computed!, {
        id: 'ov-2',
        customer: 'C2024002',
        kind: 'score',
        score,
      });
      return 'result' in applied ? [applied.result.tier, applied.result.score] : applied.diagnostic.code;
    };
    expect(moved({ delta: 1 })).toEqual(['vip', 90]);
    expect(moved({ delta: 0.4 })).toEqual(['key', 89.4]);
    expect(moved({ set: 70 })).toEqual(['key', 70]);
    expect(moved({ set: 69.9 })).toEqual(['standard', 69.9]);
    expect(moved({ delta: -60 })).toEqual(['watch', 29]);
  });

  it('is not applied, and says so, where the policy no longer has the tier', () => {
    const applied = applyOverride(policy, computed!, {
      id: 'ov-3',
      customer: 'C2024002',
      kind: 'tier',
      tier: 'platinum',
    });
    expect(applied).toMatchObject({ diagnostic: { code: 'TW1418', severity: 'warning' } });
  });
});
