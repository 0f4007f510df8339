import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../../src/diagnostics/render/index.js';
import { decideQuota, type Ranked } from '../../../src/engine/tiers/quota.js';
import { decideThresholds } from '../../../src/engine/tiers/thresholds.js';
import { parsePolicy } from '../../../src/policy/check.js';
import { lintPolicy } from '../../../src/policy/lint/index.js';
import { loadPolicy } from '../../../src/policy/load.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import type { Level } from '../../../src/policy/schema/tiers.js';
import { check, codes, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';
import { untranslated } from '../../helpers/untranslated.js';

/** VALID with its levels (the end of the file) replaced. */
function withLevels(levels: string): string {
  return VALID.slice(0, VALID.indexOf('  levels:\n')) + levels;
}

/** VALID with its levels replaced: the issue's gold ≥ 80, silver 55 to < 75, bronze the rest. */
const ISSUE = withLevels(
  `  levels:
    - { id: gold, label: { zh-CN: 金卡, en: Gold }, minScore: 80 }
    - { id: silver, label: { zh-CN: 银卡, en: Silver }, score: { atLeast: 55, below: 75 } }
    - { id: bronze, label: { zh-CN: 铜卡, en: Bronze } }
`,
);

describe('tier order: thresholds', () => {
  it('reports the issue’s policy: 75 gets bronze while 74 gets silver', () => {
    const d = only(check(ISSUE), 'TW0322');
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      "tier 'bronze' gets scores ≥ 75 and < 80, higher than the scores ≥ 55 and < 75 of the better tier 'silver': a customer scoring 75 gets 'bronze' while one scoring 74 gets 'silver'",
    );
    expect(d.example).toEqual({
      better: { score: 75, tier: 'bronze' },
      worse: { score: 74, tier: 'silver' },
    });
    expect(d.pointer).toBe('/tiers/levels/1/score');
    expect(where(d)).toBe(positionOf(ISSUE, '{ atLeast: 55'));
    expect(d.help).toContain("let 'silver' or a better tier take the scores ≥ 75 and < 80");
    // The issue's own pair, evaluated: the counterexample is real.
    const levels = parse(ISSUE).tiers!.levels;
    expect(decideThresholds(levels, 76)).toMatchObject({ level: 2 });
    expect(decideThresholds(levels, 57)).toMatchObject({ level: 1 });
  });

  it('says so in the text output instead of "no problems", in English and in Chinese', () => {
    const result = check(ISSUE);
    const input = { diagnostics: result.diagnostics, sources: result.sources, files: ['p.tier.yaml'] };
    const english = renderDiagnostics('text', input);
    expect(english).toContain('error[TW0322]');
    expect(english).toContain(
      'example: better = {"score":75,"tier":"bronze"}, worse = {"score":74,"tier":"silver"}',
    );
    expect(english).not.toContain('no problems');
    const chinese = renderDiagnostics('text', { ...input, language: 'zh-CN' });
    expect(chinese).toContain(
      "等级 'bronze' 取得评分 ≥ 75 且 < 80，高于更优等级 'silver' 的评分 ≥ 55 且 < 75：评分 75 的客户得到 'bronze'，而评分 74 的客户却得到 'silver'",
    );
    expect(
      untranslated(
        // The code frame quotes the policy, and the example's keys are data: both stay as written.
        chinese
          .split('\n')
          .filter((line) => !/^\s*\d*\s*\|/.test(line))
          .join('\n'),
        ['bronze', 'silver', 'score', 'tier', 'better', 'worse'],
      ),
    ).toEqual([]);
  });

  it('accepts the corrected policy and ranges that meet', () => {
    expect(check(edit(ISSUE, 'below: 75', 'below: 80')).diagnostics).toEqual([]);
    expect(check(VALID).diagnostics).toEqual([]);
  });

  it('picks the two scores on the rounded score’s grid', () => {
    const tenths = only(check(`${ISSUE}score: { round: half-up, digits: 1 }\n`), 'TW0322');
    expect(tenths.example).toEqual({
      better: { score: 75, tier: 'bronze' },
      worse: { score: 74.9, tier: 'silver' },
    });
    // Open ends on the real line have no closest value: a round one from inside is shown.
    const open = edit(ISSUE, '{ atLeast: 55, below: 75 }', '{ atLeast: 55, atMost: 75 }');
    const real = only(check(`${open}score: { round: none }\n`), 'TW0322');
    expect(real.example).toEqual({
      better: { score: 78, tier: 'bronze' },
      worse: { score: 75, tier: 'silver' },
    });
    expect(real.message).toContain('scores > 75 and < 80');
  });

  it('reports each worse tier once when the whole list is upside down', () => {
    const text = withLevels(
      `  levels:
    - { id: watch, label: { zh-CN: 观察, en: Watch }, score: { below: 50 } }
    - { id: standard, label: { zh-CN: 普通, en: Standard }, score: { atLeast: 50, below: 70 } }
    - { id: key, label: { zh-CN: 重点, en: Key }, score: { atLeast: 70, below: 90 } }
    - { id: vip, label: { zh-CN: VIP, en: VIP }, score: { atLeast: 90 } }
`,
    );
    const found = check(text).diagnostics.filter((d) => d.code === 'TW0322');
    expect(found.map((d) => d.example)).toEqual([
      { better: { score: 50, tier: 'standard' }, worse: { score: 49, tier: 'watch' } },
      { better: { score: 70, tier: 'key' }, worse: { score: 69, tier: 'standard' } },
      { better: { score: 90, tier: 'vip' }, worse: { score: 89, tier: 'key' } },
    ]);
  });

  it('leaves gaps and shadowed tiers to their own codes', () => {
    expect(codes(check(edit(VALID, 'minScore: 70', 'minScore: 95')))).toEqual(['TW0316']);
    const gap = edit(
      ISSUE,
      '    - { id: bronze, label: { zh-CN: 铜卡, en: Bronze } }\n',
      '    - { id: bronze, label: { zh-CN: 铜卡, en: Bronze }, score: { below: 55 } }\n',
    );
    expect(codes(check(gap))).toEqual(['TW0311']);
  });

  it('reports an inversion exactly when evaluating every score finds one (property)', () => {
    const bound = fc.integer({ min: 0, max: 100 });
    const range = fc.record(
      {
        atLeast: bound,
        above: bound,
        below: bound,
        atMost: bound,
      },
      { requiredKeys: [] },
    );
    const level = fc.oneof(
      bound.map((minScore): Partial<Level> => ({ minScore })),
      range
        .filter((r) => Object.keys(r).length > 0)
        .map((r): Partial<Level> => {
          // One form per end, as TW0209 requires.
          const { atLeast, above, below, atMost } = r;
          const lower = atLeast !== undefined ? { atLeast } : above !== undefined ? { above } : {};
          const upper = below !== undefined ? { below } : atMost !== undefined ? { atMost } : {};
          return { score: { ...lower, ...upper } };
        })
        .filter((l) => Object.keys(l.score!).length > 0),
    );
    const rounding = fc.constantFrom(
      { settings: { digits: 0 }, step: 1 },
      { settings: { digits: 1 }, step: 0.1 },
      // Every bound is a whole number, so quarters show every run the real line has.
      { settings: { round: 'none' as const }, step: 0.25 },
    );
    fc.assert(
      fc.property(
        fc.array(level, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        rounding,
        (drawn, rest, r) => {
          const levels = [...drawn, ...(rest ? [{}] : [])].map((l, i) => ({ id: `t${i}`, ...l }) as Level);
          const policy = policyWith(levels, r.settings);
          const found = lintPolicy(policy, NOWHERE).filter((d) => d.code === 'TW0322');
          const tierAt: number[] = [];
          for (let k = 0; k <= Math.round(100 / r.step); k++) {
            const decision = decideThresholds(levels, Number((k * r.step).toFixed(2)));
            tierAt.push(decision.method === 'thresholds' ? decision.level : -1);
          }
          // An inversion: s1 > s2, both tiered, tier(s1) worse (a larger index) than tier(s2).
          let bestBelow = Number.POSITIVE_INFINITY;
          let inverted = false;
          for (const t of tierAt) {
            if (t < 0) continue;
            if (t > bestBelow) inverted = true;
            bestBelow = Math.min(bestBelow, t);
          }
          expect(found.length > 0, JSON.stringify(levels)).toBe(inverted);
          for (const d of found) {
            const { better, worse } = d.example as Record<string, { score: number; tier: string }>;
            expect(better!.score).toBeGreaterThan(worse!.score);
            const at = (s: number) => decideThresholds(levels, s);
            expect(levels[(at(better!.score) as { level: number }).level]!.id).toBe(better!.tier);
            expect(levels[(at(worse!.score) as { level: number }).level]!.id).toBe(worse!.tier);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const MATRIX = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: matrix
  version: 1.0.0
  labels: { zh-CN: 价值活跃度矩阵, en: Value x activity }
facts:
  customerId: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  activeMonths12m: { type: integer, unit: months, min: 0, max: 12 }
tiers:
  method: matrix
  matrix:
    rows:
      fact: spend12m
      bands: [ { id: high, above: 1000000 }, { id: low } ]
    columns:
      fact: activeMonths12m
      bands: [ { id: high, atLeast: 12 }, { id: low } ]
    cells:
      high: { high: core, low: potential }
      low: { high: basic, low: watch }
  levels:
    - { id: core, label: { zh-CN: 核心客户, en: Core } }
    - { id: potential, label: { zh-CN: 潜力客户, en: Potential } }
    - { id: basic, label: { zh-CN: 基础客户, en: Basic } }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

describe('tier order: matrix', () => {
  it('accepts seed 003’s value × activity matrix', () => {
    expect(check(MATRIX).diagnostics).toEqual([]);
  });

  it('warns about the cells that go against the others on unscored facts', () => {
    // Swapping potential and watch: with low activity more value gets watch, and with low value
    // more activity gets basic rather than potential — each against the other row or column.
    const text = MATRIX.replace(
      'high: { high: core, low: potential }',
      'high: { high: core, low: watch }',
    ).replace('low: { high: basic, low: watch }', 'low: { high: basic, low: potential }');
    const found = check(text).diagnostics.filter((d) => d.code === 'TW0322');
    expect(found.map((d) => [d.severity, d.pointer, d.message])).toEqual([
      [
        'warning',
        '/tiers/matrix/cells/high/low',
        "where activeMonths12m is in band 'low', a better spend12m gets a worse tier: spend12m = 2,000,000 gets 'watch' while spend12m = 1,000,000 gets the better tier 'potential'",
      ],
      [
        'warning',
        '/tiers/matrix/cells/low/high',
        "where spend12m is in band 'low', a better activeMonths12m gets a worse tier: activeMonths12m = 12 gets 'basic' while activeMonths12m = 11 gets the better tier 'potential'",
      ],
    ]);
    expect(found[0]!.example).toEqual({
      better: { spend12m: 2000000, activeMonths12m: 10, tier: 'watch' },
      worse: { spend12m: 1000000, activeMonths12m: 10, tier: 'potential' },
    });
    expect(found[0]!.help).toContain('most cells of the matrix give a higher spend12m a better tier');
  });

  it('takes the direction of a fact from the policy’s scoring: lower recency is better', () => {
    const recency = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: recency, version: 1.0.0, labels: { zh-CN: 近度, en: Recency } }
facts:
  customerId: { type: string, key: true }
  daysSinceLast: { type: integer, unit: days, min: 0 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { daysSinceLast: { weight: 100, score: { lowerIsBetter: { best: 0, worst: 365 } } } }
tiers:
  method: matrix
  matrix:
    rows: { fact: daysSinceLast, bands: [ { id: recent, below: 30 }, { id: stale } ] }
    columns: { score: true, bands: [ { id: high, atLeast: 60 }, { id: low } ] }
    cells:
      recent: { high: core, low: basic }
      stale: { high: potential, low: watch }
  levels:
    - { id: core, label: { zh-CN: 核心客户, en: Core } }
    - { id: potential, label: { zh-CN: 潜力客户, en: Potential } }
    - { id: basic, label: { zh-CN: 基础客户, en: Basic } }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;
    expect(check(recency).diagnostics).toEqual([]);
    // Both rows agree that fewer days is worse, but the scoring says fewer days is better: an error.
    const backwards = recency
      .replace('recent: { high: core, low: basic }', 'recent: { high: potential, low: watch }')
      .replace('stale: { high: potential, low: watch }', 'stale: { high: core, low: basic }');
    const found = check(backwards).diagnostics.filter((d) => d.code === 'TW0322');
    expect(found.map((d) => [d.severity, d.pointer, d.example])).toEqual([
      [
        'error',
        '/tiers/matrix/cells/recent/high',
        {
          better: { daysSinceLast: 29, score: 80, tier: 'potential' },
          worse: { daysSinceLast: 30, score: 80, tier: 'core' },
        },
      ],
      [
        'error',
        '/tiers/matrix/cells/recent/low',
        {
          better: { daysSinceLast: 29, score: 30, tier: 'watch' },
          worse: { daysSinceLast: 30, score: 30, tier: 'basic' },
        },
      ],
    ]);
    expect(found[0]!.help).toContain('the policy scores a lower daysSinceLast as better');
    // The score axis is better higher whatever the cells say.
    const scoreBackwards = recency
      .replace('recent: { high: core, low: basic }', 'recent: { high: potential, low: core }')
      .replace('stale: { high: potential, low: watch }', 'stale: { high: basic, low: watch }');
    expect(only(check(scoreBackwards), 'TW0322')).toMatchObject({
      severity: 'error',
      pointer: '/tiers/matrix/cells/recent/high',
      example: {
        better: { score: 60, daysSinceLast: 20, tier: 'potential' },
        worse: { score: 59, daysSinceLast: 20, tier: 'core' },
      },
    });
  });
});

const QUOTA = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: quota, version: 1.0.0, labels: { zh-CN: 配额, en: Quota } }
facts:
  customerId: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  daysSinceLast: { type: integer, unit: days, min: 0 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 50, score: { linear: { from: 0, to: 500000 } } }
      daysSinceLast: { weight: 50, score: { lowerIsBetter: { best: 0, worst: 365 } } }
tiers:
  method: quota
  quota: { rankBy: score }
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, share: '10%' }
    - { id: key, label: { zh-CN: 重点客户, en: Key }, share: '20%' }
    - { id: standard, label: { zh-CN: 普通客户, en: Standard }, share: '70%' }
`;

describe('tier order: quota', () => {
  it('raises nothing for ranking by the score or by a fact of which more is better', () => {
    expect(check(QUOTA).diagnostics).toEqual([]);
    expect(check(QUOTA.replace('rankBy: score', 'rankBy: spend12m')).diagnostics).toEqual([]);
  });

  it('warns when the ranking fact is one the policy scores lower-is-better', () => {
    const text = QUOTA.replace('rankBy: score', 'rankBy: daysSinceLast');
    const d = only(check(text), 'TW0322');
    expect(d.severity).toBe('warning');
    expect(d.pointer).toBe('/tiers/quota/rankBy');
    expect(d.message).toBe(
      "customers are ranked by 'daysSinceLast' highest first, but the policy scores a lower daysSinceLast as better: the best tiers go to the customers it scores worst",
    );
  });

  it('cannot give a higher ranking value a worse tier, whatever the shares (property)', () => {
    const shares = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 })
      .map((weights) => {
        const total = weights.reduce((a, b) => a + b, 0) || 1;
        const percents = weights.map((w) => Math.floor((w * 100) / total));
        percents[percents.length - 1]! += 100 - percents.reduce((a, b) => a + b, 0);
        return percents;
      });
    const population = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(shares, population, fc.constantFrom('split', 'together'), (percents, values, ties) => {
        const tiers = {
          method: 'quota' as const,
          quota: { ties: ties as 'split' | 'together' },
          levels: percents.map((p, i) => ({ id: `t${i}`, share: `${p}%` })),
        };
        const ranked: Ranked[] = values.map((v, i) => ({ key: `c${i}`, rankValue: v, tieBreak: [] }));
        const levels = decideQuota(tiers, ranked).map((d) => (d.method === 'quota' ? d.level : -1));
        for (let a = 0; a < values.length; a++)
          for (let b = 0; b < values.length; b++)
            if (values[a]! > values[b]!) expect(levels[a]!).toBeLessThanOrEqual(levels[b]!);
        expect(lintPolicy(policyWith(tiers.levels, {}, tiers), NOWHERE).map((d) => d.code)).not.toContain(
          'TW0322',
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('tier order: bundled policies', () => {
  const dir = join(import.meta.dirname, '../../../policies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.tier.yaml'));

  it.each(files)('%s has no inversion', async (file) => {
    const result = await loadPolicy(join(dir, file));
    expect(result.policy, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(codes(result)).not.toContain('TW0322');
  });
});

const NOWHERE = { locate: () => ({}) };

/** The policy of a text that has lint errors (check keeps no policy then). */
function parse(text: string): Policy {
  const { document } = parsePolicy(text, 'p.tier.yaml');
  if (!document) throw new Error('policy does not parse');
  return document;
}

/** A policy object whose only concern is its tiers; the lint rule reads nothing else. */
function policyWith(levels: Level[], score: Policy['score'], tiers?: Policy['tiers']): Policy {
  return {
    apiVersion: 'tierwise/v1',
    kind: 'TierPolicy',
    metadata: { name: 'p', version: '1.0.0' },
    score,
    tiers: tiers ?? { method: 'thresholds', levels },
  } as Policy;
}
