import { contains, fromBounds, type Interval } from '../policy/analysis/interval.js';
import type { ScoringFunction } from '../policy/schema/scoring.js';

export type PointsFn = (value: unknown) => number | undefined;

/**
 * A scoring function with its lookups built once. The arithmetic is written exactly as in
 * src/engine/scoring/functions.ts (same operations, same order), so points match bit for bit.
 */
export function compileScoring(fn: ScoringFunction): PointsFn {
  if (fn.linear) {
    const { from, to } = fn.linear;
    return (value) => (typeof value === 'number' ? clamp(((value - from) / (to - from)) * 100) : undefined);
  }
  if (fn.lowerIsBetter) {
    const { best, worst } = fn.lowerIsBetter;
    return (value) =>
      typeof value === 'number' ? clamp(((worst - value) / (worst - best)) * 100) : undefined;
  }
  if (fn.bands) {
    const intervals: Interval[] = fn.bands.map(fromBounds);
    const points = fn.bands.map((b) => b.points);
    return (value) => {
      if (typeof value !== 'number') return undefined;
      for (let i = 0; i < intervals.length; i++) if (contains(intervals[i]!, value)) return points[i];
      return undefined;
    };
  }
  if (fn.categories) {
    const table = new Map(Object.entries(fn.categories));
    return (value) =>
      typeof value === 'string' || typeof value === 'boolean' ? table.get(String(value)) : undefined;
  }
  return () => undefined;
}

function clamp(points: number): number {
  return Math.min(100, Math.max(0, points));
}
