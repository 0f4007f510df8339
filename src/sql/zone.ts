import { IANAZone } from 'luxon';
import type { Dialect } from './dialect.js';

/**
 * A time zone as SQL can read it without a zone database: the zone's offsets as constants, picked
 * by a balanced CASE tree on the instant. The engines disagree on zone support (DuckDB needs its
 * ICU extension, Spark's session zone leaks into casts), so the compiler carries the offsets
 * itself, taken from the same tz data luxon gives the JavaScript path.
 */

const DAY_MS = 86_400_000;
/** The span the offsets are listed for; outside it the nearest listed offset holds. */
const FIRST = Date.UTC(1900, 0, 1);
const LAST = Date.UTC(2100, 0, 1);
const STEP = 16 * DAY_MS;

interface Segment {
  /** The first instant with this offset (−∞ for the first segment). */
  from: number;
  offset: number;
}

const cache = new Map<string, readonly Segment[]>();

/** The zone's offsets in ms, as changes over 1900–2100. */
export function offsetSegments(timezone: string): readonly Segment[] {
  const known = cache.get(timezone);
  if (known) return known;
  const zone = IANAZone.create(timezone);
  const at = (t: number) => zone.offset(t) * 60_000;
  const segments: Segment[] = [{ from: Number.NEGATIVE_INFINITY, offset: at(FIRST) }];
  for (let t = FIRST; t < LAST; t += STEP) {
    if (at(t) === at(t + STEP)) continue;
    let low = t;
    let high = t + STEP;
    // Zones change at most once in 16 days since 1900; bisect to the millisecond.
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (at(middle) === at(low)) low = middle;
      else high = middle;
    }
    segments.push({ from: high, offset: at(high) });
  }
  cache.set(timezone, segments);
  return segments;
}

/** The offset (ms) in effect at an instant expression, as a BIGINT expression. */
export function offsetAt(dialect: Dialect, instant: string, timezone: string): string {
  return tree(dialect, instant, offsetSegments(timezone));
}

/** Wall-clock ms (local time read as UTC) of an instant expression. */
export function wallOf(dialect: Dialect, instant: string, timezone: string): string {
  return `(${instant} + ${offsetAt(dialect, instant, timezone)})`;
}

/** The zone-local day number (days since 1970-01-01) of an instant expression. */
export function dayOf(dialect: Dialect, instant: string, timezone: string): string {
  // A double quotient is exact enough here: epoch ms below 2^53 divided by a day never lands
  // within an ulp of a whole day without being one, and the wall time is written once, not thrice.
  return dialect.toBigint(
    dialect.floor(`${dialect.toDouble(wallOf(dialect, instant, timezone))} / ${dialect.num(DAY_MS)}`),
  );
}

/**
 * The instant of a wall-clock time (ms read as UTC) in the zone. Two steps, as luxon resolves a
 * local time: the offset at the wall time read as an instant, then the offset at the instant that
 * gives. A wall time in a spring-forward gap or an autumn overlap resolves as that second step does.
 */
export function instantOfWall(dialect: Dialect, wall: string, timezone: string): string {
  const segments = offsetSegments(timezone);
  if (segments.length === 1) return `(${wall} - ${dialect.int(segments[0]!.offset)})`;
  const guess = `(${wall} - ${tree(dialect, wall, segments)})`;
  return `(${wall} - ${tree(dialect, guess, segments)})`;
}

function tree(dialect: Dialect, instant: string, segments: readonly Segment[]): string {
  if (segments.length === 1) return dialect.int(segments[0]!.offset);
  const middle = Math.floor(segments.length / 2);
  const split = segments[middle]!.from;
  const below = tree(dialect, instant, segments.slice(0, middle));
  const above = tree(dialect, instant, segments.slice(middle));
  return `CASE WHEN ${instant} < ${dialect.int(split)} THEN ${below} ELSE ${above} END`;
}
