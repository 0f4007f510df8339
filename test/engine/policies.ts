import { checkPolicyText } from '../../src/policy/check.js';
import type { Policy } from '../../src/policy/schema/policy.js';

/** Parses and checks a policy written in a test; fails loudly if it has errors. */
export function policyOf(text: string): Policy {
  const checked = checkPolicyText(text, 'test.tier.yaml');
  if (!checked.policy)
    throw new Error(`test policy has errors: ${JSON.stringify(checked.diagnostics, null, 2)}`);
  return checked.policy;
}

const HEADER = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: t, version: 1.0.0, labels: { zh-CN: 测试, en: Test } }
`;

/** Seed 001's five-factor score: 30/20/15/15/20 over inputs that are already 0–100 scores. */
export const FIVE_FACTOR = `${HEADER}facts:
  id: { type: string, key: true }
  behaviour: { type: number, min: 0, max: 100 }
  spend: { type: number, min: 0, max: 100 }
  frequency: { type: number, min: 0, max: 100 }
  satisfaction: { type: number, min: 0, max: 100 }
  referral: { type: number, min: 0, max: 100 }
dimensions:
  behaviour: { weight: 30, label: { zh-CN: 购买行为, en: Behaviour }, metrics: { behaviour: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
  spend: { weight: 20, label: { zh-CN: 消费金额, en: Spend }, metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
  frequency: { weight: 15, label: { zh-CN: 购买频率, en: Frequency }, metrics: { frequency: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
  satisfaction: { weight: 15, label: { zh-CN: 满意度, en: Satisfaction }, metrics: { satisfaction: { weight: 100, score: { linear: { from: 0, to: 100 } } } } }
  referral: { weight: 20, label: { zh-CN: 推荐意愿, en: Referral }, metrics: { referral: { weight: 100, score: { linear: { from: 0, to: 100 } }, missing: exclude } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP, en: VIP }, minScore: 85 }
    - { id: regular, label: { zh-CN: 普通, en: Regular } }
`;

export const HEADER_TEXT = HEADER;
