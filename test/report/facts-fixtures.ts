import { expect } from 'vitest';
import { checkPolicyText } from '../../src/policy/check.js';
import type { Policy } from '../../src/policy/schema/policy.js';

/** Facts of every kind, the key declared after another fact, two of them personal data. */
export const FACTS_POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: facts-only
  version: 1.0.0
  timezone: Asia/Shanghai
facts:
  contact: { type: string, pii: true, column: 联系人, label: { zh-CN: 联系人, en: Contact } }
  customerId: { type: string, key: true, column: 客户编号, label: { zh-CN: 客户编号, en: Customer id } }
  company: { type: string, column: 客户名称 }
  phone: { type: string, pii: true, column: 联系方式 }
  spend12m: { type: number, unit: CNY, column: 消费金额, label: { zh-CN: 近12个月消费, en: Spend 12m } }
  complaints: { type: integer, min: 0, default: 0, column: 投诉次数 }
  lastVisit: { type: date, column: 最近拜访 }
  strategic: { type: boolean, column: 战略合作 }
`;

export function policyOf(text: string): Policy {
  const checked = checkPolicyText(text, 'p.tier.yaml');
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.policy!;
}
