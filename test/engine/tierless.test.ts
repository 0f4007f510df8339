import { describe, expect, it } from 'vitest';
import { compileBatch } from '../../src/compile/batch.js';
import { compilePolicy } from '../../src/compile/policy.js';
import { tierDistribution } from '../../src/engine/distribution.js';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { render } from '../../src/i18n/text.js';
import { tiersNeeded } from '../../src/simulate/needs-tiers.js';
import { VALID } from '../helpers/policy.js';
import { policyOf } from '../report/facts-fixtures.js';

/** VALID without its tiers, with a classifier: facts, a score and classes, and no one tiered. */
const TIERLESS = policyOf(
  `${VALID.slice(0, VALID.indexOf('tiers:\n'))}classifiers:
  size:
    rules:
      - { id: big, when: { fact: spend12m, operator: greaterThanInclusive, value: 100000 } }
    otherwise: { id: small }
`,
);

const CUSTOMERS = [
  { id: 'A', facts: { customerId: 'A', spend12m: 400000, orders12m: 20, industry: 'high' }, row: 2 },
  { id: 'B', facts: { customerId: 'B', spend12m: 5000, orders12m: 1, industry: 'low' }, row: 3 },
  // Unscorable (no spend): still evaluated, still classified.
  { id: 'C', facts: { customerId: 'C', orders12m: 1, industry: 'low' }, row: 4 },
];

describe('a policy without tiers', () => {
  it('is evaluated by the reference: scores and classes, no tier, no per-customer finding', async () => {
    const results = await new ReferenceEvaluator(TIERLESS).evaluate(CUSTOMERS);
    expect(results.map((r) => [r.customer, r.tier, r.score, r.classes.size])).toEqual([
      ['A', undefined, 92, ['big']],
      ['B', undefined, 12, ['small']],
      ['C', undefined, undefined, ['small']],
    ]);
    expect(results.flatMap((r) => r.diagnostics.map((d) => d.code))).not.toContain('TW0702');
    expect(results[0]!.decision.method).toBe('none');
    const reason = results[0]!.decision.method === 'none' ? results[0]!.decision.reason : undefined;
    expect(render('en', reason!)).toBe('the policy has no tiers');
  });

  it('gets the same results from the compiled path', async () => {
    const reference = await new ReferenceEvaluator(TIERLESS).evaluate(CUSTOMERS);
    const compiled = compilePolicy(TIERLESS).evaluate(CUSTOMERS);
    expect(compiled.map((r) => [r.customer, r.tier, r.score, r.classes, r.decision])).toEqual(
      reference.map((r) => [r.customer, r.tier, r.score, r.classes, r.decision]),
    );
    expect(compiled.flatMap((r) => r.diagnostics.map((d) => d.code))).toEqual(
      reference.flatMap((r) => r.diagnostics.map((d) => d.code)),
    );
  });

  it('leaves no one untiered in the distribution, so no run fails for it', async () => {
    const results = await new ReferenceEvaluator(TIERLESS).evaluate(CUSTOMERS);
    const distribution = tierDistribution(TIERLESS, results);
    expect(distribution).toMatchObject({ customers: 3, untiered: 0, untieredCauses: [], tiers: [] });
  });

  it('runs in the batch form with every customer at no tier', () => {
    const batch = compileBatch(TIERLESS).run({
      length: 1,
      keys: ['A'],
      facts: { spend12m: [400000], orders12m: [20], industry: ['high'] },
    });
    expect([...batch.tier]).toEqual([-1]);
    expect([...batch.score]).toEqual([92]);
  });

  it('is refused by the commands that compare tiers (TW0320), and accepted when it has tiers', () => {
    expect(tiersNeeded(TIERLESS, 'simulate')?.code).toBe('TW0320');
    expect(tiersNeeded(policyOf(VALID), 'simulate')).toBeUndefined();
  });
});
