import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { renderDiff, renderSimulation } from '../../src/report/simulation/index.js';
import { diffPolicies } from '../../src/simulate/diff.js';
import type { PolicyDiff } from '../../src/simulate/types.js';
import { untranslated } from '../helpers/untranslated.js';

/**
 * The bundled company scorecard against the retail one over the bundled customers: the report a
 * Chinese reader gets names movers' reasons, metrics, tiers, cadence actions and the revenue fact
 * in Chinese. What stays Latin: customer keys, tier ids beside their labels, policy names.
 */
let diff: PolicyDiff;

beforeAll(async () => {
  const side = async (file: string) => ({ policy: (await loadPolicy(file)).policy!, file });
  diff = await diffPolicies(
    await side('policies/seed004-scorecard.tier.yaml'),
    await side('policies/retail-scorecard.tier.yaml'),
    {
      customers: 'examples/data/customers.csv',
      transactions: 'examples/data/transactions.csv',
      asOf: '2026-11-01',
      limit: 200,
    },
  );
}, 120_000);

const ids = () => [
  ...diff.movers.map((m) => m.customer),
  ...diff.matrix.tiers,
  diff.from.name,
  diff.to.name,
  'Asia',
  'Shanghai',
  // the retail policy's own Chinese label: "VIP 85分起"
  'VIP',
];

describe('diff in Chinese', () => {
  for (const format of ['table', 'md'] as const) {
    it(`--format ${format}: movers' reasons and every name in Chinese`, () => {
      const text = renderDiff(format, diff, { lang: 'zh-CN' });
      expect(untranslated(text, ids()).slice(0, 10)).toEqual([]);
      expect(text).toContain('得分 85 → 88（复购率 +10，近12个月消费金额 −7，投诉率（越低越好） +5 分）');
      expect(text).toContain('原为重点客户（得分 ≥ 70）；现为 VIP客户（得分 ≥ 85）');
      // a cadence action by its label
      expect(text).toContain('高层拜访');
    });
  }

  it('English keeps the reasons in words, metrics and tiers by their labels', () => {
    const text = renderDiff('table', diff, { lang: 'en' });
    expect(text).toContain(
      'score 85 → 88 (Repurchase rate +10, 12-month spend −7, Complaint rate (lower is better) +5 points); was Key from score ≥ 70; now VIP from score ≥ 85',
    );
  });

  it('json: each reason in the report’s words and as a text to render in another language', () => {
    const json = JSON.parse(renderDiff('json', diff, { lang: 'zh-CN' })) as {
      movers: { reason: string; i18n: { reason: { id: string } } }[];
    };
    expect(json.movers[0]!.reason).toMatch(/^得分 85 → 88/);
    expect(json.movers[0]!.i18n.reason.id).toBe('movers.reason');
  });

  it('simulate names the revenue fact, flags and cadence actions by their labels', () => {
    const text = renderSimulation('table', diff.simulations.from, { lang: 'zh-CN' });
    expect(text).toMatch(/营收指标\s+近12个月消费金额 \[spend12m\]/);
    expect(text).toContain('3个月无消费（流失预警）');
    expect(untranslated(text, [...ids(), 'spend12m'])).toEqual([]);
  });
});
