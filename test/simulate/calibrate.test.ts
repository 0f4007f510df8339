import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { renderCalibration } from '../../src/report/simulation/index.js';
import { calibrate, renormalise } from '../../src/simulate/calibrate.js';
import { untranslated } from '../helpers/untranslated.js';
import { SIX, SMALL_POLICY, THREE } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-calibrate-'));

async function setup(policyText: string, csv: string) {
  writeFileSync(join(dir, 'p.tier.yaml'), policyText);
  writeFileSync(join(dir, 'c.csv'), csv);
  const { policy, diagnostics } = await loadPolicy(join(dir, 'p.tier.yaml'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { source: { policy: policy!, file: join(dir, 'p.tier.yaml') }, customers: join(dir, 'c.csv') };
}

const TWO_DIMENSIONS = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: two, version: 1.0.0, labels: { zh-CN: 二, en: Two } }
facts:
  id: { type: string, key: true }
  x: { type: number, min: 0, max: 100 }
  y: { type: number, min: 0, max: 100 }
dimensions:
  a: { weight: 50, label: { zh-CN: 甲, en: A }, metrics: { x: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
  b: { weight: 50, label: { zh-CN: 乙, en: B }, metrics: { y: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
tiers:
  method: thresholds
  levels:
    - { id: top, label: { zh-CN: 高, en: Top }, minScore: 50 }
    - { id: low, label: { zh-CN: 低, en: Low } }
`;

describe('calibrate', () => {
  it('finds the threshold for a share of customers or of revenue, and counts customers near each threshold', async () => {
    const { source, customers } = await setup(
      SMALL_POLICY,
      ['id,spend,repurchase,idle', 'A,1000,80,0', 'B,600,40,4', 'C,500,50,3', 'D,100,,1', 'E,0,20,5'].join(
        '\n',
      ),
    );
    const c = await calibrate(source, {
      customers,
      targets: [
        { tier: 'gold', share: 0.2, measure: 'customers' },
        { tier: 'gold', share: 0.5, measure: 'revenue' },
        { tier: 'gold', share: 1, measure: 'customers' },
      ],
    });
    // Scores are spend / 10: A 100, B 60, C 50, D 10, E 0; revenue 2,200 CNY in all.
    expect(c.thresholds[0]).toMatchObject({
      tier: 'gold',
      current: 50,
      value: 100,
      achieved: { customers: 1, share: 0.2 },
    });
    // Half the revenue is 1,100 CNY: A (1,000) alone is short, A + B (1,600) reach it at 60.
    expect(c.thresholds[1]).toMatchObject({ value: 60, achieved: { customers: 2 } });
    expect(c.thresholds[1]!.distribution.map((r) => r.customers)).toEqual([2, 3]);
    expect(c.thresholds[2]).toMatchObject({ value: 0, achieved: { customers: 5, share: 1 } });
    // Within 2 points of gold's 50: C (50) is only just in; nobody at 48–49.99.
    expect(c.stability.rows[0]).toEqual({
      tier: 'gold',
      label: { 'zh-CN': '金', en: 'Gold' },
      threshold: 50,
      justBelow: 0,
      justAbove: 1,
      fragileShare: 1 / 3,
    });
  });

  it('moves each weight by ±step, renormalising the others, and counts who changes tier', async () => {
    const { source, customers } = await setup(
      TWO_DIMENSIONS,
      ['id,x,y', 'P,100,0', 'Q,0,100', 'R,60,30'].join('\n'),
    );
    const c = await calibrate(source, { customers, step: 10 });
    // a at 40 (b 60): P 40 drops to low; Q 60 and R 42 keep their tiers. a at 60: Q drops.
    const a = c.sensitivity.rows.find((r) => r.weight === 'a')!;
    expect(a.minus).toEqual({ weight: 40, changed: 1, up: 0, down: 1 });
    expect(a.plus).toEqual({ weight: 60, changed: 1, up: 0, down: 1 });
    expect(c.sensitivity.rows.map((r) => r.weight).sort()).toEqual(['a', 'b']);
    expect(
      renormalise(
        [
          ['a', 50],
          ['b', 30],
          ['c', 20],
        ],
        'a',
        60,
      ),
    ).toEqual([
      ['a', 60],
      ['b', 24],
      ['c', 16],
    ]);
  });
});

const CRITERIA = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: criteria, version: 1.0.0, labels: { zh-CN: 条件, en: Criteria } }
facts:
  id: { type: string, key: true, column: id }
  spend: { type: number, unit: CNY, min: 0, revenue: true, column: spend }
tiers:
  method: criteria
  levels:
    - { id: gold, label: { zh-CN: 金, en: Gold }, when: { all: [{ fact: spend, operator: greaterThanInclusive, value: 700 }] } }
    - { id: basic, label: { zh-CN: 普通, en: Basic }, otherwise: true }
`;

describe('calibrate: what a search cannot do, and what a suggestion breaks', () => {
  it('says why a criteria policy has no threshold to search: an error for --target, a warning by default', async () => {
    const { source, customers } = await setup(CRITERIA, SIX);
    const asked = await calibrate(source, {
      customers,
      targets: [{ tier: 'gold', share: 0.1, measure: 'customers' }],
    });
    expect(asked.failed).toBe(false);
    expect(asked.customers).toBe(6);
    expect(asked.thresholds).toHaveLength(1);
    const problem = asked.thresholds[0]!.problems![0]!;
    expect(problem).toMatchObject({
      code: 'TW0802',
      severity: 'error',
      message: "tiers decided by method 'criteria' have no score threshold to search",
      pointer: '/tiers/method',
    });
    expect(problem.help).toContain('tierwise diff');
    expect(asked.thresholds[0]!.value).toBeUndefined();
    expect(asked.diagnostics.map((d) => d.code)).toEqual(['TW0802']);
    // Without --target the top tier's default targets (10% of customers, 40% of revenue) say the same, once.
    const defaults = await calibrate(source, { customers });
    expect(defaults.thresholds.map((t) => [t.tier, t.target.measure, t.problems?.[0]?.code])).toEqual([
      ['gold', 'customers', 'TW0802'],
      ['gold', 'revenue', 'TW0802'],
    ]);
    expect(defaults.diagnostics.map((d) => [d.code, d.severity])).toEqual([['TW0802', 'warning']]);
    const table = renderCalibration('table', defaults, { lang: 'en' });
    expect(table).toContain("tiers decided by method 'criteria' have no score threshold to search");
    const chinese = renderCalibration('md', defaults, { lang: 'zh-CN' });
    expect(chinese).toContain("按方法 'criteria' 分级的策略没有可搜索的评分阈值");
  });

  it('says why the last tier and a score: range are not searched', async () => {
    const { source, customers } = await setup(THREE('score: { atLeast: 70, below: 90 }'), SIX);
    const c = await calibrate(source, {
      customers,
      targets: [
        { tier: 'key', share: 0.5, measure: 'customers' },
        { tier: 'standard', share: 0.5, measure: 'customers' },
      ],
    });
    expect(c.thresholds.map((t) => [t.problems?.[0]?.code, t.problems?.[0]?.pointer])).toEqual([
      ['TW0802', '/tiers/levels/1/score'],
      ['TW0802', '/tiers/levels/2'],
    ]);
    expect(c.thresholds[1]!.problems![0]!.message).toBe(
      "tier 'standard' is the last tier: it takes every score the tiers above it leave, and has no threshold to search",
    );
  });

  it('offers a clean threshold without problems', async () => {
    const { source, customers } = await setup(THREE(), SIX);
    // 2 of 6 customers: A (100) and B (80), so vip ≥ 80; key keeps C (75).
    const c = await calibrate(source, {
      customers,
      targets: [{ tier: 'vip', share: 2 / 6, measure: 'customers' }],
    });
    expect(c.thresholds[0]).toMatchObject({ value: 80, achieved: { customers: 2 } });
    expect(c.thresholds[0]!.problems).toBeUndefined();
    expect(c.diagnostics).toEqual([]);
  });

  it('flags a threshold that empties the next tier, or falls to or below its threshold', async () => {
    const { source, customers } = await setup(THREE(), SIX);
    const c = await calibrate(source, {
      customers,
      targets: [
        // Half: A, B, C at 75 and up, which leaves key (70 to 75) nobody of its B and C.
        { tier: 'vip', share: 0.5, measure: 'customers' },
        // Two thirds: down to D at 60, below key's own 70: key can no longer be reached.
        { tier: 'vip', share: 4 / 6, measure: 'customers' },
      ],
    });
    const [half, twoThirds] = c.thresholds;
    expect(half).toMatchObject({ value: 75, achieved: { customers: 3 } });
    expect(half!.distribution.map((r) => r.customers)).toEqual([3, 0, 3]);
    expect(half!.problems!.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['TW0803', 'warning', "with 'vip' at 75, tier 'key' has no customers left (it has 2 now)"],
    ]);
    expect(twoThirds).toMatchObject({ value: 60, achieved: { customers: 4 } });
    // Key is reported once, for the cause: at or below its threshold (not also as emptied).
    expect(twoThirds!.problems!.map((d) => d.message)).toEqual([
      "'vip' at 60 is at or below the threshold of 'key' (70): 'key' can no longer be reached",
    ]);
    // Every flag reaches the reader: on stderr (the run's diagnostics) and in each format.
    expect(c.diagnostics.map((d) => d.code)).toEqual(['TW0803', 'TW0803']);
    for (const format of ['table', 'md', 'html', 'csv'] as const)
      expect(renderCalibration(format, c, { lang: 'en' }), format).toContain(
        'has no customers left (it has 2 now)',
      );
    const json = JSON.parse(renderCalibration('json', c, { lang: 'en' }));
    expect(json.thresholds[1].problems[0].code).toBe('TW0803');
    const chinese = renderCalibration('table', c, { lang: 'zh-CN' });
    expect(chinese).toContain("'vip' 的阈值 60 不高于 'key' 的阈值（70）：'key' 将无法达到");
    const problems = chinese
      .split('\n')
      .filter((line) => line.includes('TW0322') || line.includes('阈值 60'));
    expect(untranslated(problems.join('\n'), ['vip', 'key'])).toEqual([]);
  });

  it('flags a threshold that leaves a hole above a tier whose range ends below it (TW0322)', async () => {
    const { source, customers } = await setup(THREE('score: { atLeast: 70, below: 90 }'), SIX);
    // One customer of six: A alone, at 100. Scores 90 to 99 then fall past key (70 to < 90) to standard.
    const c = await calibrate(source, {
      customers,
      targets: [{ tier: 'vip', share: 1 / 6, measure: 'customers' }],
    });
    expect(c.thresholds[0]).toMatchObject({ value: 100, achieved: { customers: 1 } });
    expect(c.thresholds[0]!.problems!.map((d) => [d.code, d.message, d.example])).toEqual([
      [
        'TW0803',
        "with 'vip' at 100, a customer scoring 90 gets 'standard' while one scoring 89 gets the better tier 'key' (TW0322)",
        { better: { score: 90, tier: 'standard' }, worse: { score: 89, tier: 'key' } },
      ],
    ]);
  });
});
