import { roundMoney } from '../format/money.js';
import { ExactSum } from '../format/sum.js';
import type { Policy } from '../policy/schema/policy.js';
import type { CustomerResult } from './evaluate.js';
import type { TierTally } from './tally.js';
import { type UntieredCause, UntieredTally } from './untiered.js';

export interface TierShare {
  tier: string;
  label?: { 'zh-CN'?: string; en?: string };
  customers: number;
  /** Share of all customers evaluated, 0–1. */
  share: number;
  revenue?: number;
  revenueShare?: number;
  averageScore?: number;
}

export interface Distribution {
  customers: number;
  tiers: TierShare[];
  /** Customers who got no tier (unscorable, or a gap in the policy). */
  untiered: number;
  /** The untiered customers by cause, most first (empty when every customer got a tier). */
  untieredCauses: UntieredCause[];
  /**
   * Revenue of every customer evaluated, tiered or not (when the policy names a revenue fact);
   * amounts are summed exactly and rounded to the currency's minor unit (src/format/money.ts).
   */
  revenue?: number;
  revenueFact?: string;
  /** The revenue fact's unit (CNY). */
  currency?: string;
}

/** Customers and (when the policy names a revenue fact) revenue per tier, side by side. */
export function tierDistribution(
  policy: Policy,
  results: readonly CustomerResult[],
  facts?: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): Distribution {
  const builder = new DistributionBuilder(policy);
  builder.add(results, facts);
  return builder.result(facts !== undefined);
}

/**
 * The same figures gathered chunk by chunk, so a streamed evaluation keeps counters, not customers.
 */
export class DistributionBuilder {
  private readonly revenueFact: string | undefined;
  private readonly currency: string | undefined;
  private readonly rows;
  private untiered = 0;
  private readonly causes: UntieredTally;
  private readonly totalRevenue = new ExactSum();
  private customers = 0;
  /** A policy without tiers tiers no one, and leaves no one untiered either (issue 13). */
  private readonly tiered: boolean;

  constructor(policy: Policy) {
    this.tiered = policy.tiers !== undefined;
    this.causes = new UntieredTally(policy);
    this.revenueFact = Object.entries(policy.facts ?? {}).find(([, f]) => f.revenue)?.[0];
    this.currency = this.revenueFact ? policy.facts?.[this.revenueFact]?.unit : undefined;
    this.rows = (policy.tiers?.levels ?? []).map((level) => ({
      level,
      customers: 0,
      revenue: new ExactSum(),
      scoreSum: new ExactSum(),
      scored: 0,
    }));
  }

  add(
    results: readonly CustomerResult[],
    facts?: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  ): void {
    for (const result of results) {
      this.customers++;
      const row = this.rows.find((r) => r.level.id === result.tier);
      const revenue = this.revenueFact ? facts?.get(result.customer)?.[this.revenueFact] : undefined;
      if (typeof revenue === 'number') this.totalRevenue.add(revenue);
      if (!row) {
        if (!this.tiered) continue;
        this.untiered++;
        this.causes.add(result, facts?.get(result.customer));
        continue;
      }
      row.customers++;
      if (typeof revenue === 'number') row.revenue.add(revenue);
      if (result.score !== undefined) {
        row.scoreSum.add(result.score);
        row.scored++;
      }
    }
  }

  /**
   * A batch of customers as columns: each one's tier index in policy.tiers.levels (-1: none),
   * rounded score (NaN: unscored) and revenue fact value (NaN or undefined: missing).
   */
  addColumns(tier: Int32Array, score: Float64Array, revenue?: ArrayLike<unknown>): void {
    for (let i = 0; i < tier.length; i++) {
      this.customers++;
      const value = revenue?.[i];
      const known = typeof value === 'number' && !Number.isNaN(value);
      if (known) this.totalRevenue.add(value);
      const row = this.rows[tier[i]!];
      if (!row) {
        if (this.tiered) this.untiered++;
        continue;
      }
      row.customers++;
      if (known) row.revenue.add(value);
      if (!Number.isNaN(score[i]!)) {
        row.scoreSum.add(score[i]!);
        row.scored++;
      }
    }
  }

  /**
   * Customers already counted per tier where they are (DuckDB): `tally` holds each tier in
   * policy order, then those without one. Sums are exact, so the figures are the ones addColumns
   * gives for the same customers in any order.
   */
  addTally(tally: readonly TierTally[]): void {
    tally.forEach((t, k) => {
      this.customers += t.customers;
      const revenue = this.revenueFact ? t.facts[this.revenueFact]?.sum : undefined;
      if (revenue) this.totalRevenue.merge(revenue);
      const row = this.rows[k];
      if (!row) {
        if (this.tiered) this.untiered += t.customers;
        return;
      }
      row.customers += t.customers;
      if (revenue) row.revenue.merge(revenue);
      row.scoreSum.merge(t.score.sum);
      row.scored += t.score.count;
    });
  }

  /**
   * Causes of customers `addColumns` counted as untiered: the batch form says who, the object
   * path (re-evaluating just those customers) says why.
   */
  addUntieredCauses(causes: readonly UntieredCause[]): void {
    this.causes.merge(causes);
  }

  result(withRevenue: boolean): Distribution {
    const n = this.customers;
    const { revenueFact, currency } = this;
    const money = revenueFact !== undefined && withRevenue;
    const total = roundMoney(this.totalRevenue.value, currency);
    return {
      customers: n,
      untiered: this.untiered,
      untieredCauses: this.causes.causes(),
      revenueFact,
      ...(money ? { revenue: total, ...(currency ? { currency } : {}) } : {}),
      tiers: this.rows.map((r) => {
        const revenue = roundMoney(r.revenue.value, currency);
        return {
          tier: r.level.id,
          label: r.level.label,
          customers: r.customers,
          share: n === 0 ? 0 : r.customers / n,
          ...(money ? { revenue, revenueShare: total === 0 ? 0 : revenue / total } : {}),
          ...(r.scored > 0 ? { averageScore: r.scoreSum.value / r.scored } : {}),
        };
      }),
    };
  }
}
