import type { CustomerRow } from './columns.js';
import { decimal, yesNo } from './csv.js';
import type { Order } from './orders.js';
import type { Profile, Segment } from './profiles.js';
import type { Random } from './random.js';
import { AS_OF_DAY, YEAR_START } from './window.js';

/** Who the customer is, decided before the rated columns. */
export interface Identity {
  id: string;
  name: string;
  industry: string;
  contact: string;
  phone: string;
}

/**
 * A customer's row: the CRM's rated columns derived from the orders actually generated (so the
 * order growth rate, purchases a month and complaint rate agree with the transaction log) and
 * from the profile's latent traits, with noise where a person or a survey produced the number.
 */
export function customerRow(
  random: Random,
  who: Identity,
  profile: Profile,
  orders: readonly Order[],
): CustomerRow {
  const recent = orders.filter((o) => o.day >= YEAR_START && o.day <= AS_OF_DAY);
  const before = orders.length - recent.length;
  const days = new Set(recent.map((o) => o.day)).size;
  const spend = recent.reduce((sum, o) => sum + o.cents, 0) / 100;
  const lastDay = Math.max(...orders.map((o) => o.day));
  const { satisfaction, segment } = profile;
  const big = segment === 'anchor' || segment === 'large';

  // 复购率 as the CRM reports it: close to the share of repeat purchase days, not equal to it.
  const repurchase = clamp(
    (days > 0 ? ((days - 1) / days) * 100 : 0) * random.between(0.82, 1.04) + satisfaction * 3,
    0,
    100,
  );
  const referral = clamp(6 + 5 * satisfaction + (big ? 4 : 0) + random.normal(0, 2), 0, 35);
  const complaints = Math.min(
    recent.length,
    random.poisson(recent.length * 0.03 * Math.exp(-0.9 * satisfaction)),
  );
  const growth = orderGrowthPercent(recent.length, before);
  const newNeeds = random.poisson(NEEDS_MEAN[segment] + (growth !== undefined && growth >= 10 ? 1 : 0));
  const priceSensitive = random.chance(
    segment === 'anchor' || segment === 'large' ? 0.1 : segment === 'mid' ? 0.3 : 0.5,
  );
  const recencyBonus = AS_OF_DAY - lastDay <= 30 ? 15 : AS_OF_DAY - lastDay <= 90 ? 8 : 0;

  return {
    客户编号: who.id,
    客户名称: who.name,
    所属行业: who.industry,
    联系人: who.contact,
    联系方式: who.phone,
    行业增速: decimal(profile.industry.growthPercent, 1),
    // a customer without orders the year before has no growth rate: the cell stays empty
    订单增长率: growth === undefined ? '' : decimal(growth, 1),
    新需求数量: String(newNeeds),
    复购率: decimal(repurchase, 1),
    推荐率: decimal(referral, 1),
    投诉次数: String(complaints),
    投诉率: decimal(recent.length === 0 ? 0 : (complaints / recent.length) * 100, 1),
    月均购买次数: decimal(recent.length / 12, 2),
    // seed 001's five factor scores, 0–100, as the tiering team would have rated them
    购买行为得分: score(35 + 0.45 * repurchase + recencyBonus + random.normal(0, 5)),
    消费金额得分: score(20 + (80 * (Math.log10(Math.max(spend, 1)) - 3.5)) / 3 + random.normal(0, 3)),
    购买频率得分: score(25 + (75 * Math.log(1 + recent.length)) / Math.log(61) + random.normal(0, 4)),
    客户满意度得分: score(78 + 9 * satisfaction - 4 * complaints + random.normal(0, 4)),
    客户推荐意愿得分: score(45 + 2 * referral + 6 * satisfaction + random.normal(0, 5)),
    合作产品线数: String(random.int(...PRODUCT_LINES[segment])),
    战略合作协议: yesNo(random.chance(STRATEGIC[segment])),
    '需求-价格敏感': yesNo(priceSensitive),
    '需求-品质优先': yesNo(random.chance(big ? 0.55 : segment === 'mid' ? 0.35 : 0.2)),
    '需求-服务需求': yesNo(
      random.chance(segment === 'anchor' ? 0.7 : big ? 0.5 : segment === 'mid' ? 0.3 : 0.15),
    ),
    促销活动参与次数: String(random.poisson(priceSensitive ? 2.5 : 0.6)),
  };
}

/** Orders in the last 12 months against the 12 months before, in percent. */
function orderGrowthPercent(recent: number, before: number): number | undefined {
  return before === 0 ? undefined : ((recent - before) / before) * 100;
}

const NEEDS_MEAN: Record<Segment, number> = {
  anchor: 4,
  large: 3,
  mid: 2,
  small: 1,
  micro: 0.4,
  frequent: 1.5,
};
const PRODUCT_LINES: Record<Segment, readonly [number, number]> = {
  anchor: [3, 6],
  large: [2, 5],
  mid: [1, 4],
  small: [1, 3],
  micro: [1, 2],
  frequent: [1, 3],
};
const STRATEGIC: Record<Segment, number> = {
  anchor: 0.6,
  large: 0.2,
  mid: 0.03,
  small: 0.005,
  micro: 0,
  frequent: 0.01,
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function score(value: number): string {
  return String(Math.round(clamp(value, 0, 100)));
}
