import { describe, expect, it } from 'vitest';
import { ReferenceEvaluator } from '../../../src/engine/evaluate.js';
import { explainResult } from '../../../src/engine/explain/explain.js';
import { moveUp } from '../../../src/engine/explain/next-tier.js';
import { untranslated } from '../../helpers/untranslated.js';
import { HEADER_TEXT, policyOf } from '../policies.js';

const SCORECARD = `${HEADER_TEXT}facts:
  id: { type: string, key: true }
  contact: { type: string, pii: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  repurchaseRate: { type: number, unit: percent, min: 0, max: 100 }
  industry: { type: enum, values: [high, medium, low] }
dimensions:
  value:
    weight: 50
    label: { zh-CN: 客户价值, en: Value }
    metrics: { spend12m: { weight: 100, score: { linear: { from: 0, to: 2000000 } } } }
  loyalty:
    weight: 30
    label: { zh-CN: 忠诚度, en: Loyalty }
    metrics: { repurchaseRate: { weight: 100, score: { linear: { from: 0, to: 100 } } } }
  potential:
    weight: 20
    label: { zh-CN: 潜力, en: Potential }
    metrics: { industry: { weight: 100, score: { categories: { high: 100, medium: 60, low: 20 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 70 }
    - { id: key, label: { zh-CN: 重点客户, en: Key }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

describe('explanations', () => {
  it('says how many points are missing and which single fact value would close the gap', async () => {
    const policy = policyOf(SCORECARD);
    // 0.5 × 50 + 0.3 × 80 + 0.2 × 60 = 61 → key; VIP needs a raw 69.5: +8.5 points.
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C1', facts: { contact: '张三', spend12m: 1000000, repurchaseRate: 80, industry: 'medium' } },
    ]);
    expect(result!.tier).toBe('key');
    const up = moveUp(policy, result!)!;
    expect(up.tier).toBe('vip');
    expect(up.pointsNeeded).toBeCloseTo(8.5, 9);
    // Repurchase would need 108% and industry 'high' adds only 8 points: neither closes the gap alone.
    expect(up.options).toEqual([
      { metric: 'spend12m', fact: 'spend12m', current: 1000000, operator: 'atLeast', target: 1340000 },
    ]);
    const lines = explainResult(policy, result!);
    expect(lines[0]).toBe('C1 → Key [key] (score 61, unrounded 61)');
    expect(lines).toContain('    spend12m: 1,000,000 CNY → 50 points × 50% = 25');
    expect(lines).toContain('  decided by: score 61 is ≥ 50 (tier Key)');
    expect(lines).toContain('  to move up: +8.5 points for VIP: spend12m ≥ 1,340,000 CNY');
    expect(explainResult(policy, result!, 'zh-CN')[0]).toBe('C1 → 重点客户 [key]（得分 61，未取整 61）');
  });

  it("says why a customer gets no tier, in the reader's language", async () => {
    // no spend and no missing-value rule: the customer cannot be scored, so gets no tier
    const policy = policyOf(SCORECARD);
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C1', facts: { contact: '张三', repurchaseRate: 80, industry: 'medium' } },
    ]);
    expect(result!.tier).toBeUndefined();
    expect(explainResult(policy, result!)).toEqual([
      'C1 → no tier',
      '  decided by: the customer could not be scored',
      "  error[TW0701]: customer C1 has no value for 'spend12m', and metric 'value.spend12m' has no missing-value rule",
    ]);
    const zh = explainResult(policy, result!, 'zh-CN');
    expect(zh).toEqual([
      'C1 → 无等级',
      '  定级依据：该客户无法评分',
      "  错误[TW0701]：客户 C1 缺少 'spend12m' 的取值，且指标 'value.spend12m' 没有缺失值规则",
    ]);
    expect(untranslated(zh.join('\n'), ['C1', 'spend12m', 'value'])).toEqual([]);
  });

  it('explains a rule, a matrix cell and a trigger by their labels, in Chinese without English', async () => {
    const policy = policyOf(`${HEADER_TEXT}facts:
  id: { type: string, key: true }
  spend: { type: number, unit: CNY, label: { zh-CN: 消费额, en: Spend } }
  idle: { type: integer, unit: months, label: { zh-CN: 无消费月数, en: Idle months } }
  sector: { type: string, label: { zh-CN: 行业, en: Sector } }
tiers:
  method: criteria
  levels:
    - id: top
      label: { zh-CN: 头部客户, en: Top }
      when: { any: [ { all: [ { fact: spend, operator: greaterThanInclusive, value: 100 }, { fact: sector, operator: in, value: [ 制造业 ] } ] }, { not: { fact: idle, operator: lessThan, value: 0 } } ] }
    - { id: rest, label: { zh-CN: 其他客户, en: Rest }, otherwise: true }
classifiers:
  stage:
    label: { zh-CN: 阶段, en: Stage }
    rules: [ { id: dormant, label: { zh-CN: 休眠, en: Dormant }, when: { fact: idle, operator: greaterThanInclusive, value: 3 } } ]
rerating:
  triggers:
    - id: dormant
      label: { zh-CN: 三个月无消费, en: Idle for three months }
      when: { fact: idle, operator: greaterThanInclusive, value: 3 }
      then: { flag: churn-warning, rerate: true, notify: [ account-manager ] }
`);
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C9', facts: { spend: 150, idle: 4, sector: '零售业' } },
    ]);
    const en = explainResult(policy, result!);
    expect(en).toEqual([
      'C9 → Top [top]',
      '  decided by: rule of tier Top: (Spend ≥ 100 [150 CNY: yes] and Sector in ["制造业"] [零售业: no]) or not (Idle months < 0 [4 months: no])',
      '  Stage: Dormant',
      '  triggers: Idle for three months → flagged, re-rate now, notify account-manager',
    ]);
    const zh = explainResult(policy, result!, 'zh-CN');
    expect(zh).toEqual([
      'C9 → 头部客户 [top]',
      '  定级依据：头部客户的规则：（消费额 ≥ 100 [150 CNY：是] 且 行业 属于 ["制造业"] [零售业：否]） 或 非（无消费月数 < 0 [4 个月：否]）',
      '  阶段：休眠',
      '  触发规则：三个月无消费 → 加标记、立即重评、通知 account-manager',
    ]);
    expect(untranslated(zh.join('\n'), ['C9', 'top', 'account-manager'])).toEqual([]);
  });

  it('masks personal data wherever it appears in an explanation', async () => {
    const policy = policyOf(`${SCORECARD}classifiers:
  who:
    label: { zh-CN: 联系人, en: Contact }
    rules: [ { id: named, label: { zh-CN: 有名, en: Named }, when: { fact: contact, operator: notEqual, value: '' } } ]
`);
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C2', facts: { contact: '13812345678', spend12m: 0, repurchaseRate: 0, industry: 'low' } },
    ]);
    const text = explainResult(policy, result!).join('\n');
    expect(text).not.toContain('13812345678');
  });
});

describe('move-up hints over band tables', () => {
  const RECENCY = `${HEADER_TEXT}facts:
  id: { type: string, key: true }
  recencyDays: { type: integer, unit: days, min: 0 }
  spend: { type: number, unit: CNY, min: 0 }
dimensions:
  recency:
    weight: 20
    label: { zh-CN: 最近消费, en: Recency }
    metrics:
      recencyDays:
        weight: 100
        score: { bands: [ { atMost: 30, points: 100 }, { above: 30, atMost: 60, points: 80 }, { above: 60, atMost: 90, points: 60 }, { points: 40 } ] }
  value:
    weight: 80
    label: { zh-CN: 价值, en: Value }
    metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 100000 } } } }
tiers:
  method: thresholds
  levels:
    - { id: key, label: { zh-CN: 重点, en: Key }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察, en: Watch } }
`;

  it('asks for the nearest band that is enough, with its real (open or closed) edge', async () => {
    const policy = policyOf(RECENCY);
    // 0.2 × 40 + 0.8 × 45 = 44 → watch; key needs 49.5: +5.5 → recency 40 + 27.5 = 67.5 points → the ≤ 60 band.
    const [result] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'C', facts: { recencyDays: 120, spend: 45000 } },
    ]);
    const up = moveUp(policy, result!)!;
    expect(up.options.find((o) => o.fact === 'recencyDays')).toEqual({
      metric: 'recencyDays',
      fact: 'recencyDays',
      current: 120,
      operator: 'atMost',
      target: 60,
    });
    // From below, a band that starts above a value is reached by "> value".
    const [low] = await new ReferenceEvaluator(policy).evaluate([
      { id: 'D', facts: { recencyDays: 10, spend: 0 } },
    ]);
    expect(low!.tier).toBe('watch');
  });
});
