import type { Columns } from '../../src/compile/batch.js';
import type { CustomerInput } from '../../src/engine/evaluate.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { mulberry32 } from '../../src/util/random.js';

/** The numeric facts seed 004's scorecard and its re-rating triggers read. */
export const SEED_004_FACTS = [
  'spend12m',
  'avgOrderValue',
  'industryGrowth',
  'orderGrowthRate',
  'newNeeds12m',
  'repurchaseRate',
  'referralRate',
  'complaintRate',
  'spendDropStreakMonths',
  'monthsWithoutPurchase',
] as const;
export type Seed004Fact = (typeof SEED_004_FACTS)[number];

/** The seed of the generated customers: the same customers in every suite, file and run. */
export const POPULATION_SEED = 20260104;

export type Seed004Facts = Record<Seed004Fact, number | undefined>;

export interface Population {
  /** As loadCustomers hands them over: missing facts absent, a fact's default filled in. */
  customers: CustomerInput[];
  /** The same customers for compileBatch: NaN where the data has no value (defaults not applied). */
  columns: Columns & { facts: Record<Seed004Fact, Float64Array> };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * One customer's raw facts, spread so that every band, both ends of every linear metric and every
 * tier are reached: 3% lapsed (no order in 12 months, so no average order value), 8% without a
 * previous year (no order growth rate: the metric is excluded), 5% with no needs on record and
 * 30% with no complaint on record (both default to 0).
 */
export function customerFacts(next: () => number): Seed004Facts {
  const lapsed = next() < 0.03;
  const orders = lapsed ? 0 : 1 + Math.floor(next() ** 2 * 60);
  const spend12m = lapsed ? 0 : round(10 ** (3 + next() * 3.4), 2);
  return {
    spend12m,
    avgOrderValue: lapsed ? undefined : round(spend12m / orders, 2),
    industryGrowth: round(-15 + next() * 40, 1),
    orderGrowthRate: next() < 0.08 ? undefined : round(-60 + next() * 180, 1),
    newNeeds12m: next() < 0.05 ? undefined : Math.floor(next() ** 1.5 * 9),
    repurchaseRate: round(next() * 100, 1),
    referralRate: round(next() ** 2 * 40, 1),
    complaintRate: next() < 0.3 ? undefined : round(next() ** 2 * 15, 2),
    spendDropStreakMonths: Math.floor(next() ** 3 * 4),
    monthsWithoutPurchase: lapsed ? 12 : Math.floor(next() ** 4 * 6),
  };
}

export function customerId(index: number): string {
  return `C${String(index + 1).padStart(7, '0')}`;
}

/** `count` customers for seed 004's scorecard, the same on every run for the same seed. */
export function seed004Population(policy: Policy, count: number, seed = POPULATION_SEED): Population {
  const declared = policy.facts ?? {};
  const unknown = SEED_004_FACTS.filter((id) => !declared[id]);
  if (unknown.length > 0) throw new Error(`the policy no longer declares ${unknown.join(', ')}`);
  const next = mulberry32(seed);
  const keys: string[] = [];
  const customers: CustomerInput[] = [];
  const facts = Object.fromEntries(
    SEED_004_FACTS.map((id) => [id, new Float64Array(count).fill(Number.NaN)]),
  ) as Record<Seed004Fact, Float64Array>;
  for (let i = 0; i < count; i++) {
    const id = customerId(i);
    const raw = customerFacts(next);
    const object: Record<string, unknown> = { customerId: id };
    for (const fact of SEED_004_FACTS) {
      const value = raw[fact];
      if (value !== undefined) facts[fact][i] = value;
      const filled = value ?? declared[fact]!.default;
      if (filled !== undefined) object[fact] = filled;
    }
    keys.push(id);
    customers.push({ id, facts: object, row: i + 2 });
  }
  return { customers, columns: { length: count, keys, facts } };
}
