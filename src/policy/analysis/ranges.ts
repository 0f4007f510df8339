import { msg, type Text } from '../../i18n/text.js';
import {
  type Domain,
  fromBounds,
  type Interval,
  intersect,
  isEmpty,
  pickValue,
  type RangeBounds,
  REAL,
  subtract,
} from './interval.js';

export interface RangeEntry {
  interval: Interval;
}

export interface RangeAnalysis {
  /** Parts of the domain no entry covers, each with an example value from the domain. */
  gaps: { interval: Interval; example: number }[];
  /** Entries that earlier entries cover completely (first match wins), or that are empty. */
  unreachable: number[];
  /** Later entry i claims values that the earlier entry j takes. */
  overlaps: { later: number; earlier: number; interval: Interval; example: number }[];
}

/**
 * Ordered ranges under first-match semantics (band tables, score thresholds, matrix axes) over
 * a domain, on a value grid (integers, a rounded score) or the real line.
 */
export function analyseRanges(
  entries: readonly RangeEntry[],
  domain: Interval,
  grid: Domain = REAL,
): RangeAnalysis {
  const unreachable: number[] = [];
  const overlaps: RangeAnalysis['overlaps'] = [];
  entries.forEach((entry, i) => {
    const own = intersect(entry.interval, domain);
    const earlier = entries.slice(0, i).map((e) => e.interval);
    const left = subtract(own, earlier).filter((piece) => !isEmpty(piece, grid));
    if (left.length === 0) {
      unreachable.push(i);
      return;
    }
    earlier.forEach((interval, j) => {
      const shared = intersect(own, interval);
      const example = isEmpty(shared, grid) ? undefined : pickValue(shared, grid);
      if (example !== undefined) overlaps.push({ later: i, earlier: j, interval: shared, example });
    });
  });
  const gaps = subtract(
    domain,
    entries.map((e) => e.interval),
  )
    .map((interval) => ({ interval, example: pickValue(interval, grid) }))
    .filter(
      (g): g is { interval: Interval; example: number } =>
        g.example !== undefined && !isEmpty(g.interval, grid),
    );
  return { gaps, unreachable, overlaps };
}

/** The number line a fact's values live on: its declared min/max, closed. */
export function factDomain(fact: { min?: number; max?: number } | undefined): Interval {
  return fromBounds({ atLeast: fact?.min, atMost: fact?.max });
}

/** Says so when a range states both forms of one end (atLeast and above), which is ambiguous. */
export function conflictingBounds(r: RangeBounds): Text | undefined {
  if (r.atLeast !== undefined && r.above !== undefined) return msg('lint.bothAtLeastAndAbove');
  if (r.below !== undefined && r.atMost !== undefined) return msg('lint.bothBelowAndAtMost');
  return undefined;
}

/** Whether a range states an end of its own (rather than relying on the order of the table). */
export function hasUpperBound(r: RangeBounds): boolean {
  return r.below !== undefined || r.atMost !== undefined;
}
