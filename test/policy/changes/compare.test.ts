import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../../src/policy/changes/compare.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { check, edit, VALID } from '../../helpers/policy.js';

function policy(text: string): Policy {
  const checked = check(text);
  if (!checked.policy) throw new Error(JSON.stringify(checked.diagnostics, null, 2));
  return checked.policy;
}

/** The changes from VALID to VALID with one edit, as "kind: message". */
function changesAfter(...edits: [from: string, to: string][]): string[] {
  const after = edits.reduce((text, [from, to]) => edit(text, from, to), VALID);
  return comparePolicies(policy(VALID), policy(after)).changes.map((c) => `${c.kind}: ${c.message}`);
}

const CRITERIA = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: criteria, version: 1.0.0, labels: { zh-CN: 条件, en: Criteria } }
facts:
  customerId: { type: string, key: true }
  contact: { type: string, pii: true }
  orders: { type: integer, min: 0 }
tiers:
  method: criteria
  levels:
    - id: named
      label: { zh-CN: 指定, en: Named }
      when: { fact: contact, operator: equal, value: 张三丰 }
    - id: active
      label: { zh-CN: 活跃, en: Active }
      when: { fact: orders, operator: greaterThanInclusive, value: 5 }
    - { id: rest, label: { zh-CN: 其他, en: Rest }, otherwise: true }
classifiers:
  stage:
    label: { zh-CN: 阶段, en: Stage }
    rules: [{ id: busy, label: { zh-CN: 忙, en: Busy }, when: { fact: orders, operator: greaterThan, value: 10 } }]
`;

describe('comparePolicies: what each change asks of the version', () => {
  it('finds nothing between a policy and itself, whatever its version says', () => {
    const report = comparePolicies(policy(VALID), policy(edit(VALID, 'version: 1.0.0', 'version: 9.0.0')));
    expect(report).toEqual({ level: 'none', changes: [] });
  });

  it('a threshold is minor, and says which tier, what and from → to', () => {
    const report = comparePolicies(policy(VALID), policy(edit(VALID, 'minScore: 90', 'minScore: 85')));
    expect(report.level).toBe('minor');
    expect(report.changes).toEqual([
      {
        kind: 'minor',
        pointer: '/tiers/levels/0/minScore',
        oldPointer: '/tiers/levels/0/minScore',
        message: 'tier vip: minScore 90 → 85',
        old: 90,
        new: 85,
      },
    ]);
  });

  it('weights, scoring bands, SLA and entitlements are minor', () => {
    expect(
      changesAfter(
        ['weight: 70', 'weight: 60'],
        ['weight: 30', 'weight: 40'],
        ['{ below: 3, points: 20 }', '{ below: 4, points: 20 }'],
        ['response: { within: PT4H }', 'response: { within: PT2H }'],
        ["discountQuota: '10%'", "discountQuota: '12%'"],
      ),
    ).toEqual([
      'minor: dimension value: weight 70 → 60',
      'minor: dimension value, metric orders12m: score.bands[0].below 3 → 4',
      'minor: dimension potential: weight 30 → 40',
      'minor: tier vip: sla.response.within PT4H → PT2H',
      'minor: tier vip: entitlements.discountQuota 10% → 12%',
    ]);
  });

  it('labels, descriptions and the owner are patch', () => {
    expect(
      changesAfter(
        ['label: { zh-CN: VIP客户, en: VIP }', 'label: { zh-CN: VIP客户, en: VIP customer }'],
        [
          'labels: { zh-CN: 测试策略, en: Test policy }',
          'labels: { zh-CN: 测试策略, en: Test policy }\n  owner: crm-team',
        ],
        ['industry: { type: enum', 'industry: { description: sector of the customer, type: enum'],
      ),
    ).toEqual([
      'patch: metadata: owner added: crm-team',
      'patch: fact industry: description added: sector of the customer',
      'patch: tier vip: label.en VIP → VIP customer',
    ]);
  });

  it('a renamed tier is a removal and an addition, reported together as major', () => {
    const report = comparePolicies(policy(VALID), policy(edit(VALID, 'id: key\n', 'id: important\n')));
    expect(report.changes).toMatchObject([
      {
        kind: 'major',
        message: 'removed tier key, added tier important (a rename is major)',
        pointer: '/tiers/levels/1',
        oldPointer: '/tiers/levels/1',
      },
    ]);
  });

  it('a removed tier, reordered tiers and a changed method are major', () => {
    const removed = VALID.replace(/ {4}- id: key\n(?: {6}.*\n)+/, '');
    expect(comparePolicies(policy(VALID), policy(removed)).changes).toMatchObject([
      { kind: 'major', message: 'removed tier key', pointer: '/tiers/levels', oldPointer: '/tiers/levels/1' },
    ]);
    const quota = edit(
      edit(
        edit(edit(VALID, 'method: thresholds', 'method: quota'), 'minScore: 90', "share: '10%'"),
        'minScore: 70',
        "share: '30%'",
      ),
      'sla: { response: { within: PT24H } }',
      "share: '60%'\n      sla: { response: { within: PT24H } }",
    );
    expect(
      comparePolicies(policy(VALID), policy(quota)).changes.map((c) => `${c.kind}: ${c.message}`),
    ).toEqual([
      'major: tiers: method thresholds → quota',
      'minor: tier vip: minScore removed (was 90)',
      'minor: tier vip: share added: 10%',
      'minor: tier key: minScore removed (was 70)',
      'minor: tier key: share added: 30%',
      'minor: tier standard: share added: 60%',
    ]);
  });

  it('reordering tiers is major even when nothing else changes', () => {
    const before = policy(CRITERIA);
    const swapped = structuredClone(before);
    swapped.tiers!.levels = [before.tiers!.levels[1]!, before.tiers!.levels[0]!, before.tiers!.levels[2]!];
    expect(comparePolicies(before, swapped).changes).toMatchObject([
      { kind: 'major', message: 'tiers: levels reordered: named, active, rest → active, named, rest' },
    ]);
  });

  it('facts: removed, renamed, type changed or newly required are major; a new optional fact is minor', () => {
    expect(
      changesAfter([
        '  industry: { type: enum, values: [high, medium, low] }\n',
        '  industry: { type: enum, values: [high, medium, low] }\n  region: { type: string }\n',
      ]),
    ).toEqual(['minor: added fact region']);
    expect(
      changesAfter([
        '  industry: { type: enum, values: [high, medium, low] }\n',
        '  industry: { type: enum, values: [high, medium, low] }\n  region: { type: string, required: true }\n',
      ]),
    ).toEqual(['major: added fact region']);
    expect(changesAfter(['orders12m: { type: integer', 'orders12m: { type: number'])).toEqual([
      'major: fact orders12m: type integer → number',
    ]);
    expect(
      changesAfter(
        ['values: [high, medium, low]', 'values: [high, medium, low, none]'],
        ['low: 20', 'low: 20, none: 0'],
      ),
    ).toEqual([
      'minor: fact industry: values ["high","medium","low"] → ["high","medium","low","none"]',
      'minor: dimension potential, metric industry: score.categories.none added: 0',
    ]);
    expect(
      changesAfter(
        ['values: [high, medium, low]', 'values: [high, medium, lowest]'],
        ['low: 20', 'lowest: 20'],
      ),
    ).toEqual([
      'major: fact industry: values ["high","medium","low"] → ["high","medium","lowest"]',
      'minor: dimension potential, metric industry: score.categories.low removed (was 20)',
      'minor: dimension potential, metric industry: score.categories.lowest added: 20',
    ]);
  });

  it('a renamed fact says it is a removal and an addition', () => {
    const before = policy(CRITERIA);
    const after = structuredClone(before);
    const facts = after.facts!;
    after.facts = { customerId: facts.customerId!, contact: facts.contact!, orderCount: facts.orders! };
    expect(comparePolicies(before, after).changes.map((c) => `${c.kind}: ${c.message}`)).toEqual([
      'major: removed fact orders, added fact orderCount (a rename is major)',
    ]);
  });

  it('criteria conditions are minor and mask personal data they compare with', () => {
    const after = edit(edit(CRITERIA, 'value: 张三丰', 'value: 李四'), 'value: 5 }', 'value: 6 }');
    const report = comparePolicies(policy(CRITERIA), policy(after));
    expect(report.changes.map((c) => `${c.kind}: ${c.message}`)).toEqual([
      'minor: tier named: when.value 张** → 李*',
      'minor: tier active: when.value 5 → 6',
    ]);
    expect(JSON.stringify(report)).not.toMatch(/张三丰|李四/);
  });

  it('classifiers and re-rating are minor, a removed classifier is major', () => {
    const rerating = `${CRITERIA}rerating:\n  every: { default: P6M }\n`;
    expect(
      comparePolicies(policy(CRITERIA), policy(edit(rerating, 'value: 10 }', 'value: 12 }'))).changes.map(
        (c) => `${c.kind}: ${c.message}`,
      ),
    ).toEqual([
      'minor: classifier stage, rule busy: when.value 10 → 12',
      'minor: re-rating added: {"every":{"default":"P6M"}}',
    ]);
    const removed = CRITERIA.slice(0, CRITERIA.indexOf('classifiers:'));
    const [change, ...rest] = comparePolicies(policy(CRITERIA), policy(removed)).changes;
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ kind: 'major', pointer: '', oldPointer: '/classifiers' });
    expect(change!.message).toMatch(/^classifiers removed \(was \{"stage":/);
  });

  it('the policy id is major', () => {
    expect(changesAfter(['name: test-policy', 'name: other-policy'])).toEqual([
      'major: metadata: name test-policy → other-policy',
    ]);
  });
});
