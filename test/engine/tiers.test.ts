import { describe, expect, it } from 'vitest';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { decideQuota, levelEnds } from '../../src/engine/tiers/quota.js';
import { render } from '../../src/i18n/text.js';
import type { Tiers } from '../../src/policy/schema/tiers.js';
import { HEADER_TEXT, policyOf } from './policies.js';

const quotaTiers = (shares: string[], extra: Partial<Tiers> = {}): Tiers => ({
  method: 'quota',
  levels: shares.map((share, i) => ({ id: `t${i}`, share })),
  ...extra,
});

describe('quota tiers', () => {
  it('ends each level at round(N × cumulative share), the last at N', () => {
    const tiers = quotaTiers(['10%', '20%', '50%', '20%']);
    expect(levelEnds(tiers, 10, 'nearest')).toEqual([1, 3, 8, 10]);
    expect(levelEnds(tiers, 15, 'nearest')).toEqual([2, 5, 12, 15]); // 1.5 → 2, 4.5 → 5, 12
    expect(levelEnds(tiers, 15, 'floor')).toEqual([1, 4, 12, 15]);
    expect(levelEnds(tiers, 15, 'ceil')).toEqual([2, 5, 12, 15]);
    expect(levelEnds(quotaTiers(['33.333333%', '33.333333%', '33.333334%']), 3, 'nearest')).toEqual([
      1, 2, 3,
    ]);
  });

  it('ranks by value, then tie-break keys, then customer key; equal scores split by default', () => {
    const tiers = quotaTiers(['20%', '80%'], { quota: { tieBreak: [{ fact: 'spend', order: 'desc' }] } });
    const population = [
      { key: 'C3', rankValue: 90, tieBreak: [100] },
      { key: 'C1', rankValue: 90, tieBreak: [100] },
      { key: 'C2', rankValue: 90, tieBreak: [500] },
      { key: 'C4', rankValue: 50, tieBreak: [900] },
      { key: 'C5', rankValue: undefined, tieBreak: [900] },
      { key: 'C6', rankValue: 40, tieBreak: [1] },
    ];
    const decisions = decideQuota(tiers, population);
    // 5 ranked customers, 20% → 1: C2 (higher spend) wins the tie at 90.
    expect(
      decisions.map((d) =>
        d.method === 'quota' ? `${d.rank}:t${d.level}` : d.method === 'none' ? render('en', d.reason) : '?',
      ),
    ).toEqual(['3:t1', '2:t1', '1:t0', '4:t1', 'no value to rank by', '5:t1']);
  });

  it('keeps equal ranking keys together in the better tier when asked', () => {
    const tiers = quotaTiers(['20%', '80%'], { quota: { ties: 'together' } });
    const population = ['A', 'B', 'C', 'D', 'E'].map((key, i) => ({
      key,
      rankValue: i < 2 ? 90 : 50 - i,
      tieBreak: [],
    }));
    const levels = decideQuota(tiers, population).map((d) => (d.method === 'quota' ? d.level : -1));
    expect(levels).toEqual([0, 0, 1, 1, 1]);
  });
});

const CRITERIA = `${HEADER_TEXT}facts:
  id: { type: string, key: true }
  spend: { type: number, unit: CNY, min: 0 }
  perMonth: { type: number, min: 0 }
  industry: { type: enum, values: [high, low] }
tiers:
  method: criteria
  levels:
    - id: vip
      label: { zh-CN: VIP, en: VIP }
      when: { all: [ { fact: spend, operator: greaterThan, value: 500000 }, { fact: perMonth, operator: greaterThanInclusive, value: 1 } ] }
    - id: partner
      label: { zh-CN: 伙伴, en: Partner }
      when: { fact: industry, operator: notEqual, value: low }
    - { id: regular, label: { zh-CN: 普通, en: Regular }, otherwise: true }
classifiers:
  value:
    label: { zh-CN: 价值, en: Value }
    pick: all
    rules:
      - { id: big, label: { zh-CN: 大, en: Big }, when: { fact: spend, operator: greaterThanInclusive, value: 100000 } }
      - { id: top, label: { zh-CN: 顶级, en: Top }, when: { fact: tier, operator: equal, value: vip } }
rerating:
  triggers:
    - id: slow
      label: { zh-CN: 低频, en: Slow }
      when: { fact: perMonth, operator: lessThan, value: 1 }
      then: { flag: churn-warning, rerate: true, notify: [account-manager] }
`;

describe('criteria tiers, classifiers and triggers on json-rules-engine', () => {
  it('takes the first level whose condition holds and records why better levels failed', async () => {
    const evaluator = new ReferenceEvaluator(policyOf(CRITERIA));
    const [vip, partner] = await evaluator.evaluate([
      { id: 'A', facts: { spend: 600000, perMonth: 2, industry: 'low' } },
      { id: 'B', facts: { spend: 600000, perMonth: 0.5, industry: 'high' } },
    ]);
    expect(vip!.tier).toBe('vip');
    expect(vip!.classes).toEqual({ value: ['big', 'top'] });
    expect(vip!.flags).toEqual([]);
    expect(partner!.tier).toBe('partner');
    expect(partner!.decision.method === 'criteria' && partner!.decision.rejected[0]!.trace).toEqual({
      kind: 'all',
      result: false,
      children: [
        {
          kind: 'fact',
          fact: 'spend',
          operator: 'greaterThan',
          value: 500000,
          factValue: 600000,
          result: true,
        },
        {
          kind: 'fact',
          fact: 'perMonth',
          operator: 'greaterThanInclusive',
          value: 1,
          factValue: 0.5,
          result: false,
        },
      ],
    });
    expect(partner!.classes).toEqual({ value: ['big'] });
    expect(partner!).toMatchObject({
      flags: ['churn-warning'],
      rerate: true,
      notify: ['account-manager'],
      triggers: ['slow'],
    });
  });

  it('compares a missing value as json-rules-engine does: notEqual holds, order comparisons do not', async () => {
    const evaluator = new ReferenceEvaluator(policyOf(CRITERIA));
    const [result] = await evaluator.evaluate([
      { id: 'C', facts: { spend: 900000, perMonth: undefined, industry: undefined } },
    ]);
    expect(result!.tier).toBe('partner');
    expect(result!.flags).toEqual([]);
  });
});

const MATRIX = `${HEADER_TEXT}facts:
  id: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  activeMonths: { type: integer, min: 0, max: 12 }
tiers:
  method: matrix
  matrix:
    rows: { fact: spend12m, bands: [ { id: high, above: 1000000 }, { id: low } ] }
    columns: { fact: activeMonths, bands: [ { id: high, atLeast: 12 }, { id: low } ] }
    cells: { high: { high: core, low: potential }, low: { high: basic, low: watch } }
  levels:
    - { id: core, label: { zh-CN: 核心, en: Core } }
    - { id: potential, label: { zh-CN: 潜力, en: Potential } }
    - { id: basic, label: { zh-CN: 基础, en: Basic } }
    - { id: watch, label: { zh-CN: 观察, en: Watch } }
`;

describe('matrix tiers', () => {
  it('places each customer in the row × column cell', async () => {
    const results = await new ReferenceEvaluator(policyOf(MATRIX)).evaluate([
      { id: 'a', facts: { spend12m: 1200000, activeMonths: 12 } },
      { id: 'b', facts: { spend12m: 1200000, activeMonths: 3 } },
      { id: 'c', facts: { spend12m: 1000000, activeMonths: 12 } },
      { id: 'd', facts: { spend12m: 10, activeMonths: 0 } },
      { id: 'e', facts: { spend12m: undefined, activeMonths: 0 } },
    ]);
    expect(results.map((r) => r.tier)).toEqual(['core', 'potential', 'basic', 'watch', undefined]);
    expect(results[2]!.decision).toEqual({
      method: 'matrix',
      level: 2,
      row: 'low',
      column: 'high',
      rowValue: 1000000,
      columnValue: 12,
    });
    expect(results[4]!.diagnostics.map((d) => d.code)).toEqual(['TW0702']);
  });
});
