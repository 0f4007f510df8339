import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/facts/customers.js';
import { requiredFacts } from '../../src/facts/requirements.js';
import { checkPolicyText } from '../../src/policy/check.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { evaluatePopulation } from '../../src/simulate/population.js';

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: needs, version: 1.0.0, labels: { zh-CN: 需求, en: Needs } }
facts:
  id: { type: string, key: true, column: 客户编号 }
  spend12m: { type: number, unit: CNY, min: 0, column: 消费 }
  nps: { type: number, min: -100, max: 100, column: NPS }
  region: { type: string, column: 区域 }
  orders12m: { type: integer, min: 0, from: transactions, aggregate: count, window: P12M }
sources:
  transactions: { customer: 客户编号, date: 日期, fields: { amount: { column: 金额 } } }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 50, score: { linear: { from: 0, to: 100000 } } }
      nps: { weight: 25, score: { linear: { from: -100, to: 100 } }, missing: exclude }
      orders12m: { weight: 25, score: { linear: { from: 0, to: 12 } }, missing: { points: 0 } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP, en: VIP }, minScore: 80, when: { all: [ { fact: region, operator: equal, value: 华东 } ] } }
    - { id: watch, label: { zh-CN: 观察, en: Watch } }
`;

function policy(text = POLICY): Policy {
  const checked = checkPolicyText(text.replace(/, when: \{[^\n]*\} \] \}/, ''), 'needs.tier.yaml');
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.policy!;
}

const dir = mkdtempSync(join(tmpdir(), 'tierwise-needs-'));
function csv(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('requiredFacts', () => {
  it('names the key and the facts the score cannot do without, and why', () => {
    const needed = requiredFacts(policy());
    expect(Object.fromEntries(needed)).toEqual({
      id: { kind: 'key' },
      spend12m: { kind: 'metric', metric: 'value.spend12m' },
    });
  });

  it('lets a default stand in for a missing fact', () => {
    const needed = requiredFacts(policy(POLICY.replace('column: 消费 }', 'column: 消费, default: 0 }')));
    expect(needed.has('spend12m')).toBe(false);
  });
});

describe('a file that cannot tier anyone fails before any row is read', () => {
  it('refuses a customer file without a column the score needs (every path)', async () => {
    const file = csv('no-spend.csv', '客户编号,NPS,区域\nC1,10,华东\n');
    const loaded = await loadCustomers(policy(), { customers: file });
    expect(loaded.failed).toBe(true);
    expect(loaded.customers).toEqual([]);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'TW0602',
        severity: 'error',
        message: expect.stringContaining("'消费'"),
      }),
    );
    const population = await evaluatePopulation(policy(), { customers: file });
    expect(population.failed).toBe(true);
    expect(population.evaluated).toBe(0);
  });

  it('only warns about a column the tiers can do without', async () => {
    const file = csv('no-nps.csv', '客户编号,消费,区域\nC1,100000,华东\n');
    const loaded = await loadCustomers(policy(), { customers: file });
    expect(loaded.failed).toBe(false);
    expect(loaded.customers).toHaveLength(1);
    expect(loaded.diagnostics.map((d) => [d.code, d.severity])).toContainEqual(['TW0602', 'warning']);
  });

  it('refuses a missing transaction log only when a needed fact comes from it', async () => {
    const file = csv('full.csv', '客户编号,消费,NPS,区域\nC1,100000,10,华东\n');
    // orders12m has a missing-value rule: the log is missed, not needed.
    const optional = await loadCustomers(policy(), { customers: file });
    expect(optional.failed).toBe(false);
    expect(optional.diagnostics).toMatchObject([{ code: 'TW0602', severity: 'warning' }]);
    const strict = policy(POLICY.replace(', missing: { points: 0 } }', ' }'));
    const loaded = await loadCustomers(strict, { customers: file });
    expect(loaded.failed).toBe(true);
    expect(loaded.diagnostics[0]?.message).toContain("metric 'value.orders12m'");
    const population = await evaluatePopulation(strict, { customers: file });
    expect(population.failed).toBe(true);
    expect(population.diagnostics[0]?.code).toBe('TW0602');
  });

  it('refuses a transaction log without the field a needed fact sums', async () => {
    const file = csv('c.csv', '客户编号,消费,NPS,区域\nC1,100000,10,华东\n');
    const sums = policy(
      POLICY.replace(
        'aggregate: count, window: P12M }',
        'aggregate: sum, of: amount, window: P12M }',
      ).replace(', missing: { points: 0 } }', ' }'),
    );
    const log = csv('t.csv', '客户编号,日期,数量\nC1,2026-10-01,3\n');
    const loaded = await loadCustomers(sums, { customers: file, transactions: log, asOf: '2026-11-01' });
    expect(loaded.failed).toBe(true);
    expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ code: 'TW0602', severity: 'error' }));
  });
});
