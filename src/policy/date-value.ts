import { parseDuration } from './analysis/duration.js';

/**
 * What a date is compared with in a condition or a matrix band: a date written out
 * (`2024-01-01`, `2024-01-01T09:00:00+08:00`), or a time back from the as-of instant
 * (`{ ago: P90D }`: as of 2024-03-01 that is 2023-12-02, end of day). Plain data here; the instant
 * is found when the as-of is known (src/facts/date-values.ts).
 */
export type DateValue = { kind: 'date'; text: string } | { kind: 'ago'; duration: string };

/** The operators that compare dates: earlier is "before", whatever the unit. */
export const DATE_OPERATORS = ['before', 'onOrBefore', 'after', 'onOrAfter'] as const;
export type DateOperator = (typeof DATE_OPERATORS)[number];

export function isDateOperator(operator: string): operator is DateOperator {
  return (DATE_OPERATORS as readonly string[]).includes(operator);
}

/** A date written in a policy: a day, or a date-time with its offset (whether the day exists is isRealDay's). */
export const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The date value a policy writes, or undefined when the value is not one. */
export function readDateValue(value: unknown): DateValue | undefined {
  if (typeof value === 'string') {
    const m = DATE_TEXT.exec(value);
    if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
    return { kind: 'date', text: value };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const ago = (value as { ago?: unknown }).ago;
    if (keys.length !== 1 || typeof ago !== 'string') return undefined;
    const parts = parseDuration(ago);
    // Calendar units must be whole (as windows: P1.5M has no calendar meaning), and not zero.
    if (!parts || ![parts.years, parts.months, parts.weeks, parts.days].every(Number.isInteger))
      return undefined;
    if (Object.values(parts).every((n) => n === 0)) return undefined;
    return { kind: 'ago', duration: ago };
  }
  return undefined;
}

/** Whether year-month-day names a day of the calendar (2023-02-29 does not). */
export function isRealDay(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

type Bound = number | string | { ago: string } | undefined;

/**
 * A matrix band's bounds as numbers. On a date axis they are instants once src/facts/date-values.ts
 * has resolved them for an as-of; a date still written out here (a policy nobody resolved) is NaN,
 * which no value is inside — never a guess.
 */
export function numericBounds(band: { atLeast?: Bound; above?: Bound; below?: Bound; atMost?: Bound }): {
  atLeast?: number;
  above?: number;
  below?: number;
  atMost?: number;
} {
  const n = (b: Bound) => (b === undefined ? undefined : typeof b === 'number' ? b : Number.NaN);
  const out: { atLeast?: number; above?: number; below?: number; atMost?: number } = {};
  for (const key of ['atLeast', 'above', 'below', 'atMost'] as const) {
    const v = n(band[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
