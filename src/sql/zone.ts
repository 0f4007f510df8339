import { DateTime, IANAZone } from 'luxon';
import type { Dialect } from './dialect.js';

/**
 * A time zone as SQL can read it without a zone database: the zone's offsets as constants, picked
 * by one flat CASE on the instant, newest change first (recent dates, the common ones, match in the
 * first arms). The engines disagree on zone support (DuckDB needs its ICU extension, Spark's
 * session zone leaks into casts), so the compiler carries the offsets itself, taken from the same
 * tz data luxon gives the JavaScript path. Flat, not nested: nested CASEs grow the grammar's
 * lookahead (the Spark and Trino parsers took minutes) and a nested operand would be written once
 * per arm.
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
  return pick(dialect, instant, offsetSegments(timezone));
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
 * The instant of a wall-clock time (ms read as UTC) in the zone, as the JavaScript path resolves
 * it (luxon: a time in a spring-forward gap moves forward; one an autumn overlap repeats takes the
 * offset luxon picks). That resolution is a step function of the wall time, listed once here, so
 * the SQL reads the wall time in one CASE.
 */
export function instantOfWall(dialect: Dialect, wall: string, timezone: string): string {
  const segments = wallSegments(timezone);
  if (segments.length === 1) return `(${wall} - ${dialect.int(segments[0]!.offset)})`;
  return `(${wall} - ${pick(dialect, wall, segments)})`;
}

const wallCache = new Map<string, readonly Segment[]>();

/** wall − instant (what to subtract from a wall time) as segments of the wall time. */
export function wallSegments(timezone: string): readonly Segment[] {
  const known = wallCache.get(timezone);
  if (known) return known;
  const instants = offsetSegments(timezone);
  const resolve = (wall: number) => {
    const w = new Date(wall);
    const instant = DateTime.fromObject(
      {
        year: w.getUTCFullYear(),
        month: w.getUTCMonth() + 1,
        day: w.getUTCDate(),
        hour: w.getUTCHours(),
        minute: w.getUTCMinutes(),
        second: w.getUTCSeconds(),
        millisecond: w.getUTCMilliseconds(),
      },
      { zone: timezone },
    );
    return wall - instant.toMillis();
  };
  // luxon subtracts a provisional offset (the zone's offset now), then the offset at that guess, so
  // its answer can change only where a wall time minus one of those offsets crosses a change.
  const now = IANAZone.create(timezone).offset(Date.now()) * 60_000;
  const candidates = new Set<number>();
  instants.forEach((segment, i) => {
    if (i === 0) return;
    for (const near of [...instants.slice(Math.max(0, i - 2), i + 2), { offset: now }])
      candidates.add(segment.from + near.offset);
  });
  const segments: Segment[] = [{ from: Number.NEGATIVE_INFINITY, offset: resolve(FIRST - DAY_MS) }];
  for (const at of [...candidates].sort((a, b) => a - b)) {
    const offset = resolve(at);
    if (offset !== segments[segments.length - 1]!.offset) segments.push({ from: at, offset });
  }
  wallCache.set(timezone, segments);
  return segments;
}

function pick(dialect: Dialect, x: string, segments: readonly Segment[]): string {
  if (segments.length === 1) return dialect.int(segments[0]!.offset);
  const arms: string[] = [];
  for (let i = segments.length - 1; i > 0; i--)
    arms.push(`WHEN ${x} >= ${dialect.int(segments[i]!.from)} THEN ${dialect.int(segments[i]!.offset)}`);
  return `CASE ${arms.join(' ')} ELSE ${dialect.int(segments[0]!.offset)} END`;
}
