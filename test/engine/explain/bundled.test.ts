import { beforeAll, describe, expect, it } from 'vitest';
import { chooseEvaluator } from '../../../src/compile/evaluate.js';
import type { CustomerResult } from '../../../src/engine/evaluate.js';
import { explainResult } from '../../../src/engine/explain/explain.js';
import { runEvaluation } from '../../../src/engine/run.js';
import { loadPolicy } from '../../../src/policy/load.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { untranslated } from '../../helpers/untranslated.js';

/**
 * The bundled policies' explanations of the bundled customers, one per tier method, with
 * classifiers and re-rating triggers: in Chinese nothing is left in English but the ids the
 * user wrote (customer keys, tier ids in brackets) and the values the data holds.
 */
const DATA = {
  customers: 'examples/data/customers.csv',
  transactions: 'examples/data/transactions.csv',
  asOf: '2026-11-01',
};

interface Explained {
  policy: Policy;
  results: CustomerResult[];
}

async function explained(file: string): Promise<Explained> {
  const { policy } = await loadPolicy(`policies/${file}`);
  const { evaluate } = chooseEvaluator(policy!);
  const run = await runEvaluation(policy!, { ...DATA, evaluate, explain: true });
  return { policy: policy!, results: sample(run.results) };
}

/** The first customers, and every one a trigger fired for or left without a tier: each kind of line. */
function sample(results: CustomerResult[]): CustomerResult[] {
  const triggered = results.filter((r) => r.triggers.length > 0).slice(0, 100);
  const special = results.filter((r) => r.tier === undefined || r.diagnostics.length > 0).slice(0, 100);
  return [...new Set([...results.slice(0, 200), ...triggered, ...special])];
}

/** The Latin words of the policy's Chinese labels: the user's own (RFM's R, F and M; A类). */
function labelWords(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(labelWords);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'zh-CN' && typeof v === 'string' ? (v.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []) : labelWords(v),
  );
}

/** What a reader may see in Latin letters: customer keys, tier ids beside labels, values of the data. */
function allowed({ policy, results }: Explained): string[] {
  return [
    ...results.map((r) => r.customer),
    ...(policy.tiers?.levels.map((l) => l.id) ?? []),
    ...labelWords(policy),
  ];
}

const POLICIES = [
  'seed004-scorecard.tier.yaml',
  'seed004-rfm.tier.yaml',
  'seed004-quota.tier.yaml',
  'seed001-five-levels.tier.yaml',
  'seed000-classifiers.tier.yaml',
];

describe('explanations of the bundled policies in Chinese', () => {
  const runs = new Map<string, Explained>();
  beforeAll(async () => {
    for (const file of POLICIES) runs.set(file, await explained(file));
  }, 120_000);

  for (const file of POLICIES) {
    it(`${file}: no English left`, () => {
      const run = runs.get(file)!;
      const text = run.results.map((r) => explainResult(run.policy, r, 'zh-CN').join('\n')).join('\n\n');
      expect(untranslated(text, allowed(run)).slice(0, 20)).toEqual([]);
      expect(text).toContain('定级依据：');
    });
  }

  it('speaks of every part: scores, move-up hints, classes and triggers by their labels', () => {
    const all = [...runs.values()].flatMap((run) =>
      run.results.flatMap((r) => explainResult(run.policy, r, 'zh-CN')),
    );
    for (const part of ['占总分', '升级条件：', '触发规则：', '生命周期：', '→ 加标记', '立即重评'])
      expect(all.some((line) => line.includes(part))).toBe(true);
    // a class by its label: growing → 成长型客户
    expect(all.some((line) => /^ {2}生命周期：成长型客户$/.test(line))).toBe(true);
    expect(all.some((line) => line.includes('growing'))).toBe(false);
  });

  it('decides by labels: a matrix cell by its bands, a criteria rule by its tier', () => {
    const matrix = runs.get('seed000-classifiers.tier.yaml')!;
    const c1 = matrix.results.find((r) => r.customer === 'C2012001')!;
    expect(explainResult(matrix.policy, c1, 'zh-CN')).toContain(
      '  定级依据：行 高（年消费 ≥ 20万）（500,605.88 CNY）× 列 高（订单增长 ≥ 10%）（11.1%）→ 核心价值客户（A类）',
    );
    expect(explainResult(matrix.policy, c1, 'en')).toContain(
      '  decided by: row High (≥ 200,000 CNY a year) (500,605.88 CNY) × column High (order growth ≥ 10%) (11.1%) → Core value (A)',
    );
  });

  it('masks personal data in every explanation', () => {
    const run = runs.get('seed000-classifiers.tier.yaml')!;
    const text = run.results
      .slice(0, 50)
      .flatMap((r) => [...explainResult(run.policy, r, 'zh-CN'), ...explainResult(run.policy, r, 'en')])
      .join('\n');
    expect(text).not.toMatch(/1[3-9]\d-\d{4}-\d{4}/);
  });
});
