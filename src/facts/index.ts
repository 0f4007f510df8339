/** Facts from transaction logs: windows, recency, frequency and monthly trends (docs/facts.md). */

export type { Aggregate } from '../policy/schema/facts.js';
export {
  type AggregateOptions,
  type AggregatePlan,
  type CustomerAccumulator,
  compileAggregates,
  type FactValue,
  type FactValues,
  isAggregatePlan,
} from './aggregate.js';
export { type AsOf, type AsOfOptions, isAsOf, parseAsOf } from './asof.js';
export { DEFINITIONS, type TransactionAggregate } from './definitions.js';
export { dropStreak, SPEND_DROP_SHARE, wholeMonthsBetween } from './monthly.js';
export {
  compileMonthlySeries,
  isMonthlySeriesPlan,
  type MonthlyAmount,
  type MonthlySeries,
  type MonthlySeriesOptions,
  type MonthlySeriesPlan,
  monthlySeries,
} from './series.js';
export type { Transaction } from './transaction.js';
export { type WindowBounds, windowBounds } from './window.js';
export { DEFAULT_TIMEZONE, isTimeZone, ZoneCalendar, zoneCalendar } from './zone.js';
