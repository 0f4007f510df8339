import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type AsOf, isAsOf, parseAsOf } from './asof.js';
import { formatMonth, monthOfDay } from './calendar.js';
import { layoutOf, NO_COLLECTIONS, readIn, StreamState } from './stream.js';
import type { Transaction } from './transaction.js';
import { isWindowBounds, windowBounds } from './window.js';
import { zoneCalendar } from './zone.js';

export interface MonthlyAmount {
  /** Calendar month in the policy's zone, 2024-03. */
  month: string;
  /** Sum of the field over the month's transactions inside the window; 0 for a month without any. */
  amount: number;
  /** The whole month lies inside the window and has ended by the as-of instant. */
  complete: boolean;
}

export interface MonthlySeries {
  /** Oldest first. */
  months: MonthlyAmount[];
}

export interface MonthlySeriesOptions {
  /** The numeric field summed, e.g. amount. */
  of: string;
  window?: string;
  calendar?: boolean;
  asOf: string | AsOf;
  timezone?: string;
  now?: number;
}

export interface MonthlySeriesPlan {
  readonly asOf: AsOf;
  /** One customer's series; the plan is reused for every customer. */
  series(transactions: Iterable<Transaction>): MonthlySeries;
}

/**
 * One customer's monthly spend series (seed 000/003 keep a "monthly spend series" per customer),
 * oldest first: every calendar month the window touches, or without a window every month from the
 * first purchase, through the as-of month, months without spend as 0. The same window rules as
 * the aggregates apply, so the series sums to the `sum` fact over that window.
 */
export function monthlySeries(
  transactions: Iterable<Transaction>,
  options: MonthlySeriesOptions,
): MonthlySeries | Diagnostic[] {
  const plan = compileMonthlySeries(options);
  return isMonthlySeriesPlan(plan) ? plan.series(transactions) : plan;
}

/** The as-of, the window and the month table computed once, for the series of many customers. */
export function compileMonthlySeries(options: MonthlySeriesOptions): MonthlySeriesPlan | Diagnostic[] {
  const asOf =
    typeof options.asOf === 'string'
      ? parseAsOf(options.asOf, { timezone: options.timezone, now: options.now })
      : options.asOf;
  if (!isAsOf(asOf)) return asOf;
  const zone = zoneCalendar(asOf.timezone);
  const bounds = windowBounds({ window: options.window, calendar: options.calendar }, asOf, zone, '');
  if (!isWindowBounds(bounds)) return [bounds];
  const layout = layoutOf({ ...bounds, field: options.of, ...NO_COLLECTIONS, monthSpend: true }, zone);
  const { lastMonth } = layout;
  const bounded = bounds.after !== Number.NEGATIVE_INFINITY;
  const oldestInWindow = bounded ? lastMonth - monthOfDay(zone.dayOf(bounds.after + 1)) : -1;
  return {
    asOf,
    series(transactions) {
      const state = new StreamState(layout);
      for (const tx of transactions) {
        const value = readIn(layout, tx);
        if (value !== undefined) state.add(tx.at, value, zone.dayOf(tx.at));
      }
      const oldest = bounded ? oldestInWindow : state.monthSpend!.oldest;
      const months: MonthlyAmount[] = [];
      for (let index = oldest; index >= 0; index--) {
        const month = lastMonth - index;
        months.push({
          month: formatMonth(month),
          amount: state.spendIn(month),
          complete: month >= bounds.firstWholeMonth && month <= bounds.lastWholeMonth,
        });
      }
      return { months };
    },
  };
}

export function isMonthlySeriesPlan(value: MonthlySeriesPlan | Diagnostic[]): value is MonthlySeriesPlan {
  return !Array.isArray(value);
}
