import type { Period } from '../policy/schema/facts.js';
import { civilDate, daysInMonth, firstDayOfMonth, monthOfDay } from './calendar.js';
import { Bits, roundingError, Sums } from './collections.js';
import { wholeMonthsBetween } from './monthly.js';

/**
 * The Monday-start week of a day number, counted from the week of 1969-12-29 (a Monday; day 0,
 * 1970-01-01, was a Thursday). ISO 8601 weeks, and pandas' W-SUN periods (weeks ending on Sunday)
 * that lifetimes' summary_data_from_transaction_data groups by with freq='W'.
 */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The calendar period (day, Monday-start week or month number) holding a day. */
export function periodOfDay(day: number, per: Period): number {
  return per === 'day' ? day : per === 'week' ? weekOfDay(day) : monthOfDay(day);
}

/**
 * One customer's purchase periods of one kind (days, weeks or months) for the facts that merge
 * transactions per period. Indexed by distance back from the window's last period, like the other
 * collections. Adding is O(1) and independent of the order transactions come in: the first
 * period's total is kept by resetting it whenever an older period turns up, so excluding the first
 * period never needs the per-period totals; those are kept only for min and max per period.
 */
export class PeriodTally {
  /** Periods with a transaction the stream reads. */
  readonly present: Bits;
  /** Periods with a finite numeric value: the divisor of avg per period. */
  readonly numeric: Bits;
  /** Each period's total, for min and max per period; undefined when no fact needs them. */
  readonly totals: Sums | undefined;
  /** The index of the oldest period with a transaction (the first purchase period), −1 when none. */
  oldest = -1;
  #firstSum = 0;
  #firstError = 0;
  /** Whether the first purchase period has a numeric value. */
  firstNumeric = false;

  constructor(capacity: number, totals: boolean) {
    this.present = new Bits(capacity);
    this.numeric = new Bits(capacity);
    this.totals = totals ? new Sums(capacity) : undefined;
  }

  /** `value` is the transaction's finite number, or undefined when it has none. */
  add(index: number, value: number | undefined): void {
    this.present.add(index);
    if (index > this.oldest) {
      this.oldest = index;
      this.#firstSum = 0;
      this.#firstError = 0;
      this.firstNumeric = false;
    }
    if (value === undefined) return;
    this.numeric.add(index);
    this.totals?.add(index, value);
    if (index === this.oldest) {
      const total = this.#firstSum + value;
      this.#firstError += roundingError(this.#firstSum, value, total);
      this.#firstSum = total;
      this.firstNumeric = true;
    }
  }

  /** The total of the first purchase period (0 when it has no numeric value). */
  get firstSum(): number {
    return this.#firstSum + this.#firstError;
  }
}

/**
 * Fractional calendar months from day `from` to day `to` (to ≥ from): the whole months elapsed by
 * the month-end clamping windows use (Jan 31 + 1 month = Feb 29), then the remaining days ÷ the
 * days of the next month step. From Jan 31, 2024 to Mar 15: one whole month to Feb 29, then 15 of
 * the 31 days to Mar 31, so 1 + 15/31.
 */
export function fractionalMonthsBetween(from: number, to: number): number {
  const whole = wholeMonthsBetween(from, to);
  const anchor = plusMonths(from, whole);
  const next = plusMonths(from, whole + 1);
  return whole + (to - anchor) / (next - anchor);
}

/** A day plus whole calendar months, clamped to the end of a shorter month (luxon's rule). */
export function plusMonths(day: number, months: number): number {
  const month = monthOfDay(day) + months;
  return firstDayOfMonth(month) + Math.min(civilDate(day).day, daysInMonth(month)) - 1;
}
