import { type Day, monthOf } from './dates.js';
import { INDUSTRIES, type Industry } from './industries.js';
import type { Random } from './random.js';
import { AS_OF_DAY, YEAR_START } from './window.js';

/**
 * What a customer is like before any row is written: size, buying pattern, industry and a latent
 * satisfaction. Every column and every order is derived from it, so the columns agree with each
 * other and with the transaction log (a big account has high spend, many orders and several
 * product lines; an unhappy one complains more and refers less).
 */
export type Segment = 'anchor' | 'large' | 'mid' | 'small' | 'micro' | 'frequent';

/**
 * steady: buys through both years; project: buys in a few months only; new: first order in the
 * last 12 months; dormant: stopped 3+ months ago (seed 004's churn warning); dropping: spend down
 * by half two months running at the end (seed 004's re-rating trigger).
 */
export type Pattern = 'steady' | 'project' | 'new' | 'dormant' | 'dropping';

export interface Profile {
  segment: Segment;
  pattern: Pattern;
  industry: Industry;
  /** Target spend of the last 12 months (CNY) and its number of orders. */
  spend: number;
  orders: number;
  /** Orders and spend of the 12 months before; 0 for a new customer. */
  ordersBefore: number;
  spendBefore: number;
  /** The days the customer bought in the last 12 months: all of them, or part (new, dormant). */
  activeFrom: Day;
  activeTo: Day;
  /** Latent satisfaction, standard normal. */
  satisfaction: number;
  /** The year the customer was signed, the first four digits of its id. */
  signedIn: number;
}

interface SegmentSpec {
  share: number;
  spend: readonly [number, number];
  orders: readonly [number, number];
  patterns: readonly (readonly [Pattern, number])[];
}

// A long tail: a few dozen accounts over 1,000,000 CNY a year (seed 003's core customers), most
// customers under 150,000. "frequent" are shops and distributors restocking every week or two,
// the only ones who meet seed 001's literal "3, 4 or 5 purchases a month" at low spend.
const SEGMENTS: Record<Segment, SegmentSpec> = {
  anchor: {
    share: 0.015,
    spend: [1_050_000, 6_000_000],
    orders: [14, 40],
    patterns: [
      ['steady', 0.65],
      ['project', 0.3],
      ['dropping', 0.05],
    ],
  },
  large: {
    share: 0.04,
    spend: [450_000, 1_000_000],
    orders: [8, 30],
    patterns: [
      ['steady', 0.7],
      ['project', 0.1],
      ['new', 0.06],
      ['dormant', 0.08],
      ['dropping', 0.06],
    ],
  },
  mid: {
    share: 0.17,
    spend: [120_000, 480_000],
    orders: [5, 24],
    patterns: [
      ['steady', 0.74],
      ['project', 0.05],
      ['new', 0.07],
      ['dormant', 0.1],
      ['dropping', 0.04],
    ],
  },
  small: {
    share: 0.4,
    spend: [25_000, 150_000],
    orders: [2, 14],
    patterns: [
      ['steady', 0.78],
      ['new', 0.08],
      ['dormant', 0.11],
      ['dropping', 0.03],
    ],
  },
  micro: {
    share: 0.26,
    spend: [2_000, 30_000],
    orders: [1, 8],
    patterns: [
      ['steady', 0.74],
      ['new', 0.12],
      ['dormant', 0.14],
    ],
  },
  frequent: {
    share: 0.09,
    spend: [18_000, 650_000],
    orders: [26, 90],
    patterns: [
      ['steady', 0.86],
      ['new', 0.05],
      ['dormant', 0.03],
      ['dropping', 0.06],
    ],
  },
};

export function drawProfile(random: Random): Profile {
  const segment = random.weighted(
    Object.entries(SEGMENTS).map(([name, spec]) => [name as Segment, spec.share] as const),
  );
  const spec = SEGMENTS[segment];
  const pattern = random.weighted(spec.patterns);
  const industry = random.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const yearlySpend = random.logUniform(...spec.spend);
  const yearlyOrders = Math.round(random.logUniform(spec.orders[0], spec.orders[1] + 0.99));
  const satisfaction = random.normal(0, 1);
  const activeFrom = pattern === 'new' ? AS_OF_DAY - random.int(15, 340) : YEAR_START;
  const activeTo = pattern === 'dormant' ? AS_OF_DAY - random.int(95, 300) : AS_OF_DAY;
  // A customer active for part of the year buys that part's share of a year's orders.
  const part = (activeTo - activeFrom + 1) / (AS_OF_DAY - YEAR_START + 1);
  const orders = pattern === 'dropping' ? 12 : Math.max(1, Math.round(yearlyOrders * part));
  const spend = yearlySpend * (pattern === 'dropping' ? 1 : Math.max(part, orders / yearlyOrders));
  const growth = orderGrowth(random, pattern, industry);
  const ordersBefore =
    pattern === 'new'
      ? 0
      : Math.max(1, Math.round((pattern === 'dormant' ? yearlyOrders : orders) / (1 + growth / 100)));
  return {
    segment,
    pattern,
    industry,
    spend,
    orders,
    ordersBefore,
    spendBefore:
      ordersBefore === 0 ? 0 : (yearlySpend / yearlyOrders) * ordersBefore * random.between(0.85, 1.15),
    activeFrom,
    activeTo,
    satisfaction,
    signedIn: pattern === 'new' ? monthOf(activeFrom).year : signingYear(random, segment),
  };
}

/** Order growth on the year before, in percent: customers in growing industries tend to grow. */
function orderGrowth(random: Random, pattern: Pattern, industry: Industry): number {
  const drawn =
    pattern === 'dormant'
      ? random.normal(0, 15) // they bought as usual the year before; the drop shows in this year's orders
      : pattern === 'project'
        ? random.normal(0, 30)
        : random.normal(industry.growthPercent * 0.8, 22);
  return Math.min(200, Math.max(-75, drawn));
}

/** Big accounts are old accounts; the rest were signed over the last dozen years. */
function signingYear(random: Random, segment: Segment): number {
  if (segment === 'anchor' || segment === 'large') return random.int(2012, 2021);
  const [from, to] = random.weighted([
    [[2013, 2018], 3],
    [[2019, 2022], 4],
    [[2023, 2024], 3],
  ] as const);
  return random.int(from, to);
}
