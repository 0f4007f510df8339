/** Two tiers by spend; gold has a 24x7 line, a dedicated manager, monthly calls and quarterly visits. */
export const SMALL_POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: small, version: 1.0.0, labels: { zh-CN: 小, en: Small } }
facts:
  id: { type: string, key: true, column: id }
  spend: { type: number, unit: CNY, min: 0, revenue: true, column: spend }
  repurchase: { type: number, unit: percent, min: 0, max: 100, column: repurchase }
  idleMonths: { type: integer, min: 0, column: idle }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 1000 } } } }
tiers:
  method: thresholds
  levels:
    - id: gold
      label: { zh-CN: 金, en: Gold }
      minScore: 50
      sla: { response: { within: PT1H, availability: 24x7 } }
      entitlements:
        discountQuota: 10%
        team: [{ role: account-manager, dedicated: true }, { role: support }]
        cadence: [{ action: call, every: P1M }, { action: visit, every: P3M }]
    - id: basic
      label: { zh-CN: 普通, en: Basic }
      sla: { response: { within: PT8H, availability: business-hours } }
      entitlements: { discountQuota: 0%, cadence: [{ action: call, every: P6M }] }
classifiers:
  loyalty:
    label: { zh-CN: 忠诚度, en: Loyalty }
    rules:
      - { id: loyal, label: { zh-CN: 忠诚, en: Loyal }, when: { all: [{ fact: repurchase, operator: greaterThanInclusive, value: 50 }] } }
    otherwise: { id: other, label: { zh-CN: 其他, en: Other } }
rerating:
  triggers:
    - id: churn
      when: { all: [{ fact: idleMonths, operator: greaterThanInclusive, value: 3 }] }
      then: { flag: churn-warning }
`;

/** Score = spend / 10; vip ≥ 90, key ≥ 70 (or the range KEY), standard the rest. */
export const THREE = (key = 'minScore: 70') => `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: three, version: 1.0.0, labels: { zh-CN: 三级, en: Three } }
facts:
  id: { type: string, key: true, column: id }
  spend: { type: number, unit: CNY, min: 0, revenue: true, column: spend }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 1000 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 90 }
    - { id: key, label: { zh-CN: 重点客户, en: Key }, ${key} }
    - { id: standard, label: { zh-CN: 普通客户, en: Standard } }
`;
// Scores 100, 80, 75, 60, 50, 40: vip A; key B, C; standard D, E, F.
export const SIX = ['id,spend', 'A,1000', 'B,800', 'C,750', 'D,600', 'E,500', 'F,400'].join('\n');
