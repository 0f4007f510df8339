import { msg, render, type Text } from '../../i18n/text.js';

/**
 * Intervals on the number line with explicit open/closed ends: the arithmetic behind every
 * gap, overlap and reachability finding (bands, thresholds, matrix axes, criteria coverage).
 */
export interface Interval {
  lo: number;
  loClosed: boolean;
  hi: number;
  hiClosed: boolean;
}

/** Real numbers, or a grid of multiples of `step` (integers: step 1; a score rounded to 0.1: step 0.1). */
export type Domain = { kind: 'real' } | { kind: 'grid'; step: number };
export const REAL: Domain = { kind: 'real' };
export const INTEGER: Domain = { kind: 'grid', step: 1 };

export interface RangeBounds {
  atLeast?: number;
  above?: number;
  below?: number;
  atMost?: number;
}

export const EVERYTHING: Interval = { lo: -Infinity, loClosed: false, hi: Infinity, hiClosed: false };

export function fromBounds(r: RangeBounds): Interval {
  const lower =
    r.atLeast !== undefined && (r.above === undefined || r.atLeast > r.above)
      ? { lo: r.atLeast, loClosed: true }
      : r.above !== undefined
        ? { lo: r.above, loClosed: false }
        : { lo: -Infinity, loClosed: false };
  const upper =
    r.atMost !== undefined && (r.below === undefined || r.atMost < r.below)
      ? { hi: r.atMost, hiClosed: true }
      : r.below !== undefined
        ? { hi: r.below, hiClosed: false }
        : { hi: Infinity, hiClosed: false };
  return { ...lower, ...upper };
}

/** The bounds a policy would write for an interval (infinite ends left out): the inverse of fromBounds. */
export function toBounds(i: Interval): RangeBounds {
  const out: RangeBounds = {};
  if (Number.isFinite(i.lo)) out[i.loClosed ? 'atLeast' : 'above'] = i.lo;
  if (Number.isFinite(i.hi)) out[i.hiClosed ? 'atMost' : 'below'] = i.hi;
  return out;
}

export function interval(lo: number, hi: number, loClosed = true, hiClosed = true): Interval {
  return { lo, hi, loClosed, hiClosed };
}

export function contains(i: Interval, x: number): boolean {
  const aboveLo = i.loClosed ? x >= i.lo : x > i.lo;
  const belowHi = i.hiClosed ? x <= i.hi : x < i.hi;
  return aboveLo && belowHi;
}

export function intersect(a: Interval, b: Interval): Interval {
  const lower =
    a.lo > b.lo || (a.lo === b.lo && !a.loClosed)
      ? { lo: a.lo, loClosed: a.loClosed }
      : { lo: b.lo, loClosed: b.loClosed };
  const upper =
    a.hi < b.hi || (a.hi === b.hi && !a.hiClosed)
      ? { hi: a.hi, hiClosed: a.hiClosed }
      : { hi: b.hi, hiClosed: b.hiClosed };
  return { ...lower, ...upper };
}

/** The parts of `whole` that none of `parts` covers, in ascending order. */
export function subtract(whole: Interval, parts: readonly Interval[]): Interval[] {
  let remaining: Interval[] = [whole];
  for (const part of parts) {
    const next: Interval[] = [];
    for (const piece of remaining) {
      const cut = intersect(piece, part);
      if (isEmpty(cut, REAL)) {
        next.push(piece);
        continue;
      }
      next.push({ lo: piece.lo, loClosed: piece.loClosed, hi: cut.lo, hiClosed: !cut.loClosed });
      next.push({ lo: cut.hi, loClosed: !cut.hiClosed, hi: piece.hi, hiClosed: piece.hiClosed });
    }
    remaining = next.filter((i) => !isEmpty(i, REAL));
  }
  return remaining;
}

export function isEmpty(i: Interval, domain: Domain): boolean {
  if (i.lo > i.hi) return true;
  if (i.lo === i.hi) {
    if (!(i.loClosed && i.hiClosed)) return true;
    return domain.kind === 'grid' && !onGrid(i.lo, domain.step);
  }
  return domain.kind === 'grid' && pickValue(i, domain) === undefined;
}

/**
 * A value inside the interval that a person would write in an example: the roundest number
 * strictly inside (30,000 rather than 33,333.5 or the edge 0), or undefined when the domain has
 * no value there. Open-ended intervals are first closed at a distance of their own magnitude.
 */
export function pickValue(i: Interval, domain: Domain = REAL): number | undefined {
  if (i.lo > i.hi) return undefined;
  if (i.lo === i.hi) {
    const onIt = contains(i, i.lo) && (domain.kind === 'real' || onGrid(i.lo, domain.step));
    return onIt ? i.lo : undefined;
  }
  const step = domain.kind === 'grid' ? domain.step : undefined;
  const magnitude = (x: number) =>
    Math.max(x === 0 ? 0 : 10 ** Math.floor(Math.log10(Math.abs(x))), step ?? 1);
  const lo = i.lo === -Infinity ? (i.hi === Infinity ? -1 : i.hi - 2 * magnitude(i.hi)) : i.lo;
  const hi = i.hi === Infinity ? lo + 2 * magnitude(lo) : i.hi;
  const middle = (lo + hi) / 2;
  const finest = step ?? Math.max((hi - lo) / 1e6, Number.MIN_VALUE);
  // Bounded: at most ~650 decimal orders of magnitude exist between the largest and the smallest double.
  for (
    let unit = 10 ** Math.ceil(Math.log10(Math.max(hi - lo, finest))), n = 0;
    unit > 0 && unit >= finest / 10 && n < 700;
    unit /= 10, n++
  ) {
    if (step !== undefined && (unit < step * (1 - 1e-9) || !onGrid(unit, step))) continue;
    const below = tidy(Math.floor(middle / unit) * unit);
    const above = tidy(Math.ceil(middle / unit) * unit);
    const inside = [above, below].filter((v) => v > lo && v < hi && contains(i, v));
    if (inside.length > 0) return inside.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
  }
  for (const edge of [i.lo, i.hi]) {
    if (!Number.isFinite(edge)) continue;
    // Snap to the grid first: an edge within rounding noise of a grid point is that point.
    const candidate = step === undefined ? edge : tidy(Math.round(edge / step) * step);
    if (contains(i, candidate)) return candidate;
  }
  if (step === undefined) return contains(i, middle) ? middle : undefined;
  return undefined;
}

/**
 * The smallest value of the interval the domain holds (a closed end, or the first grid point past
 * an open one); for an open end on the real line, where there is none, a value `pickValue` likes.
 */
export function lowestValue(i: Interval, domain: Domain = REAL): number | undefined {
  return endValue(i, domain, 'lo');
}

/** The largest value of the interval the domain holds; see lowestValue. */
export function highestValue(i: Interval, domain: Domain = REAL): number | undefined {
  return endValue(i, domain, 'hi');
}

function endValue(i: Interval, domain: Domain, end: 'lo' | 'hi'): number | undefined {
  const edge = i[end];
  if (!Number.isFinite(edge)) return pickValue(i, domain);
  if (domain.kind === 'real') return contains(i, edge) ? edge : pickValue(i, domain);
  const q = edge / domain.step;
  // A grid point within rounding noise of the edge is the edge itself.
  const first = end === 'lo' ? Math.ceil(q - 1e-9) : Math.floor(q + 1e-9);
  const direction = end === 'lo' ? 1 : -1;
  for (const n of [first, first + direction]) {
    const value = tidy(n * domain.step);
    if (contains(i, value)) return value;
  }
  return undefined;
}

function onGrid(x: number, step: number): boolean {
  const q = x / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** Removes binary noise such as 0.30000000000000004 from computed example values. */
function tidy(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/** "≥ 50,000 and < 100,000", the way a policy's author would say it, in the reader's language. */
export function intervalText(i: Interval): Text {
  if (i.lo === i.hi && i.loClosed && i.hiClosed) return msg('tiers.range', { point: formatNumber(i.lo) });
  return msg('tiers.range', {
    ...(i.lo === -Infinity ? {} : { lower: `${i.loClosed ? '≥' : '>'} ${formatNumber(i.lo)}` }),
    ...(i.hi === Infinity ? {} : { upper: `${i.hiClosed ? '≤' : '<'} ${formatNumber(i.hi)}` }),
  });
}

/** The same in English. */
export function describeInterval(i: Interval): string {
  return render('en', intervalText(i));
}

export function formatNumber(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
