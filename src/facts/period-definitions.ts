import { formatInstant } from '../data/index.js';
import type { Fact, Period } from '../policy/schema/facts.js';
import { type AggregateDefinition, DEFINITIONS, type ResultContext } from './definitions.js';
import { fractionalMonthsBetween, type PeriodTally, periodOfDay } from './periods.js';
import type { Collections, StreamState } from './stream.js';

/**
 * The definition a fact's aggregate and options call for: the fifteen per-transaction aggregates
 * as they always were, or, with `per`, `excludeFirst` or `fractional`, the period forms of
 * docs/facts.md ("Periods", "Time spans", "Dates") that write lifetimes'
 * summary_data_from_transaction_data as facts.
 */
export function definitionOf(
  fact: Fact & { aggregate: NonNullable<Fact['aggregate']> },
): AggregateDefinition {
  const per = fact.per;
  switch (fact.aggregate) {
    case 'firstDate':
      return {
        keeps: {},
        value: (s, c) => (s.present > 0 ? dateOf(s.firstAt, c) : undefined),
      };
    case 'lastDate':
      return {
        keeps: {},
        value: (s, c) => (s.present > 0 ? dateOf(s.lastAt, c) : undefined),
      };
    case 'age':
      return timeSpan(per ?? 'day', fact.fractional === true, (_, c) => c.asOfDay);
    case 'span':
      return timeSpan(per ?? 'day', fact.fractional === true, (s, c) => c.zone.dayOf(s.lastAt));
    case 'sum':
    case 'count':
    case 'avg':
    case 'min':
    case 'max':
      if (per !== undefined) return perPeriod(fact.aggregate, per, fact.excludeFirst === true);
  }
  return DEFINITIONS[fact.aggregate];
}

function dateOf(at: number, context: ResultContext): string {
  return formatInstant(at, context.zone.offsetAt(at) / 60_000);
}

const KEEPS: Record<Period, Partial<Collections>> = {
  day: { dayPeriods: true },
  week: { weekPeriods: true },
  month: { monthPeriods: true },
};

function tallyOf(state: StreamState, per: Period): PeriodTally {
  return (per === 'day' ? state.dayTally : per === 'week' ? state.weekTally : state.monthTally)!;
}

/**
 * sum, count, avg, min and max over the customer's per-period totals: a period's transactions are
 * summed first (lifetimes merges orders of one day or week so they are one purchase occasion),
 * and `excludeFirst` leaves the first purchase period out (lifetimes' repeat purchases).
 */
function perPeriod(
  aggregate: 'sum' | 'count' | 'avg' | 'min' | 'max',
  per: Period,
  excludeFirst: boolean,
): AggregateDefinition {
  const keeps = KEEPS[per];
  const repeatSum = (s: StreamState, t: PeriodTally) => (excludeFirst ? s.sum - t.firstSum : s.sum);
  switch (aggregate) {
    case 'sum':
      return { keeps, value: (s) => repeatSum(s, tallyOf(s, per)) };
    case 'count':
      return {
        keeps,
        value: (s) => {
          const t = tallyOf(s, per);
          return t.present.count() - (excludeFirst && t.oldest >= 0 ? 1 : 0);
        },
      };
    case 'avg':
      return {
        keeps,
        value: (s) => {
          const t = tallyOf(s, per);
          const periods = t.numeric.count() - (excludeFirst && t.firstNumeric ? 1 : 0);
          return periods > 0 ? repeatSum(s, t) / periods : undefined;
        },
      };
    default:
      return {
        keeps: { ...keeps, periodTotals: true },
        value: (s) => extreme(tallyOf(s, per), excludeFirst, aggregate === 'min' ? Math.min : Math.max),
      };
  }
}

/** The smallest or largest period total; reads every period up to the first, so only min and max pay for it. */
function extreme(
  t: PeriodTally,
  excludeFirst: boolean,
  pick: (a: number, b: number) => number,
): number | undefined {
  let found: number | undefined;
  const last = excludeFirst ? t.oldest - 1 : t.oldest;
  for (let index = 0; index <= last; index++) {
    if (!t.numeric.has(index)) continue;
    const total = t.totals!.get(index);
    found = found === undefined ? total : pick(found, total);
  }
  return found;
}

/**
 * From the first purchase to `end` (the as-of day for age, the last purchase day for span): whole
 * periods between the periods' starts, as lifetimes measures T and recency, or with `fractional`
 * the exact calendar days ÷ 7 (weeks) or fractional calendar months.
 */
function timeSpan(
  per: Period,
  fractional: boolean,
  end: (s: StreamState, c: ResultContext) => number,
): AggregateDefinition {
  return {
    keeps: {},
    value: (s, c) => {
      if (s.present === 0) return undefined;
      const from = c.zone.dayOf(s.firstAt);
      const to = end(s, c);
      if (!fractional || per === 'day') return periodOfDay(to, per) - periodOfDay(from, per);
      return per === 'week' ? (to - from) / 7 : fractionalMonthsBetween(from, to);
    },
  };
}
