import { contains, fromBounds } from '../../policy/analysis/interval.js';
import type { ScoringFunction } from '../../policy/schema/scoring.js';

/**
 * Points (0–100) for one fact value, or undefined when the function has no answer for it: a
 * value no band covers, a category without points, or a value of the wrong kind.
 */
export function applyScoring(fn: ScoringFunction, value: unknown): number | undefined {
  if (fn.linear) {
    if (typeof value !== 'number') return undefined;
    const { from, to } = fn.linear;
    return clamp(((value - from) / (to - from)) * 100);
  }
  if (fn.lowerIsBetter) {
    if (typeof value !== 'number') return undefined;
    const { best, worst } = fn.lowerIsBetter;
    return clamp(((worst - value) / (worst - best)) * 100);
  }
  if (fn.bands) {
    if (typeof value !== 'number') return undefined;
    return matchBand(fn.bands, value)?.points;
  }
  if (fn.categories) {
    if (typeof value !== 'string' && typeof value !== 'boolean') return undefined;
    const key = String(value);
    return Object.hasOwn(fn.categories, key) ? fn.categories[key] : undefined;
  }
  return undefined;
}

/** First band (in the order written) whose range holds the value. */
export function matchBand<B extends { atLeast?: number; above?: number; below?: number; atMost?: number }>(
  bands: readonly B[],
  value: number,
): (B & { index: number }) | undefined {
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (contains(fromBounds(band), value)) return { ...band, index: i };
  }
  return undefined;
}

function clamp(points: number): number {
  return Math.min(100, Math.max(0, points));
}
