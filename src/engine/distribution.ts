import type { Policy } from '../policy/schema/policy.js';
import type { CustomerResult } from './evaluate.js';

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
  revenueFact?: string;
}

/** Customers and (when the policy names a revenue fact) revenue per tier, side by side. */
export function tierDistribution(
  policy: Policy,
  results: readonly CustomerResult[],
  facts?: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): Distribution {
  const revenueFact = Object.entries(policy.facts ?? {}).find(([, f]) => f.revenue)?.[0];
  const rows = (policy.tiers?.levels ?? []).map((level) => ({
    level,
    customers: 0,
    revenue: 0,
    scoreSum: 0,
    scored: 0,
  }));
  let untiered = 0;
  let totalRevenue = 0;
  for (const result of results) {
    const row = rows.find((r) => r.level.id === result.tier);
    const revenue = revenueFact ? facts?.get(result.customer)?.[revenueFact] : undefined;
    if (typeof revenue === 'number') totalRevenue += revenue;
    if (!row) {
      untiered++;
      continue;
    }
    row.customers++;
    if (typeof revenue === 'number') row.revenue += revenue;
    if (result.score !== undefined) {
      row.scoreSum += result.score;
      row.scored++;
    }
  }
  const n = results.length;
  return {
    customers: n,
    untiered,
    revenueFact,
    tiers: rows.map((r) => ({
      tier: r.level.id,
      label: r.level.label,
      customers: r.customers,
      share: n === 0 ? 0 : r.customers / n,
      ...(revenueFact && facts
        ? { revenue: r.revenue, revenueShare: totalRevenue === 0 ? 0 : r.revenue / totalRevenue }
        : {}),
      ...(r.scored > 0 ? { averageScore: r.scoreSum / r.scored } : {}),
    })),
  };
}
