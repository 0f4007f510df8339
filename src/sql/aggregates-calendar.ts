import type { Period } from '../policy/schema/facts.js';
import type { Dialect } from './dialect.js';

/**
 * The calendar arithmetic of src/facts/periods.ts and monthly.ts on day numbers, as SQL. Day
 * numbers are zone-local days since 1970-01-01 (BIGINT); months are year × 12 + month − 1.
 */

/** The Monday-start week of a day (periods.ts weekOfDay): ⌊(day + 3) ÷ 7⌋. */
export function weekOfDaySql(d: Dialect, day: string): string {
  return d.intDivFloor(`(${day} + 3)`, '7');
}

/** The day, Monday-start week or month holding a day (periods.ts periodOfDay). */
export function periodOfDaySql(d: Dialect, day: string, per: Period): string {
  return per === 'day' ? day : per === 'week' ? weekOfDaySql(d, day) : d.monthOfDay(day);
}

/**
 * Whole calendar months from day `from` to day `to` (monthly.ts wholeMonthsBetween): the months
 * between their months, one fewer when `from` plus that many months (clamped) is after `to`,
 * which is the anniversary-later-in-the-month test written with the engine's month addition.
 */
export function wholeMonthsSql(d: Dialect, from: string, to: string): string {
  const months = `(${d.monthOfDay(to)} - ${d.monthOfDay(from)})`;
  return `(${months} - CASE WHEN ${d.plusMonths(from, months)} > ${to} THEN 1 ELSE 0 END)`;
}

/**
 * Fractional calendar months from `from` to `to` (periods.ts fractionalMonthsBetween): the whole
 * months, plus the remaining days ÷ the days of the next month step, in the same double operations.
 */
export function fractionalMonthsSql(d: Dialect, from: string, to: string): string {
  const whole = wholeMonthsSql(d, from, to);
  const anchor = d.plusMonths(from, whole);
  const next = d.plusMonths(from, `(${whole} + 1)`);
  return `(${d.toDouble(whole)} + ${d.toDouble(`(${to} - ${anchor})`)} / ${d.toDouble(`(${next} - ${anchor})`)})`;
}
