import { roundMoney } from '../format/money.js';
import { ExactSum } from '../format/sum.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';

/**
 * The from-tier × to-tier migration matrix: how a population moved between two evaluations (a
 * snapshot and now, one policy version and the next). Pure and general: it counts what it is
 * given, so `tierwise test --snapshot` and the population `diff` share it.
 */

/** The row and column of customers without a tier; it counts as worse than every tier. */
export const NO_TIER = '(no tier)';

export interface Move {
  from: string | undefined;
  to: string | undefined;
  /** Revenue the customer carries (CNY, the policy's `revenue: true` fact), when known. */
  revenue?: number;
}

export interface MigrationMatrix {
  /** Row and column order: the policy's tiers best first, then NO_TIER. */
  tiers: string[];
  /** counts[from][to] for every pair of `tiers`, zeros included. */
  counts: Record<string, Record<string, number>>;
  /** revenue[from][to], present only when some move carries revenue. */
  revenue?: Record<string, Record<string, number>>;
  upgrades: number;
  downgrades: number;
  unchanged: number;
  total: number;
}

/**
 * Builds the matrix over `tierOrder` (best first). A tier not in the order (a tier the other
 * policy version had) is appended after the known ones, so nothing moved is ever dropped.
 * Revenue is summed exactly and rounded to the currency's minor unit.
 */
export function migrationMatrix(
  tierOrder: readonly string[],
  moves: Iterable<Move>,
  currency?: string,
): MigrationMatrix {
  const list = [...moves];
  const tiers = [...tierOrder];
  for (const move of list) {
    for (const tier of [move.from, move.to]) {
      if (tier !== undefined && tier !== NO_TIER && !tiers.includes(tier)) tiers.push(tier);
    }
  }
  tiers.push(NO_TIER);
  const rank = new Map(tiers.map((t, i) => [t, i]));
  const counts = square(tiers);
  const withRevenue = list.some((m) => m.revenue !== undefined);
  const sums = withRevenue ? new Map<string, ExactSum>() : undefined;
  const out = { upgrades: 0, downgrades: 0, unchanged: 0 };
  for (const move of list) {
    const from = move.from ?? NO_TIER;
    const to = move.to ?? NO_TIER;
    counts[from]![to]! += 1;
    if (sums && move.revenue !== undefined) {
      const key = `${from}\u0000${to}`;
      const sum = sums.get(key) ?? new ExactSum();
      sums.set(key, sum);
      sum.add(move.revenue);
    }
    const delta = rank.get(to)! - rank.get(from)!;
    if (delta < 0) out.upgrades++;
    else if (delta > 0) out.downgrades++;
    else out.unchanged++;
  }
  let revenue: Record<string, Record<string, number>> | undefined;
  if (sums) {
    revenue = square(tiers);
    for (const [key, sum] of sums) {
      const [from, to] = key.split('\u0000') as [string, string];
      revenue[from]![to] = roundMoney(sum.value, currency);
    }
  }
  return { tiers, counts, ...(revenue ? { revenue } : {}), ...out, total: list.length };
}

function square(tiers: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = Object.create(null);
  for (const from of tiers) {
    const row: Record<string, number> = Object.create(null);
    for (const to of tiers) row[to] = 0;
    out[from] = row;
  }
  return out;
}

/** The matrix as aligned text: rows are "from", columns "to"; the diagonal is who stayed. */
export function migrationText(matrix: MigrationMatrix, language: Language = 'en'): string[] {
  const header = [t(language, 'testing.migrationCorner'), ...matrix.tiers];
  const rows = matrix.tiers.map((from) => [
    from,
    ...matrix.tiers.map((to) => String(matrix.counts[from]![to])),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    line(header),
    ...rows.map(line),
    t(language, 'testing.migrationSummary', {
      up: matrix.upgrades,
      down: matrix.downgrades,
      unchanged: matrix.unchanged,
      total: matrix.total,
    }),
  ];
}
