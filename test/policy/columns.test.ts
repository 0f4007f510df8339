import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/facts/customers.js';
import { checkPolicyText } from '../../src/policy/check.js';
import { factColumn } from '../../src/policy/columns.js';

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: ctor, version: 1.0.0, labels: { en: Ctor, zh-CN: 构造 } }
facts:
  customerId: { type: string, key: true, column: id }
  constructor: { type: number, column: spend }
  toString: { type: number }
sources:
  customers:
    columns: { customerId: id }
dimensions:
  value:
    weight: 100
    metrics:
      constructor: { weight: 100, score: { linear: { from: 0, to: 100 } } }
tiers:
  method: thresholds
  levels:
    - { id: gold, label: { en: Gold, zh-CN: 金卡 }, minScore: 50 }
    - { id: basic, label: { en: Basic, zh-CN: 普通 } }
`;

describe('the column of a fact', () => {
  it('is never a property every object inherits, whatever the fact is called', async () => {
    const { policy, diagnostics } = checkPolicyText(POLICY, 'ctor.tier.yaml');
    expect(policy, JSON.stringify(diagnostics)).toBeDefined();
    const fact = (id: string) => policy!.facts![id]!;
    expect(factColumn(policy!, 'constructor', fact('constructor'))).toBe('spend');
    expect(factColumn(policy!, 'toString', fact('toString'))).toBe('toString');
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-columns-'));
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,spend,toString\nA,80,1\nB,10,2\n');
    // This threw (an internal error of eval) while columns.constructor read Object's constructor.
    const loaded = await loadCustomers(policy!, { customers });
    expect(loaded.customers.map((c) => [c.id, c.facts.constructor, c.facts.toString])).toEqual([
      ['A', 80, 1],
      ['B', 10, 2],
    ]);
  });
});
