import { monthOfDay } from './calendar.js';
import { Bits, roundingError, Sums } from './collections.js';
import { PeriodTally, weekOfDay } from './periods.js';
import type { Transaction } from './transaction.js';
import type { WindowBounds } from './window.js';
import type { ZoneCalendar } from './zone.js';

/**
 * What facts sharing one window and one field read from a customer's transactions. Facts with
 * the same window and `of` share a stream, so `spend12m` and `avgOrderValue12m` cost one pass.
 */
export interface StreamSpec extends WindowBounds {
  /** The field a transaction must have to count; undefined counts every transaction. */
  field: string | undefined;
  /** Keep the set of purchase days (distinctDays, repeatDays, repurchaseRate). */
  days: boolean;
  /** Keep the set of purchase months (distinctMonths). */
  months: boolean;
  /** Keep the spend per month (dropStreakMonths, the monthly series). */
  monthSpend: boolean;
  /** Keep the purchase days, weeks or months with their first period's total (facts with `per`). */
  dayPeriods: boolean;
  weekPeriods: boolean;
  monthPeriods: boolean;
  /** Those tallies also keep every period's total (min and max with `per`). */
  periodTotals: boolean;
}

export type Collections = Omit<StreamSpec, keyof WindowBounds | 'field'>;

/** A stream that keeps nothing per day or month: the facts reading it then set what they need. */
export const NO_COLLECTIONS: Collections = {
  days: false,
  months: false,
  monthSpend: false,
  dayPeriods: false,
  weekPeriods: false,
  monthPeriods: false,
  periodTotals: false,
};

/** A stream's spec with what every customer's collections are indexed by, computed once. */
export interface StreamLayout extends StreamSpec {
  /** Zone-local day of `upTo`: day index 0. */
  lastDay: number;
  /** Calendar month of `lastDay`: month index 0. */
  lastMonth: number;
  /** Monday-start week of `lastDay`: week index 0. */
  lastWeek: number;
  /** Days in the window (or a first guess without a start): the collections' initial size. */
  dayCapacity: number;
  monthCapacity: number;
  /** Month index of each day index, so no per-transaction calendar arithmetic is needed. */
  monthIndexOfDay: Uint16Array;
}

/**
 * One customer's running totals for one stream. Everything but the day/month collections is
 * O(1) in the number of transactions; the collections are bounded by the days or months of the
 * window.
 */
export class StreamState {
  readonly layout: StreamLayout;
  /** Transactions in the window with the field present. */
  present = 0;
  /** Of those, the ones whose field is a finite number. */
  numeric = 0;
  #sum = 0;
  #sumError = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** The log rows of the smallest and the largest value: what a fact out of its domain names. */
  minRow: number | undefined;
  maxRow: number | undefined;
  firstAt = Number.POSITIVE_INFINITY;
  lastAt = Number.NEGATIVE_INFINITY;
  /** Purchase days, by index lastDay − day. */
  readonly days: Bits | undefined;
  /** Purchase months, by index lastMonth − month. */
  readonly months: Bits | undefined;
  /** Spend per month, by index lastMonth − month. */
  readonly monthSpend: Sums | undefined;
  /** Purchase periods for the facts with `per`, by index lastDay − day, lastWeek − week, lastMonth − month. */
  readonly dayTally: PeriodTally | undefined;
  readonly weekTally: PeriodTally | undefined;
  readonly monthTally: PeriodTally | undefined;

  constructor(layout: StreamLayout) {
    this.layout = layout;
    this.days = layout.days ? new Bits(layout.dayCapacity) : undefined;
    this.months = layout.months ? new Bits(layout.monthCapacity) : undefined;
    this.monthSpend = layout.monthSpend ? new Sums(layout.monthCapacity) : undefined;
    const totals = layout.periodTotals;
    this.dayTally = layout.dayPeriods ? new PeriodTally(layout.dayCapacity, totals) : undefined;
    this.weekTally = layout.weekPeriods ? new PeriodTally(weekCapacity(layout), totals) : undefined;
    this.monthTally = layout.monthPeriods ? new PeriodTally(layout.monthCapacity, totals) : undefined;
  }

  /**
   * `day` is the transaction's zone-local day, or NaN when no collection of this stream needs it;
   * `row` its row in the log, when known.
   */
  add(at: number, value: unknown, day: number, row?: number): void {
    this.present++;
    if (at < this.firstAt) this.firstAt = at;
    if (at > this.lastAt) this.lastAt = at;
    const isNumber = typeof value === 'number' && Number.isFinite(value);
    if (isNumber) {
      this.numeric++;
      const total = this.#sum + value;
      this.#sumError += roundingError(this.#sum, value, total);
      this.#sum = total;
      if (value < this.min) {
        this.min = value;
        this.minRow = row;
      }
      if (value > this.max) {
        this.max = value;
        this.maxRow = row;
      }
    }
    const layout = this.layout;
    // Never negative, except where a zone turns its clocks back across midnight and the as-of
    // falls in the repeated hour; such a transaction is counted on the as-of day.
    const dayIndex = Math.max(layout.lastDay - day, 0);
    this.days?.add(dayIndex);
    if (this.months || this.monthSpend || this.monthTally) {
      const monthIndex = layout.monthIndexOfDay[dayIndex] ?? layout.lastMonth - monthOfDay(day);
      this.months?.add(monthIndex);
      if (isNumber) this.monthSpend?.add(monthIndex, value);
      this.monthTally?.add(monthIndex, isNumber ? value : undefined);
    }
    this.dayTally?.add(dayIndex, isNumber ? value : undefined);
    // From the clamped day index, so a day counted on the as-of day is in the as-of's week too.
    this.weekTally?.add(layout.lastWeek - weekOfDay(layout.lastDay - dayIndex), isNumber ? value : undefined);
  }

  get sum(): number {
    return this.#sum + this.#sumError;
  }

  /** Spend in a calendar month (month number, not index); 0 when none. */
  spendIn(month: number): number {
    return this.monthSpend?.get(this.layout.lastMonth - month) ?? 0;
  }
}

export function needsDay(spec: StreamSpec): boolean {
  return (
    spec.days || spec.months || spec.monthSpend || spec.dayPeriods || spec.weekPeriods || spec.monthPeriods
  );
}

/** Weeks the window touches (a first guess without a start, as for days). */
function weekCapacity(layout: StreamLayout): number {
  return layout.lastWeek - weekOfDay(layout.lastDay - layout.dayCapacity + 1) + 1;
}

/** Days the month table covers in a window without a start; older days compute their month. */
const TABLE_DAYS_WITHOUT_START = 3660;

/** Everything per-customer collections are indexed by, computed once per plan. */
export function layoutOf(spec: StreamSpec, zone: ZoneCalendar): StreamLayout {
  const lastDay = zone.dayOf(spec.upTo);
  const lastMonth = monthOfDay(lastDay);
  const bounded = spec.after !== Number.NEGATIVE_INFINITY;
  const firstDay = bounded ? Math.min(zone.dayOf(spec.after + 1), lastDay) : lastDay - 365;
  const dayCapacity = lastDay - firstDay + 1;
  const table = new Uint16Array(bounded ? dayCapacity : TABLE_DAYS_WITHOUT_START);
  for (let i = 0; i < table.length; i++) table[i] = lastMonth - monthOfDay(lastDay - i);
  return {
    ...spec,
    lastDay,
    lastMonth,
    lastWeek: weekOfDay(lastDay),
    dayCapacity,
    monthCapacity: lastMonth - monthOfDay(firstDay) + 1,
    monthIndexOfDay: table,
  };
}

/**
 * The value a stream reads from a transaction, or undefined when the transaction does not count:
 * outside the window, or its field missing (undefined or null) — a missing field skips the
 * transaction for the facts reading that field only.
 */
export function readIn(spec: StreamSpec, tx: Transaction): unknown {
  const at = tx.at;
  if (!(at > spec.after && at <= spec.upTo)) return undefined;
  if (spec.field === undefined) return true;
  const value = tx.fields[spec.field];
  return value === null ? undefined : value;
}
