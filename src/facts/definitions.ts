import type { AGGREGATES } from '../policy/schema/facts.js';
import { dropStreakOf, SPEND_DROP_SHARE, wholeMonthsBetween } from './monthly.js';
import type { Collections, StreamState } from './stream.js';
import type { ZoneCalendar } from './zone.js';

export type Aggregate = (typeof AGGREGATES)[number];

export interface ResultContext {
  /** The as-of day (zone-local day number): "days since" count from it, not from the window's end. */
  asOfDay: number;
  zone: ZoneCalendar;
}

export interface AggregateDefinition {
  /** The fact must name the numeric field it reads (`of`). */
  needsField: boolean;
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
export const DEFINITIONS: Record<Aggregate, AggregateDefinition> = {
  sum: { needsField: true, keeps: {}, value: (s) => s.sum },
  count: { needsField: false, keeps: {}, value: (s) => s.present },
  avg: { needsField: true, keeps: {}, value: (s) => (s.numeric > 0 ? s.sum / s.numeric : undefined) },
  min: { needsField: true, keeps: {}, value: (s) => (s.numeric > 0 ? s.min : undefined) },
  max: { needsField: true, keeps: {}, value: (s) => (s.numeric > 0 ? s.max : undefined) },
  distinctDays: { needsField: false, keeps: { days: true }, value: (s) => s.days!.count() },
  distinctMonths: { needsField: false, keeps: { months: true }, value: (s) => s.months!.count() },
  daysSinceLast: { needsField: false, keeps: {}, value: daysSinceLast },
  daysSinceFirst: { needsField: false, keeps: {}, value: daysSinceFirst },
  weeksSinceLast: { needsField: false, keeps: {}, value: (s, c) => weeks(daysSinceLast(s, c)) },
  weeksSinceFirst: { needsField: false, keeps: {}, value: (s, c) => weeks(daysSinceFirst(s, c)) },
  // Fader–Hardie's repeat-purchase count x, in distinct days so that two orders placed the same
  // day are one purchase occasion.
  repeatDays: { needsField: false, keeps: { days: true }, value: (s) => Math.max(s.days!.count() - 1, 0) },
  // 复购率 as 重复购买次数 ÷ 总购买次数 (seed 004's loyalty metric), counted in purchase days.
  repurchaseRate: {
    needsField: false,
    keeps: { days: true },
    value: (s) => {
      const days = s.days!.count();
      return days > 0 ? ((days - 1) / days) * 100 : undefined;
    },
  },
  dropStreakMonths: {
    needsField: true,
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
    needsField: false,
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
