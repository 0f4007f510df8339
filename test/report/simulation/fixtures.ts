import { msg } from '../../../src/i18n/text.js';
import { type Move, migrationMatrix } from '../../../src/simulate/migration.js';
import type {
  Calibration,
  PolicyDiff,
  ServiceLoad,
  Simulation,
  TierFigures,
} from '../../../src/simulate/types.js';

const NO_SERVICE: ServiceLoad = { hotline24x7: 0, dedicatedStaff: 0, contactsPerQuarter: {} };

function tier(figures: Partial<TierFigures> & Pick<TierFigures, 'tier' | 'customers'>): TierFigures {
  return { share: 0, service: NO_SERVICE, kpis: {}, flags: {}, classes: {}, ...figures };
}

/**
 * A million customers: VIP 5% of customers and 40% of revenue (seed 001's shape), one customer
 * without a tier, and silver at 749,999 — 74.9999%, which reads 75.0% so that the shares add up.
 */
export function simulation(vipLabel?: string): Simulation {
  const tiers = [
    tier({
      tier: 'vip',
      // A label given here is a hostile one: both languages get it.
      label: { 'zh-CN': vipLabel ?? '贵宾', en: vipLabel ?? 'VIP' },
      customers: 50_000,
      share: 0.05,
      revenue: 40_000_000,
      revenueShare: 0.4,
      averageScore: 91.24,
      discountQuota: '10%',
      entitlementCost: 4_000_000,
      service: {
        hotline24x7: 50_000,
        dedicatedStaff: 50_000,
        contactsPerQuarter: { visit: 50_000, call: 150_000 },
      },
      kpis: { aov: 1234.567, repurchase: 0.8 },
      flags: { 'churn-warning': 120 },
      classes: { industry: { retail: 30_000, wholesale: 20_000 } },
    }),
    tier({
      tier: 'gold',
      label: { 'zh-CN': '金卡', en: 'Gold' },
      customers: 200_000,
      share: 0.2,
      revenue: 35_000_000,
      revenueShare: 0.35,
      averageScore: 75,
      discountQuota: '5%',
      entitlementCost: 1_750_000,
      service: { hotline24x7: 0, dedicatedStaff: 0, contactsPerQuarter: { call: 600_000 } },
      kpis: { aov: 300, repurchase: 0.5 },
      flags: { 'churn-warning': 3_000 },
      classes: { industry: { retail: 150_000, wholesale: 50_000 } },
    }),
    tier({
      tier: 'silver',
      customers: 749_999,
      share: 749_999 / 1_000_000,
      revenue: 24_999_000,
      revenueShare: 0.24999,
      averageScore: 40.5,
      discountQuota: '2%',
      entitlementCost: 499_980,
      kpis: { aov: 80, repurchase: undefined },
      classes: { industry: { retail: 700_000, wholesale: 49_999 } },
    }),
  ];
  const untiered = tier({
    tier: '(none)',
    label: { 'zh-CN': '未分级', en: 'No tier' },
    customers: 1,
    share: 1 / 1_000_000,
    revenue: 1_000,
    kpis: { aov: undefined, repurchase: undefined },
    classes: { industry: { retail: 1 } },
  });
  return {
    policy: { name: 'retail', version: '1.2.0', label: { 'zh-CN': '零售分级', en: 'Retail tiers' } },
    data: { customers: 'customers.csv' },
    asOf: { date: '2024-06-30', timezone: 'Asia/Shanghai' },
    revenueFact: 'spend12m',
    currency: 'CNY',
    kpiFacts: [
      { id: 'aov', label: { 'zh-CN': '客单价', en: 'Average order value' }, unit: 'CNY' },
      { id: 'repurchase', label: { en: 'Repurchase rate' } },
    ],
    customers: 1_000_000,
    tiers,
    untiered,
    untieredCauses: [],
    totals: {
      customers: 1_000_000,
      revenue: 100_000_000,
      entitlementCost: 6_249_980,
      service: {
        hotline24x7: 50_000,
        dedicatedStaff: 50_000,
        contactsPerQuarter: { visit: 50_000, call: 750_000 },
      },
    },
    classifiers: [
      {
        id: 'industry',
        label: { 'zh-CN': '行业', en: 'Industry' },
        classes: [
          { id: 'retail', label: { 'zh-CN': '零售', en: 'Retail' }, customers: 880_001 },
          { id: 'wholesale', customers: 119_999 },
        ],
      },
    ],
    flags: [{ flag: 'churn-warning', customers: 3_120 }],
    failed: false,
    diagnostics: [{ code: 'TW0601', severity: 'warning', message: 'row 7: bad date' }],
  };
}

/** Ten customers under two policy versions: two move up, one down (from gold to no tier). */
export function policyDiff(): PolicyDiff {
  const moves: Move[] = [
    { from: 'vip', to: 'vip', revenue: 5_000_000 },
    { from: 'gold', to: 'vip', revenue: 2_000_000 },
    { from: 'gold', to: 'gold', revenue: 1_000_000 },
    { from: 'gold', to: undefined, revenue: 10 },
    { from: 'silver', to: 'gold', revenue: 300_000 },
    ...Array.from({ length: 5 }, () => ({ from: 'silver', to: 'silver', revenue: 100_000 })),
  ];
  const matrix = migrationMatrix(['vip', 'gold', 'silver'], moves);
  const from = small([1, 3, 6, 0], [5_000_000, 3_000_010, 800_000, 0]);
  const to = small([2, 2, 5, 1], [7_000_000, 1_300_000, 500_000, 10]);
  return {
    from: { name: 'retail', version: '1.2.0', file: 'policies/retail.tier.yaml' },
    to: {
      name: 'retail',
      version: '1.3.0',
      label: { en: 'Retail tiers' },
      file: 'policies/retail-next.tier.yaml',
    },
    data: { customers: 'customers.csv' },
    asOf: { date: '2024-06-30', timezone: 'Asia/Shanghai' },
    currency: 'CNY',
    matrix,
    simulations: { from, to },
    deltas: {
      entitlementCost: (to.totals.entitlementCost ?? 0) - (from.totals.entitlementCost ?? 0),
      revenueInTiers: { vip: 2_000_000, gold: -1_700_010, silver: -300_000 },
      service: { hotline24x7: 1, dedicatedStaff: 1, contactsPerQuarter: { visit: 1, call: -3 } },
    },
    movers: [
      {
        customer: 'C002',
        row: 3,
        from: 'gold',
        to: 'vip',
        fromScore: 82,
        toScore: 86,
        direction: 'up',
        reason: msg('movers.reason', {
          parts: [
            msg('movers.score', {
              from: '82',
              to: '86',
              changes: [msg('movers.change', { metric: 'spend', delta: '+4' })],
            }),
          ],
        }),
      },
      {
        customer: '=HYPERLINK("x")',
        row: 5,
        from: 'gold',
        direction: 'down',
        reason: msg('movers.wasNow', {
          was: msg('movers.criteria', { tier: 'rule "</script><!--"' }),
          now: msg('movers.none', { reason: msg('explain.noCriteria') }),
        }),
      },
    ],
    moversTotal: 3,
    failed: false,
    diagnostics: [],
  };
}

function small(customers: number[], revenue: number[]): Simulation {
  const base = simulation();
  const total = customers.reduce((a, b) => a + b, 0);
  const revenueTotal = revenue.reduce((a, b) => a + b, 0);
  const figures = (t: TierFigures, i: number): TierFigures => ({
    ...t,
    customers: customers[i]!,
    share: customers[i]! / total,
    revenue: revenue[i]!,
    revenueShare: i < 3 ? revenue[i]! / revenueTotal : undefined,
    entitlementCost: t.discountQuota ? (revenue[i]! * Number.parseFloat(t.discountQuota)) / 100 : undefined,
  });
  const tiers = base.tiers.map(figures);
  return {
    ...base,
    customers: total,
    tiers,
    untiered: figures(base.untiered, 3),
    totals: {
      ...base.totals,
      customers: total,
      revenue: revenueTotal,
      entitlementCost: tiers.reduce((n, t) => n + (t.entitlementCost ?? 0), 0),
    },
    diagnostics: [],
  };
}

export function calibration(): Calibration {
  return {
    policy: { name: 'retail', version: '1.2.0', file: 'policies/retail.tier.yaml' },
    data: { customers: 'customers.csv' },
    asOf: { date: '2024-06-30', timezone: 'Asia/Shanghai' },
    customers: 1_000,
    untiered: { customers: 0, causes: [] },
    thresholds: [
      {
        tier: 'vip',
        label: { 'zh-CN': '贵宾', en: 'VIP' },
        current: 90,
        target: { measure: 'customers', share: 0.1 },
        value: 85,
        achieved: { customers: 104, share: 0.104, revenueShare: 0.45 },
        distribution: [
          {
            tier: 'vip',
            label: { en: 'VIP' },
            customers: 104,
            share: 0.104,
            revenue: 450_000,
            revenueShare: 0.45,
          },
          {
            tier: 'gold',
            label: { en: 'Gold' },
            customers: 896,
            share: 0.896,
            revenue: 550_000,
            revenueShare: 0.55,
          },
        ],
      },
      {
        tier: 'vip',
        current: 90,
        target: { measure: 'revenue', share: 0.99 },
        distribution: [],
      },
    ],
    sensitivity: {
      step: 5,
      rows: [
        {
          weight: 'value',
          label: { 'zh-CN': '价值', en: 'Value' },
          current: 60,
          minus: { weight: 55, changed: 40, up: 0, down: 40 },
          plus: { weight: 65, changed: 25, up: 25, down: 0 },
        },
        {
          weight: 'value.spend',
          current: 50,
          minus: { weight: 45, changed: 7, up: 3, down: 4 },
          plus: { weight: 55, changed: 12, up: 10, down: 2 },
        },
      ],
    },
    stability: {
      epsilon: 2,
      rows: [
        {
          tier: 'vip',
          label: { en: 'VIP' },
          threshold: 90,
          justBelow: 12,
          justAbove: 9,
          fragileShare: 9 / 51,
        },
        {
          tier: 'gold',
          label: { en: 'Gold' },
          threshold: 60,
          justBelow: 30,
          justAbove: 28,
          fragileShare: 28 / 400,
        },
      ],
    },
    failed: false,
    diagnostics: [],
  };
}

/**
 * A simulation that strains the page: six tiers with long labels in both languages, eight
 * contact actions (the service table grows a column each) and a second classifier.
 */
export function wideSimulation(): Simulation {
  const s = simulation();
  const names: [string, string, string][] = [
    ['platinum', '白金战略合作客户', 'Platinum strategic partner'],
    ['diamond', '钻石级重点发展客户', 'Diamond key development account'],
  ];
  const actions = [
    'quarterly-executive-visit',
    'monthly-service-review',
    'needs-survey',
    'industry-report',
    'training-session',
    'satisfaction-survey',
  ];
  const extra = names.map(([id, zh, en], i) => ({
    ...s.tiers[1]!,
    tier: id,
    label: { 'zh-CN': zh, en },
    customers: 0,
    share: 0,
    revenue: 0,
    revenueShare: 0,
    entitlementCost: 0,
    service: {
      hotline24x7: 0,
      dedicatedStaff: 0,
      contactsPerQuarter: Object.fromEntries(actions.map((a, k) => [a, (i + 1) * (k + 1) * 1_000])),
    },
  }));
  s.tiers = [...extra, ...s.tiers];
  s.tiers[4]!.label = { 'zh-CN': '银卡会员（年消费五万元以下）', en: 'Silver member (under 50,000 a year)' };
  s.actionLabels = Object.fromEntries(
    actions.map((a) => [a, { 'zh-CN': `季度高管拜访与回访${a.length}`, en: a.replace(/-/g, ' ') }]),
  );
  s.totals.service.contactsPerQuarter = {
    ...s.totals.service.contactsPerQuarter,
    ...Object.fromEntries(actions.map((a, k) => [a, 3 * (k + 1) * 1_000])),
  };
  return s;
}

/** Calibration with weight labels as long as the policies write them. */
export function wideCalibration(): Calibration {
  const c = calibration();
  c.sensitivity.rows.push({
    weight: 'loyalty.complaintRate',
    label: {
      'zh-CN': '投诉率（越低越好，按近十二个月计）',
      en: 'Complaint rate (lower is better, last 12 months)',
    },
    current: 25,
    minus: { weight: 20, changed: 3, up: 1, down: 2 },
    plus: { weight: 30, changed: 5, up: 2, down: 3 },
  });
  c.stability.rows[0]!.label = { 'zh-CN': '贵宾', en: 'VIP' };
  return c;
}
