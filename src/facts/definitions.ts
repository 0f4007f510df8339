import type { AGGREGATES } from '../policy/schema/facts.js';
import { dropStreakOf, SPEND_DROP_SHARE, wholeMonthsBetween } from './monthly.js';
import type { Collections, StreamState } from './stream.js';
import type { ZoneCalendar } from './zone.js';

/** The fifteen per-transaction aggregates; the period forms and the new aggregates are in period-definitions.ts. */
export type TransactionAggregate = (typeof AGGREGATES)[number];

export interface ResultContext {
  /** The as-of day (zone-local day number): "days since" count from it, not from the window's end. */
  asOfDay: number;
  zone: ZoneCalendar;
}

export interface AggregateDefinition {
  /** What the stream must keep per customer beyond its O(1) totals (only `true` entries). */
  keeps: Partial<Collections>;
  /** A number, or for the date aggregates an ISO 8601 date-time. */
  value(state: StreamState, context: ResultContext): number | string | undefined;
}

/**
 * Each aggregate exactly as docs/facts.md defines it. Counts and totals of nothing are 0 (a
 * customer who bought nothing in 12 months spent 0); measures of something that did not happen
 * (the average order, the days since the last purchase) are undefined, never 0 or Infinity.
 */
export const DEFINITIONS: Record<TransactionAggregate, AggregateDefinition> = {
  sum: { keeps: {}, value: (s) => s.sum },
  count: { keeps: {}, value: (s) => s.present },
  avg: { keeps: {}, value: (s) => (s.numeric > 0 ? s.sum / s.numeric : undefined) },
  min: { keeps: {}, value: (s) => (s.numeric > 0 ? s.min : undefined) },
  max: { keeps: {}, value: (s) => (s.numeric > 0 ? s.max : undefined) },
  distinctDays: { keeps: { days: true }, value: (s) => s.days!.count() },
  distinctMonths: { keeps: { months: true }, value: (s) => s.months!.count() },
  daysSinceLast: { keeps: {}, value: daysSinceLast },
  daysSinceFirst: { keeps: {}, value: daysSinceFirst },
  weeksSinceLast: { keeps: {}, value: (s, c) => weeks(daysSinceLast(s, c)) },
  weeksSinceFirst: { keeps: {}, value: (s, c) => weeks(daysSinceFirst(s, c)) },
  // Fader–Hardie's repeat-purchase count x, in distinct days so that two orders placed the same
  // day are one purchase occasion.
  repeatDays: { keeps: { days: true }, value: (s) => Math.max(s.days!.count() - 1, 0) },
  // 复购率 as 重复购买次数 ÷ 总购买次数 (seed 004's loyalty metric), counted in purchase days.
  repurchaseRate: {
    keeps: { days: true },
    value: (s) => {
      const days = s.days!.count();
      return days > 0 ? ((days - 1) / days) * 100 : undefined;
    },
  },
  dropStreakMonths: {
    keeps: { monthSpend: true },
    value: (s) =>
      dropStreakOf(
        (month) => s.spendIn(month),
        s.layout.firstWholeMonth,
        s.layout.lastWholeMonth,
        SPEND_DROP_SHARE,
      ),
  },
  monthsWithoutPurchase: {
    keeps: {},
    value: (s, c) => (s.present > 0 ? wholeMonthsBetween(c.zone.dayOf(s.lastAt), c.asOfDay) : undefined),
  },
};

function daysSinceLast(s: StreamState, c: ResultContext): number | undefined {
  return s.present > 0 ? c.asOfDay - c.zone.dayOf(s.lastAt) : undefined;
}

function daysSinceFirst(s: StreamState, c: ResultContext): number | undefined {
  return s.present > 0 ? c.asOfDay - c.zone.dayOf(s.firstAt) : undefined;
}

/** Whole weeks elapsed, like whole days: 13 days is 1 week, not 2. */
function weeks(days: number | undefined): number | undefined {
  return days === undefined ? undefined : Math.floor(days / 7);
}
