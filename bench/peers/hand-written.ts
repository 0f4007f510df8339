import type { BatchResult } from '../../src/compile/batch.js';
import type { CustomerInput } from '../../src/engine/evaluate.js';
import type { Population } from '../data/population.js';

/**
 * Seed 004's scorecard written by hand for this one policy, as a developer would without
 * tierwise: every band, weight and threshold a literal, the whole customer in the loop body
 * (a call per customer would box its eight doubles). It is the ceiling for the compiled path in
 * Node, so it keeps compileScorecard's arithmetic and order of operations, and is checked
 * against it before it is timed. NaN is a missing value.
 */
export function handWrittenColumns(columns: Population['columns']): BatchResult {
  const { spend12m, avgOrderValue, industryGrowth, orderGrowthRate, newNeeds12m } = columns.facts;
  const { repurchaseRate, referralRate, complaintRate } = columns.facts;
  const n = columns.length;
  const tier = new Int32Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const spend = spend12m[i]!;
    const growth = industryGrowth[i]!;
    const repurchase = repurchaseRate[i]!;
    const referral = referralRate[i]!;
    // one missing value makes the sum NaN: these four have no missing-value rule
    if (Number.isNaN(spend + growth + repurchase + referral)) {
      score[i] = Number.NaN;
      tier[i] = -1;
      continue;
    }
    const spendPoints = spend >= 500000 ? 100 : spend >= 200000 ? 80 : spend >= 50000 ? 50 : 20;
    // a lapsed customer has no average order value and scores 0 for it
    const orderValue = avgOrderValue[i]!;
    const orderValuePoints = Number.isNaN(orderValue) ? 0 : clamp((orderValue / 50000) * 100);
    const value = (70 * spendPoints + 30 * orderValuePoints) / 100;
    const growthPoints = growth >= 10 ? 100 : growth >= 5 ? 80 : growth >= 0 ? 60 : 40;
    // newNeeds12m is a whole number, so the bands' gaps (4–5, 2–3, 0–1) hold no value; 0 by default
    const needs = newNeeds12m[i]!;
    const needsPoints = needs >= 5 ? 100 : needs >= 3 ? 80 : needs >= 1 ? 50 : 0;
    // without a previous year the order growth rate is excluded and its weight shared out
    const orders = orderGrowthRate[i]!;
    const potential = Number.isNaN(orders)
      ? (40 * growthPoints + 25 * needsPoints) / 65
      : (40 * growthPoints + 35 * clamp(((orders + 20) / 50) * 100) + 25 * needsPoints) / 100;
    const complaints = complaintRate[i]! >= 0 ? complaintRate[i]! : 0;
    const loyalty =
      (50 * clamp((repurchase / 80) * 100) +
        25 * clamp((referral / 20) * 100) +
        25 * clamp(((10 - complaints) / 10) * 100)) /
      100;
    const raw = (50 * value + 30 * potential + 20 * loyalty) / 100;
    // half-up with roundScore's tolerance: 74.49999999999999 is the 74.5 the weights meant
    const total = Math.floor(raw + 0.5 + 1e-9 * (raw > 1 ? raw : 1));
    score[i] = total;
    tier[i] = total >= 90 ? 0 : total >= 70 ? 1 : total >= 50 ? 2 : 3;
  }
  return { tier, score };
}

/**
 * The same over the customer objects compilePolicy().evaluate() takes: their facts copied into
 * columns first, the cost a caller with objects pays to use a columnar loop.
 */
export function handWrittenObjects(customers: readonly CustomerInput[]): BatchResult {
  const n = customers.length;
  const column = () => new Float64Array(n);
  const facts = {
    spend12m: column(),
    avgOrderValue: column(),
    industryGrowth: column(),
    orderGrowthRate: column(),
    newNeeds12m: column(),
    repurchaseRate: column(),
    referralRate: column(),
    complaintRate: column(),
    spendDropStreakMonths: column(),
    monthsWithoutPurchase: column(),
  };
  for (let i = 0; i < n; i++) {
    const f = customers[i]!.facts;
    facts.spend12m[i] = number(f.spend12m);
    facts.avgOrderValue[i] = number(f.avgOrderValue);
    facts.industryGrowth[i] = number(f.industryGrowth);
    facts.orderGrowthRate[i] = number(f.orderGrowthRate);
    facts.newNeeds12m[i] = number(f.newNeeds12m);
    facts.repurchaseRate[i] = number(f.repurchaseRate);
    facts.referralRate[i] = number(f.referralRate);
    facts.complaintRate[i] = number(f.complaintRate);
  }
  return handWrittenColumns({ length: n, keys: [], facts });
}

function number(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function clamp(points: number): number {
  return Math.min(100, Math.max(0, points));
}
