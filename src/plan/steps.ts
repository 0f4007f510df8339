import { monthOfDay } from '../facts/calendar.js';
import { plusMonths } from '../facts/periods.js';
import { monthsAndDays } from '../policy/analysis/duration.js';

/** A cadence as whole calendar months and days (time parts round up to a day, as re-rating does). */
export interface Step {
  months: number;
  days: number;
}

export function stepOf(every: string): Step | undefined {
  const step = monthsAndDays(every);
  return step && (step.months > 0 || step.days > 0) ? step : undefined;
}

/**
 * The k-th day of a cadence anchored on `anchor`: anchor + k × every, counted from the anchor
 * each time rather than from the previous contact, so month ends clamp without drifting
 * (P1M from 31 January: 28 February, 31 March, 30 April — not 28 March).
 */
export function nthDay(anchor: number, step: Step, k: number): number {
  return plusMonths(anchor, k * step.months) + k * step.days;
}

/**
 * The cadence's days after `anchor` (k ≥ 1) from `from - slack` to before `until`. A step is at
 * most 31 days a month plus its days, so the search starts at a k that is surely before the window.
 */
export function cadenceDays(anchor: number, step: Step, from: number, until: number, slack = 31): number[] {
  const longest = step.months * 31 + step.days;
  let k = Math.max(1, Math.floor((from - slack - anchor) / longest));
  const days: number[] = [];
  for (let day = nthDay(anchor, step, k); day < until; day = nthDay(anchor, step, ++k))
    if (day >= from - slack) days.push(day);
  return days;
}

/**
 * The period a cadence day falls in, for an event id that survives a re-rating: the calendar
 * month for P1M, the quarter for P3M (from January), the fortnight for P2W (from 1970-01-01).
 * Consecutive days of one cadence fall in different periods; a step of months and days mixed has
 * no such period, and the day itself is used.
 */
export function periodOf(day: number, step: Step): string {
  if (step.days === 0) return `m${Math.floor(monthOfDay(day) / step.months)}`;
  if (step.months === 0) return `d${Math.floor(day / step.days)}`;
  return `${day}`;
}
