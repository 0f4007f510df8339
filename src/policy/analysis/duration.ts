import { DURATION_PATTERN } from '../schema/patterns.js';

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = new RegExp(DURATION_PATTERN);
const PARTS = /(\d+(?:\.\d+)?)([YMWDHS])/g;

/** Parses an ISO 8601 duration (PT4H, P3M, P1Y2M10DT2H30M); undefined when it is not one. */
export function parseDuration(text: string): DurationParts | undefined {
  if (!PATTERN.test(text)) return undefined;
  const out: DurationParts = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  const [date = '', time = ''] = text.slice(1).split('T');
  for (const [, n, unit] of date.matchAll(PARTS)) {
    const value = Number(n);
    if (unit === 'Y') out.years = value;
    else if (unit === 'M') out.months = value;
    else if (unit === 'W') out.weeks = value;
    else if (unit === 'D') out.days = value;
  }
  for (const [, n, unit] of time.matchAll(PARTS)) {
    const value = Number(n);
    if (unit === 'H') out.hours = value;
    else if (unit === 'M') out.minutes = value;
    else if (unit === 'S') out.seconds = value;
  }
  return out;
}

/**
 * A duration as calendar steps: whole months (years × 12 + months) and days (weeks × 7 + days,
 * time parts rounded up to a day). What a cadence counts in: P3M after 31 January is 30 April.
 */
export function monthsAndDays(text: string): { months: number; days: number } | undefined {
  const d = parseDuration(text);
  if (!d) return undefined;
  const hours = d.hours + d.minutes / 60 + d.seconds / 3600;
  return { months: d.years * 12 + d.months, days: d.weeks * 7 + d.days + Math.ceil(hours / 24) };
}

/**
 * Seconds, with calendar units at their average length. Only for ordering targets ("is PT8H
 * slower than PT4H", "is P1M more often than P3M"); windows over dates use calendar arithmetic.
 */
export function approximateSeconds(d: DurationParts): number {
  const day = 86_400;
  return (
    d.years * 365.2425 * day +
    d.months * 30.436875 * day +
    d.weeks * 7 * day +
    d.days * day +
    d.hours * 3600 +
    d.minutes * 60 +
    d.seconds
  );
}

export function durationSeconds(text: string | undefined): number | undefined {
  const parts = text === undefined ? undefined : parseDuration(text);
  return parts ? approximateSeconds(parts) : undefined;
}
