import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Three tiers on one linear metric: gold ≥ 80, silver ≥ 50, bronze the rest; no bands, so coverage is the tiers. */
export const TINY_POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: tiny, version: 1.0.0, labels: { zh-CN: 小测试, en: Tiny } }
facts:
  customerId: { type: string, key: true, label: { zh-CN: 客户编号, en: Customer id } }
  contact: { type: string, pii: true, label: { zh-CN: 联系人, en: Contact } }
  spend: { type: number, min: 0, max: 100, revenue: true, label: { zh-CN: 消费, en: Spend } }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend: { weight: 100, score: { linear: { from: 0, to: 100 } } }
tiers:
  method: thresholds
  levels:
    - { id: gold, label: { zh-CN: 金, en: Gold }, minScore: 80 }
    - { id: silver, label: { zh-CN: 银, en: Silver }, minScore: 50 }
    - { id: bronze, label: { zh-CN: 铜, en: Bronze } }
`;

/** Two cases: gold and silver, so 2 of 3 tiers (66.66…%) are reached. */
export const TINY_TESTS = `policy: ./tiny.tier.yaml
cases:
  - name: ninety points is gold
    facts: { customerId: T1, spend: 90 }
    expect: { tier: gold, score: 90 }
  - name: sixty points is silver
    facts: { customerId: T2, spend: 60 }
    expect:
      tier: silver
      score: 60
`;

/** A directory holding the tiny policy and the given test file text. */
export function tinyProject(tests = TINY_TESTS): { dir: string; policy: string; tests: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-test-'));
  const policy = join(dir, 'tiny.tier.yaml');
  const testFile = join(dir, 'tiny.test.yaml');
  writeFileSync(policy, TINY_POLICY);
  writeFileSync(testFile, tests);
  return { dir, policy, tests: testFile };
}
