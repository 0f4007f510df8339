import { describe, expect, it } from 'vitest';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { render } from '../../src/i18n/text.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { describeMove } from '../../src/simulate/reason.js';
import { HEADER_TEXT, policyOf } from '../engine/policies.js';
import { untranslated } from '../helpers/untranslated.js';

/** Why a customer moves, as data: the same reason reads in English and, with no English left, in Chinese. */
const FACTS = `facts:
  id: { type: string, key: true }
  spend: { type: number, unit: CNY, min: 0, label: { zh-CN: 消费额, en: Spend } }
  growth: { type: number, unit: percent, label: { zh-CN: 增长率, en: Growth } }
`;

const scorecard = (spendTo: number, vipAt: number) =>
  policyOf(`${HEADER_TEXT}${FACTS}dimensions:
  value:
    weight: 60
    label: { zh-CN: 价值, en: Value }
    metrics: { spend: { weight: 100, label: { zh-CN: 年消费, en: Annual spend }, score: { linear: { from: 0, to: ${spendTo} } } } }
  potential:
    weight: 40
    label: { zh-CN: 潜力, en: Potential }
    metrics: { growth: { weight: 100, score: { linear: { from: 0, to: 20 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: 贵宾, en: VIP }, minScore: ${vipAt} }
    - { id: basic, label: { zh-CN: 普通, en: Basic } }
`);

const matrix = policyOf(`${HEADER_TEXT}${FACTS}tiers:
  method: matrix
  matrix:
    rows:
      fact: spend
      bands: [ { id: high, label: { zh-CN: 高价值, en: High value }, atLeast: 100 }, { id: low, label: { zh-CN: 低价值, en: Low value }, below: 100 } ]
    columns:
      fact: growth
      bands: [ { id: up, label: { zh-CN: 增长, en: Growing }, atLeast: 0 }, { id: down, label: { zh-CN: 下滑, en: Falling }, below: 0 } ]
    cells:
      high: { up: vip, down: basic }
      low: { up: basic, down: basic }
  levels:
    - { id: vip, label: { zh-CN: 贵宾, en: VIP } }
    - { id: basic, label: { zh-CN: 普通, en: Basic } }
`);

const criteria = policyOf(`${HEADER_TEXT}${FACTS}tiers:
  method: criteria
  levels:
    - { id: vip, label: { zh-CN: 贵宾, en: VIP }, when: { fact: spend, operator: greaterThanInclusive, value: 50 } }
    - { id: basic, label: { zh-CN: 普通, en: Basic }, otherwise: true }
`);

async function moved(from: Policy, to: Policy, facts: Record<string, unknown>) {
  const [a] = await new ReferenceEvaluator(from).evaluate([{ id: 'C1', facts }]);
  const [b] = await new ReferenceEvaluator(to).evaluate([{ id: 'C1', facts }]);
  const reason = describeMove(from, to, a, b, {
    fromTier: a!.tier,
    toTier: b!.tier,
    fromScore: a!.score,
    toScore: b!.score,
  });
  const zh = render('zh-CN', reason);
  // ids the Chinese reason may show: none — tiers, metrics and bands all have labels
  expect(untranslated(zh)).toEqual([]);
  return { en: render('en', reason), zh, reason };
}

describe('why a customer moves, in the reader’s language', () => {
  it('names the metrics that moved the score and the thresholds by their labels', async () => {
    // spend 100 of 200 → 30 points; of 400 → 15; growth 10% → 20 either way: 50 → 35
    const r = await moved(scorecard(200, 40), scorecard(400, 40), { spend: 100, growth: 10 });
    expect(r.en).toBe(
      'score 50 → 35 (Annual spend −15 points); was VIP from score ≥ 40; now Basic from any score',
    );
    expect(r.zh).toBe('得分 50 → 35（年消费 −15 分）；原为贵宾（得分 ≥ 40）；现为普通（任意得分）');
    // data, not words: the reason crosses to JSON and is rendered later
    expect(r.reason.id).toBe('movers.reason');
  });

  it('says so when the score stays and the threshold moves', async () => {
    const r = await moved(scorecard(200, 40), scorecard(200, 60), { spend: 100, growth: 10 });
    expect(r.en).toBe('same score 50; was VIP from score ≥ 40; now Basic from any score');
    expect(r.zh).toBe('得分不变（50）；原为贵宾（得分 ≥ 40）；现为普通（任意得分）');
  });

  it('names a matrix cell by its bands and a criteria rule by its tier', async () => {
    const r = await moved(criteria, matrix, { spend: 120, growth: -5 });
    expect(r.en).toBe('was VIP by its criteria; now Basic in cell High value × Falling');
    expect(r.zh).toBe('原为贵宾（满足其条件）；现为普通（单元格 高价值 × 下滑）');
  });

  it('gives the reason a customer gets no tier', async () => {
    const r = await moved(scorecard(200, 40), scorecard(200, 40), { growth: 10 });
    expect(r.en).toBe('tier none → none');
    const m = await moved(criteria, matrix, { spend: 20 });
    expect(m.en).toBe('was Basic (otherwise); now no tier (columns: no value for Growth)');
    expect(m.zh).toBe('原为普通（其余客户）；现为无等级（列：增长率没有取值）');
  });
});
