import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { binOf, edgesOf, scoreHistogram } from '../../src/simulate/score-histogram.js';
import { simulate } from '../../src/simulate/simulate.js';
import { bundledSample } from '../helpers/sample-data.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-histogram-'));

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: one, version: 1.0.0, labels: { zh-CN: 一, en: One } }
facts:
  id: { type: string, key: true }
  x: { type: number, min: 0, max: 100 }
dimensions:
  a: { weight: 100, label: { zh-CN: 甲, en: A }, metrics: { x: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
tiers:
  method: thresholds
  levels:
    - { id: top, label: { zh-CN: 高, en: Top }, minScore: 90 }
    - { id: low, label: { zh-CN: 低, en: Low } }
`;

async function policyFrom(text: string) {
  writeFileSync(join(dir, 'p.tier.yaml'), text);
  const { policy, diagnostics } = await loadPolicy(join(dir, 'p.tier.yaml'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return policy!;
}

describe('scoreHistogram', () => {
  it('counts each rounded score in its bin, a threshold’s score at the start of a bar, 100 in the last', async () => {
    const policy = await policyFrom(POLICY);
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,x\nA,0\nB,4.9\nC,5\nD,89.6\nE,90\nF,100\nG,\n');
    const histogram = await scoreHistogram(policy, { customers, bins: 20, workers: 1, onError: 'report' });
    expect(histogram.edges).toEqual(edgesOf(20));
    expect(histogram.counts.slice(0, 2)).toEqual([1, 2]); // 0; then 5 and 4.9, which rounds to 5
    expect(histogram.counts[18]).toBe(2); // 89.6 rounds to 90, and 90
    expect(histogram.counts[19]).toBe(1); // 100 closes the last bin
    expect(histogram.tiers).toEqual([
      { tier: 'top', label: { 'zh-CN': '高', en: 'Top' }, customers: 3 },
      { tier: 'low', label: { 'zh-CN': '低', en: 'Low' }, customers: 3 },
    ]);
    expect(histogram.tierCounts[18]).toEqual([2, 0]);
    expect(histogram.tierCounts[1]).toEqual([0, 2]);
    expect(histogram).toMatchObject({ customers: 7, scored: 6, untiered: 1, lowest: 0, highest: 100 });
  });

  it('agrees with simulate on the bundled scorecard and example data: the same customers per tier', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const { policy } = await loadPolicy(join(root, 'policies', 'seed004-scorecard.tier.yaml'));
    // Every fifth bundled customer (all under TIERWISE_LONG_TESTS=1): both read the same files,
    // and the sample has customers in every tier, VIPs too (2 of its 600; 5 of all 3,000).
    const options = { ...bundledSample(), asOf: '2025-01-01', workers: 1 };
    const [histogram, simulation] = await Promise.all([
      scoreHistogram(policy!, options),
      simulate(policy!, options),
    ]);
    expect(histogram.failed).toBe(false);
    expect(histogram.tiers.map((t) => [t.tier, t.customers])).toEqual(
      simulation.tiers.map((t) => [t.tier, t.customers]),
    );
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(histogram.scored);
    // VIP ≥ 90: with 5-point bins every VIP sits in the last two bars and nobody else does.
    const vip = histogram.tierCounts.map((row) => row[0]!);
    expect(vip.slice(0, 18).every((n) => n === 0)).toBe(true);
    expect(vip[18]! + vip[19]!).toBe(histogram.tiers[0]!.customers);
  }, 60_000);
});

describe('bins', () => {
  it('edges are exact steps, ends included', () => {
    expect(edgesOf(4)).toEqual([0, 25, 50, 75, 100]);
    expect(edgesOf(10)[3]).toBe(30);
    expect(edgesOf(1000)[3]).toBe(0.3);
  });

  it('a score belongs to the bar it starts; outside 0–100 to the nearest end', () => {
    expect(binOf(90, 20)).toBe(18);
    expect(binOf(89.99, 20)).toBe(17);
    expect(binOf(100, 20)).toBe(19);
    expect(binOf(-3, 20)).toBe(0);
    expect(binOf(130, 20)).toBe(19);
    expect(binOf(30, 1000 / 10)).toBe(30);
  });
});
