import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { calibrate, renormalise } from '../../src/simulate/calibrate.js';
import { SMALL_POLICY } from './fixtures.js';

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
