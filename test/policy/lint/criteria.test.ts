import fc from 'fast-check';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { checkPolicyText } from '../../../src/policy/check.js';
import type { Condition } from '../../../src/policy/schema/condition.js';
import { positionOf, where } from '../../helpers/policy.js';

const COVERAGE_CODES = ['TW0314', 'TW0315', 'TW0316', 'TW0321'];

function coverage(text: string): Diagnostic[] {
  return checkPolicyText(text, 'x.tier.yaml').diagnostics.filter((d) => COVERAGE_CODES.includes(d.code));
}

/** `extra` holds top-level sections between facts and tiers (conditions, dimensions). */
function policy(facts: string, levels: string, extra = ''): string {
  return `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: criteria-test
  version: 1.0.0
facts:
${facts}${extra}tiers:
  method: criteria
  levels:
${levels}`;
}

const SPEND_FACTS = `  spend12m: { type: number, unit: CNY, min: 0 }
  purchasesPerMonth: { type: number, unit: orders/month, min: 0 }
`;

/**
 * Seed 001 taken literally. VIP is "年消费额超过50万" (over 500,000), so 500,000 itself is
 * Platinum's: "20万元至50万元之间" reads as 200,000 ≤ spend ≤ 500,000. Each lower band then starts
 * where it is named and stops below the band above (Gold 100,000 ≤ spend < 200,000, Silver 50,000
 * ≤ spend < 100,000, Regular "低于5万" < 50,000), so the spend bands tile [0, ∞) with no seam, and
 * "每月至少N次" is ≥ N. The only gaps left are the ones the seed really has: too few purchases.
 */
const SEED_001_LEVELS = `    - id: vip
      when:
        all:
          - { fact: spend12m, operator: greaterThan, value: 500000 }
          - { fact: purchasesPerMonth, operator: greaterThanInclusive, value: 1 }
    - id: platinum
      when:
        all:
          - { fact: spend12m, operator: greaterThanInclusive, value: 200000 }
          - { fact: spend12m, operator: lessThanInclusive, value: 500000 }
          - { fact: purchasesPerMonth, operator: greaterThanInclusive, value: 2 }
    - id: gold
      when:
        all:
          - { fact: spend12m, operator: greaterThanInclusive, value: 100000 }
          - { fact: spend12m, operator: lessThan, value: 200000 }
          - { fact: purchasesPerMonth, operator: greaterThanInclusive, value: 3 }
    - id: silver
      when:
        all:
          - { fact: spend12m, operator: greaterThanInclusive, value: 50000 }
          - { fact: spend12m, operator: lessThan, value: 100000 }
          - { fact: purchasesPerMonth, operator: greaterThanInclusive, value: 4 }
    - id: regular
      when:
        all:
          - { fact: spend12m, operator: lessThan, value: 50000 }
          - { fact: purchasesPerMonth, operator: greaterThanInclusive, value: 5 }
`;

describe('criteria coverage: gaps', () => {
  it('finds the customers seed 001 leaves without a tier, one region per spend band', () => {
    const text = policy(SPEND_FACTS, SEED_001_LEVELS);
    const found = coverage(text);
    expect(found.map((d) => d.code)).toEqual(['TW0314', 'TW0314', 'TW0314', 'TW0314', 'TW0314']);
    expect(found.map((d) => d.message)).toEqual([
      'no tier matches customers with spend12m < 50,000 CNY and purchasesPerMonth < 5 orders/month, e.g. spend12m = 30,000 CNY and purchasesPerMonth = 3 orders/month',
      'no tier matches customers with spend12m ≥ 50,000 and < 100,000 CNY and purchasesPerMonth < 4 orders/month, e.g. spend12m = 80,000 CNY and purchasesPerMonth = 2 orders/month',
      'no tier matches customers with spend12m ≥ 100,000 and < 200,000 CNY and purchasesPerMonth < 3 orders/month, e.g. spend12m = 150,000 CNY and purchasesPerMonth = 2 orders/month',
      'no tier matches customers with spend12m ≥ 200,000 and ≤ 500,000 CNY and purchasesPerMonth < 2 orders/month, e.g. spend12m = 400,000 CNY and purchasesPerMonth = 1 orders/month',
      'no tier matches customers with spend12m > 500,000 CNY and purchasesPerMonth < 1 orders/month, e.g. spend12m = 600,000 CNY and purchasesPerMonth = 0.5 orders/month',
    ]);
    expect(found[0]!.example).toEqual({ spend12m: 30000, purchasesPerMonth: 3 });
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.pointer).toBe('/tiers/levels');
    expect(where(found[0]!)).toBe('11:3');
    expect(where(found[0]!)).toBe(positionOf(text, 'levels:'));
  });

  it('reports nothing for tiers that cover every customer', () => {
    const levels = `    - id: gold
      when: { fact: spend12m, operator: greaterThanInclusive, value: 100000 }
    - id: silver
      when:
        all:
          - { fact: spend12m, operator: greaterThanInclusive, value: 50000 }
          - { fact: spend12m, operator: lessThan, value: 100000 }
    - id: regular
      when: { any: [ { fact: spend12m, operator: lessThan, value: 50000 } ] }
`;
    expect(coverage(policy(SPEND_FACTS, levels))).toEqual([]);
  });

  it('leaves everything to an otherwise level without reporting it as an overlap', () => {
    const levels = `    - id: vip
      when: { fact: spend12m, operator: greaterThan, value: 500000 }
    - id: regular
      otherwise: true
`;
    expect(coverage(policy(SPEND_FACTS, levels))).toEqual([]);
  });

  it('reports a gap that falls between two constants on the real line', () => {
    const facts = '  orders: { type: number, min: 0 }\n';
    const levels = `    - id: many
      when: { fact: orders, operator: greaterThanInclusive, value: 3 }
    - id: few
      when: { fact: orders, operator: lessThanInclusive, value: 2 }
`;
    const found = coverage(policy(facts, levels));
    expect(found.map((d) => d.message)).toEqual([
      'no tier matches customers with orders > 2 and < 3, e.g. orders = 2.5',
    ]);
    expect(found[0]!.example).toEqual({ orders: 2.5 });
  });

  it('does not report a gap between integers for an integer fact', () => {
    const facts = '  orders: { type: integer, unit: orders, min: 0 }\n';
    const levels = `    - id: many
      when: { fact: orders, operator: greaterThanInclusive, value: 3 }
    - id: few
      when: { fact: orders, operator: lessThanInclusive, value: 2.5 }
`;
    expect(coverage(policy(facts, levels))).toEqual([]);
  });

  it('names enum and boolean values, and merges values that share a gap', () => {
    const facts = `  segment: { type: enum, values: [retail, wholesale, online] }
  active: { type: boolean }
`;
    const levels = `    - id: core
      when:
        all:
          - { fact: segment, operator: in, value: [retail, wholesale] }
          - { fact: active, operator: equal, value: true }
    - id: web
      when: { fact: segment, operator: equal, value: online }
`;
    const found = coverage(policy(facts, levels));
    expect(found.map((d) => d.message)).toEqual([
      'no tier matches customers with segment in ("retail", "wholesale") and active = false, e.g. segment = "retail" and active = false',
    ]);
    expect(found[0]!.example).toEqual({ segment: 'retail', active: false });
  });

  it('stands for every other text of a string fact with one value', () => {
    const facts = '  channel: { type: string }\n';
    const levels = `    - id: web
      when: { fact: channel, operator: equal, value: web }
    - id: shop
      when: { fact: channel, operator: in, value: [shop, other] }
`;
    const found = coverage(policy(facts, levels));
    expect(found.map((d) => d.message)).toEqual([
      'no tier matches customers with channel not in ("web", "shop", "other"), e.g. channel = "other2"',
    ]);
    expect(found[0]!.help).toContain('otherwise: true');
  });

  it('judges the score on the values its rounding leaves', () => {
    const dimensions = `dimensions:
  value:
    weight: 100
    metrics:
      spend12m: { weight: 100, score: { linear: { from: 0, to: 500000 } } }
`;
    const levels = (below: number) => `    - id: vip
      when: { fact: score, operator: greaterThanInclusive, value: 90 }
    - id: key
      when: { fact: score, operator: lessThan, value: ${below} }
`;
    expect(coverage(policy(SPEND_FACTS, levels(89.5), dimensions))).toEqual([]);
    expect(coverage(policy(SPEND_FACTS, levels(89), dimensions)).map((d) => d.message)).toEqual([
      'no tier matches a customer with score = 89 points',
    ]);
  });

  it('follows named conditions and shows a single case as one customer', () => {
    const facts = '  active: { type: boolean }\n';
    const conditions = `conditions:
  isActive: { fact: active, operator: equal, value: true }
`;
    const levels = `    - id: core
      when: { condition: isActive }
`;
    const found = coverage(policy(facts, levels, conditions));
    expect(found.map((d) => d.message)).toEqual(['no tier matches a customer with active = false']);
  });
});

describe('criteria coverage: overlaps and reachability', () => {
  it('notes customers two tiers match, at the later tier, with an example', () => {
    const levels = `    - id: vip
      when: { fact: spend12m, operator: greaterThan, value: 500000 }
    - id: gold
      when: { fact: spend12m, operator: greaterThanInclusive, value: 100000 }
    - id: regular
      otherwise: true
`;
    const text = policy(SPEND_FACTS, levels);
    const found = coverage(text);
    expect(found.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'TW0315',
        'info',
        "tier 'gold' also matches customers that tier 'vip' takes first, e.g. spend12m = 600,000 CNY",
      ],
    ]);
    expect(found[0]!.pointer).toBe('/tiers/levels/1/when');
    expect(where(found[0]!)).toBe(positionOf(text, '{ fact: spend12m, operator: greaterThanInclusive'));
    expect(found[0]!.example).toEqual({ spend12m: 600000 });
  });

  it('reports a tier that earlier tiers shadow completely', () => {
    const levels = `    - id: gold
      when: { fact: spend12m, operator: greaterThanInclusive, value: 100000 }
    - id: platinum
      when: { fact: spend12m, operator: greaterThanInclusive, value: 200000 }
    - id: regular
      otherwise: true
`;
    const text = policy(SPEND_FACTS, levels);
    const found = coverage(text);
    expect(found.map((d) => [d.code, d.message])).toEqual([
      [
        'TW0316',
        "tier 'platinum' can never be reached: every customer it matches is taken first by tier 'gold', e.g. spend12m = 200,000 CNY",
      ],
    ]);
    expect(found[0]!.pointer).toBe('/tiers/levels/1');
    expect(where(found[0]!)).toBe(positionOf(text, 'id: platinum'));
  });

  it('reports a tier whose condition no customer satisfies', () => {
    const levels = `    - id: odd
      when:
        all:
          - { fact: spend12m, operator: greaterThan, value: 10 }
          - { fact: spend12m, operator: lessThan, value: 5 }
    - id: regular
      otherwise: true
`;
    const found = coverage(policy(SPEND_FACTS, levels));
    expect(found.map((d) => d.message)).toEqual([
      "tier 'odd' can never be reached: no customer satisfies its condition",
    ]);
  });

  it('reports an otherwise level the tiers above leave nobody to', () => {
    const levels = `    - id: high
      when: { fact: spend12m, operator: greaterThanInclusive, value: 1000 }
    - id: low
      when: { fact: spend12m, operator: lessThan, value: 1000 }
    - id: rest
      otherwise: true
`;
    const found = coverage(policy(SPEND_FACTS, levels));
    expect(found.map((d) => d.message)).toEqual([
      "tier 'rest' can never be reached: the tiers above it take every customer",
    ]);
  });
});

describe('criteria coverage: limits', () => {
  it('does not guess when a tier compares two facts', () => {
    const levels = `    - id: loyal
      when:
        all:
          - { fact: purchasesPerMonth, operator: greaterThan, value: 2 }
          - { fact: spend12m, operator: greaterThan, value: { fact: purchasesPerMonth } }
`;
    const text = policy(SPEND_FACTS, levels);
    const found = coverage(text);
    expect(found.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'TW0321',
        'warning',
        "gaps and overlaps between the criteria tiers were not checked, because tier 'loyal' compares 'spend12m' with another fact ('purchasesPerMonth')",
      ],
    ]);
    expect(found[0]!.pointer).toBe('/tiers/levels/0/when/all/1');
  });

  it('says so when the cases are too many to enumerate, and still reports the gaps it sampled', () => {
    const values = Array.from({ length: 35 }, (_, i) => i * 10).join(', ');
    const facts = ['a', 'b', 'c'].map((f) => `  ${f}: { type: number, min: 0 }\n`).join('');
    const levels = `    - id: grid
      when:
        all:
${['a', 'b', 'c'].map((f) => `          - { fact: ${f}, operator: in, value: [${values}] }\n`).join('')}`;
    const found = coverage(policy(facts, levels));
    const cutShort = found.filter((d) => d.code === 'TW0321');
    expect(cutShort).toHaveLength(1);
    expect(cutShort[0]!.message).toMatch(/^coverage analysis was cut short: .* more than 200,000 cases/);
    const gaps = found.filter((d) => d.code === 'TW0314');
    expect(gaps).toHaveLength(5);
    expect(gaps[4]!.help).toContain('more gaps');
    expect(found.some((d) => d.code === 'TW0316')).toBe(false);
  });
});

// The reference semantics: json-rules-engine decides which levels a customer matches.

type Customer = Record<string, number | string | boolean>;

interface GeneratedLevel {
  id: string;
  when?: Condition;
  otherwise?: true;
}

interface GeneratedPolicy {
  conditions: Record<string, Condition>;
  levels: GeneratedLevel[];
}

const FACTS = {
  spend: { type: 'number', min: 0 },
  visits: { type: 'integer', min: 0 },
  segment: { type: 'enum', values: ['a', 'b', 'c'] },
  channel: { type: 'string' },
  active: { type: 'boolean' },
};

const half = (max: number) => fc.integer({ min: 0, max: 2 * max }).map((n) => n / 2);
const ORDER = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

function numericLeaf(fact: string, constant: fc.Arbitrary<number>): fc.Arbitrary<Condition> {
  return fc.oneof(
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom(...ORDER, 'equal', 'notEqual'),
      value: constant,
    }),
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom('in' as const, 'notIn' as const),
      value: fc.array(constant, { minLength: 1, maxLength: 3 }),
    }),
  );
}

function categoryLeaf(fact: string, values: readonly (string | boolean)[]): fc.Arbitrary<Condition> {
  return fc.oneof(
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom('equal' as const, 'notEqual' as const),
      value: fc.constantFrom(...values),
    }),
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom('in' as const, 'notIn' as const),
      value: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }),
    }),
  );
}

const leaf = fc.oneof(
  numericLeaf('spend', half(10)),
  numericLeaf('visits', half(5)),
  categoryLeaf('segment', ['a', 'b', 'c']),
  categoryLeaf('channel', ['web', 'shop']),
  categoryLeaf('active', [true, false]),
);

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 2, depthSize: 'small' },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));

const generatedPolicy: fc.Arbitrary<GeneratedPolicy> = fc
  .record({
    shared: condition,
    whens: fc.array(fc.oneof({ weight: 4, arbitrary: condition }, fc.constant({ condition: 'shared' })), {
      minLength: 1,
      maxLength: 4,
    }),
    otherwise: fc.boolean(),
  })
  .map(({ shared, whens, otherwise }) => ({
    conditions: { shared },
    levels: [
      ...whens.map((when, i) => ({ id: `t${i}`, when })),
      ...(otherwise ? [{ id: 'rest', otherwise: true as const }] : []),
    ],
  }));

const customer: fc.Arbitrary<Customer> = fc.record({
  spend: fc.oneof(half(12), fc.double({ min: 0, max: 12, noNaN: true })),
  visits: fc.integer({ min: 0, max: 7 }),
  segment: fc.constantFrom('a', 'b', 'c'),
  channel: fc.constantFrom('web', 'shop', 'mail', 'other'),
  active: fc.boolean(),
});

const ANY_CUSTOMER: Customer = { spend: 0, visits: 0, segment: 'a', channel: 'web', active: true };

function policyText(p: GeneratedPolicy): string {
  return stringify({
    apiVersion: 'tierwise/v1',
    kind: 'TierPolicy',
    metadata: { name: 'generated', version: '1.0.0' },
    facts: FACTS,
    conditions: p.conditions,
    tiers: { method: 'criteria', levels: p.levels },
  });
}

/** json-rules-engine wants a group (or a reference) at the top, as the engine layer will give it. */
function topLevel(c: Condition): TopLevelCondition {
  return (c.fact !== undefined ? { all: [c] } : c) as TopLevelCondition;
}

/** The levels a customer matches, by json-rules-engine. */
async function matches(p: GeneratedPolicy, who: Customer): Promise<number[]> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, c] of Object.entries(p.conditions)) engine.setCondition(name, topLevel(c));
  p.levels.forEach((level, i) => {
    if (level.when) engine.addRule({ conditions: topLevel(level.when), event: { type: String(i) } });
  });
  const { events } = await engine.run({ ...ANY_CUSTOMER, ...who });
  const matched = new Set(events.map((e) => Number(e.type)));
  p.levels.forEach((level, i) => {
    if (level.otherwise) matched.add(i);
  });
  return [...matched].sort((a, b) => a - b);
}

function levelOf(d: Diagnostic): number {
  return Number(/^\/tiers\/levels\/(\d+)/.exec(d.pointer ?? '')![1]);
}

describe('criteria coverage agrees with json-rules-engine', () => {
  it('on random policies and customers', async () => {
    await fc.assert(
      fc.asyncProperty(
        generatedPolicy,
        fc.array(customer, { minLength: 1, maxLength: 8 }),
        async (p, customers) => {
          const found = coverage(policyText(p));
          expect(found.filter((d) => d.code === 'TW0321')).toEqual([]);
          const gaps = found.filter((d) => d.code === 'TW0314');
          for (const gap of gaps) expect(await matches(p, gap.example as Customer)).toEqual([]);
          for (const overlap of found.filter((d) => d.code === 'TW0315')) {
            const matched = await matches(p, overlap.example as Customer);
            expect(matched).toContain(levelOf(overlap));
            expect(matched[0]).toBeLessThan(levelOf(overlap));
          }
          const unreachable = found.filter((d) => d.code === 'TW0316').map(levelOf);
          for (const who of customers) {
            const matched = await matches(p, who);
            if (gaps.length === 0) expect(matched.length, JSON.stringify(who)).toBeGreaterThan(0);
            if (matched.length > 0) expect(unreachable).not.toContain(matched[0]);
          }
        },
      ),
      { seed: 20261123, numRuns: 150 },
    );
  });
});
