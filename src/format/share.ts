import { roundHalfAway, ulps } from './number.js';
import { exactSum } from './sum.js';

/** Shares read as percentages with this many decimals on every surface: 10.9%. */
export const PERCENT_DIGITS = 1;

/**
 * A share (0–1) as the percentage a reader sees, rounded half away from zero: 0.1085 → 10.9.
 * Every surface rounds the same way, so a share reads the same in a table, a chart and a CSV.
 */
export function percentValue(share: number, digits = PERCENT_DIGITS): number {
  return displayedShares([share], 1, digits)!.shares[0]!;
}

/** A percentage already rounded, as text with its decimals: 10.9%, 100.0%. */
export function formatPercent(percent: number, digits = PERCENT_DIGITS): string {
  return `${(percent || 0).toFixed(digits)}%`;
}

/** A share (0–1) as text: 0.1085 → "10.9%". */
export function formatShare(share: number, digits = PERCENT_DIGITS): string {
  return formatPercent(percentValue(share, digits), digits);
}

export interface DisplayedShares {
  /** Each part's percentage, rounded so that they add up to `total`. */
  shares: number[];
  /** The parts' sum as a percentage of the whole, rounded half away from zero. */
  total: number;
}

/**
 * Percentages of parts of one whole (tiers of a population, bands of a metric) as shown side by
 * side: each rounded down, then the units the rounding lost go to the parts that lost most
 * (largest remainder, Hare–Niemeyer), so the shown rows add up exactly to the shown total —
 * 100.0% when the parts are the whole. No part moves by a whole unit or more from its true
 * share, and a part of nothing stays 0.0%. Undefined when the whole is zero (no share exists).
 */
export function displayedShares(
  parts: readonly number[],
  whole: number,
  digits = PERCENT_DIGITS,
): DisplayedShares | undefined {
  if (whole === 0 || !Number.isFinite(whole)) return undefined;
  const unit = 10 ** (digits + 2);
  // part × unit first: for whole counts that product is exact and the quotient rounded once.
  const exact = parts.map((p) => snap((p * unit) / whole));
  const floors = exact.map(Math.floor);
  const target = roundHalfAway(snap((exactSum(parts) * unit) / whole));
  let missing = target - floors.reduce((n, f) => n + f, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - floors[i]! }))
    .filter((r) => r.remainder > 0)
    .sort(
      (a, b) =>
        byRemainder(a.remainder, b.remainder) || Math.abs(parts[b.i]!) - Math.abs(parts[a.i]!) || a.i - b.i,
    );
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return { shares: floors.map((f) => f / 10 ** digits || 0), total: target / 10 ** digits || 0 };
}

/** Larger remainder first; remainders a rounding apart are a tie, which the larger part wins. */
function byRemainder(a: number, b: number): number {
  return Math.abs(a - b) <= ulps(Math.max(a, b) * 1000) ? 0 : b - a;
}

/** A value a few units in the last place from a whole number is that number (0.29 × 1000). */
function snap(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= ulps(x) ? nearest : x;
}
