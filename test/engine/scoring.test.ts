import { describe, expect, it } from 'vitest';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { applyScoring } from '../../src/engine/scoring/functions.js';
import { planScorecard, scoreCustomer } from '../../src/engine/scoring/scorecard.js';
import { FIVE_FACTOR, HEADER_TEXT, policyOf } from './policies.js';

const worked = { behaviour: 90, spend: 85, frequency: 80, satisfaction: 95, referral: 75 };

describe('scoring functions', () => {
  it('maps values to 0–100 points, clamped', () => {
    expect(applyScoring({ linear: { from: 0, to: 500000 } }, 250000)).toBe(50);
    expect(applyScoring({ linear: { from: 0, to: 500000 } }, 900000)).toBe(100);
    expect(applyScoring({ linear: { from: 0, to: 500000 } }, -5)).toBe(0);
    expect(applyScoring({ lowerIsBetter: { best: 0, worst: 5 } }, 1)).toBe(80);
    expect(applyScoring({ lowerIsBetter: { best: 0, worst: 5 } }, 9)).toBe(0);
    expect(
      applyScoring({ bands: [{ below: 10, points: 20 }, { below: 50, points: 60 }, { points: 100 }] }, 10),
    ).toBe(60);
    expect(applyScoring({ bands: [{ atLeast: 0, below: 10, points: 20 }] }, 10)).toBeUndefined();
    expect(applyScoring({ categories: { high: 100, low: 20 } }, 'high')).toBe(100);
    expect(applyScoring({ categories: { high: 100 } }, 'constructor')).toBeUndefined();
    expect(applyScoring({ categories: { true: 100, false: 0 } }, true)).toBe(100);
  });
});

describe('seed 001: the five-factor worked example', () => {
  it('scores 90, 85, 80, 95, 75 as 85.25, rounded to 85, VIP at ≥ 85', async () => {
    const policy = policyOf(FIVE_FACTOR);
    const { breakdown } = scoreCustomer(planScorecard(policy)!, worked, 'C1');
    expect(breakdown!.raw).toBe(85.25);
    expect(breakdown!.total).toBe(85);
    expect(breakdown!.dimensions.map((d) => [d.dimension, d.contribution])).toEqual([
      ['behaviour', 27],
      ['spend', 17],
      ['frequency', 12],
      ['satisfaction', 14.25],
      ['referral', 15],
    ]);
    const [result] = await new ReferenceEvaluator(policy).evaluate([{ id: 'C1', facts: worked }]);
    expect(result!.tier).toBe('vip');
    expect(result!.decision).toEqual({ method: 'thresholds', level: 0, score: 85, range: { atLeast: 85 } });
  });

  it('shares an excluded metric’s weight among the rest in proportion', () => {
    const policy = policyOf(FIVE_FACTOR);
    const { breakdown } = scoreCustomer(planScorecard(policy)!, { ...worked, referral: undefined }, 'C1');
    // (27 + 17 + 12 + 14.25) / 0.8
    expect(breakdown!.raw).toBeCloseTo(87.8125, 12);
    expect(breakdown!.dimensions.find((d) => d.dimension === 'referral')!.excluded).toBe(true);
    expect(breakdown!.dimensions.find((d) => d.dimension === 'behaviour')!.share).toBeCloseTo(0.375, 12);
  });

  it('refuses to guess a missing value without a rule, with a diagnostic naming the fact', async () => {
    const policy = policyOf(FIVE_FACTOR);
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C9', facts: { ...worked, spend: undefined }, row: 7 },
    ]);
    expect(result!.tier).toBeUndefined();
    expect(result!.diagnostics.map((d) => [d.code, d.row, d.message])).toEqual([
      [
        'TW0701',
        7,
        "customer C9 has no value for 'spend', and metric 'spend.spend' has no missing-value rule",
      ],
    ]);
  });
});

describe('findings about a value that could not be scored', () => {
  it('quote a personal-data value masked', async () => {
    const policy = policyOf(`${HEADER_TEXT}facts:
  id: { type: string, key: true }
  phone: { type: string, pii: true }
dimensions:
  contact:
    weight: 100
    metrics: { phone: { weight: 100, score: { categories: { known: 100 } } } }
tiers:
  method: thresholds
  levels:
    - { id: reachable, minScore: 50 }
    - { id: rest }
`);
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C1', facts: { id: 'C1', phone: '13800001234' } },
    ]);
    const finding = result!.diagnostics.find((d) => d.code === 'TW0701');
    expect(finding?.message).toBeDefined();
    expect(finding!.message).not.toContain('13800001234');
    expect(finding!.message).toContain('1234');
  });
});
