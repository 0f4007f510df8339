import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type CheckedPolicy, checkPolicyText } from '../../src/policy/check.js';

/** A small policy that passes every check; tests break one thing in it at a time. */
export const VALID = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: test-policy
  version: 1.0.0
  labels: { zh-CN: 测试策略, en: Test policy }
facts:
  customerId: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true }
  orders12m: { type: integer, unit: orders, min: 0 }
  industry: { type: enum, values: [high, medium, low] }
dimensions:
  value:
    weight: 70
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 60, score: { linear: { from: 0, to: 500000 } } }
      orders12m:
        weight: 40
        score:
          bands:
            - { below: 3, points: 20 }
            - { below: 12, points: 60 }
            - { points: 100 }
  potential:
    weight: 30
    label: { zh-CN: 潜力, en: Potential }
    metrics:
      industry: { weight: 100, score: { categories: { high: 100, medium: 60, low: 20 } } }
tiers:
  method: thresholds
  levels:
    - id: vip
      label: { zh-CN: VIP客户, en: VIP }
      minScore: 90
      sla: { response: { within: PT4H }, resolution: { within: PT8H } }
      entitlements: { discountQuota: '10%' }
    - id: key
      label: { zh-CN: 重点客户, en: Key }
      minScore: 70
      sla: { response: { within: PT8H }, resolution: { within: PT24H } }
      entitlements: { discountQuota: '5%' }
    - id: standard
      label: { zh-CN: 普通客户, en: Standard }
      sla: { response: { within: PT24H } }
`;

export function check(text: string): CheckedPolicy {
  return checkPolicyText(text, 'p.tier.yaml');
}

/** Replaces exactly one occurrence, failing loudly if the fixture drifted. */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0)
    throw new Error(`fixture edit: '${from}' must occur exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The 1-based line:column of the n-th occurrence of a needle in the text. */
export function positionOf(text: string, needle: string, occurrence = 1): string {
  let i = -1;
  for (let n = 0; n < occurrence; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`needle '${needle}' not found ${occurrence} times`);
  }
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

export function where(d: Diagnostic): string {
  return `${d.range?.start.line}:${d.range?.start.column}`;
}

/** The one diagnostic with this code; fails when there are none or several. */
export function only(result: CheckedPolicy, code: string): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(result.diagnostics, null, 2)).toHaveLength(1);
  return found[0]!;
}

export function codes(result: CheckedPolicy): string[] {
  return result.diagnostics.map((d) => d.code);
}
