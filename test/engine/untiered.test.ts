import { describe, expect, it } from 'vitest';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { UntieredTally } from '../../src/engine/untiered.js';
import { HEADER_TEXT, policyOf } from './policies.js';

const CRITERIA = `${HEADER_TEXT}facts:
  id: { type: string, key: true }
  spend: { type: number, unit: CNY }
  orders: { type: integer }
conditions:
  busy: { all: [ { fact: orders, operator: greaterThanInclusive, value: 10 } ] }
tiers:
  method: criteria
  levels:
    - id: vip
      label: { zh-CN: VIP, en: VIP }
      when: { all: [ { fact: spend, operator: greaterThanInclusive, value: 100000 }, { condition: busy } ] }
    - id: regular
      label: { zh-CN: 普通, en: Regular }
      when: { all: [ { fact: spend, operator: greaterThanInclusive, value: 1000 } ] }
`;

describe('why customers went without a tier', () => {
  it('blames the values a criteria rule reads when they are missing, a gap in the policy otherwise', async () => {
    const policy = policyOf(CRITERIA);
    const customers = [
      { id: 'C1', facts: { id: 'C1', spend: 500, orders: 3 } },
      { id: 'C2', facts: { id: 'C2', orders: 3 } },
      { id: 'C3', facts: { id: 'C3', spend: '', orders: null } },
      { id: 'C4', facts: { id: 'C4', spend: 2000, orders: 1 } },
    ];
    const results = await new ReferenceEvaluator(policy).evaluate(customers);
    const tally = new UntieredTally(policy);
    for (const [i, result] of results.entries()) tally.add(result, customers[i]!.facts);
    expect(tally.causes()).toEqual([
      { kind: 'no-match', facts: [], customers: 1, example: 'C1' },
      { kind: 'missing', facts: ['spend'], customers: 1, example: 'C2' },
      // `orders` is read through the named condition `busy`
      { kind: 'missing', facts: ['orders', 'spend'], customers: 1, example: 'C3' },
    ]);
  });
});
