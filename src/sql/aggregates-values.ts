import { monthOfDay } from '../facts/calendar.js';
import { weekOfDay } from '../facts/periods.js';
import type { Fact, Period } from '../policy/schema/facts.js';
import { fractionalMonthsSql, periodOfDaySql, wholeMonthsSql } from './aggregates-calendar.js';
import type { Dialect } from './dialect.js';

/** A stream's per-customer columns as the final select reads them (NULL when the customer has none). */
export interface StreamColumns {
  base(column: string): string;
  period(per: Period, column: string): string;
  streak: string;
}

type Aggregate = NonNullable<Fact['aggregate']>;

/**
 * One aggregate fact's value from its stream's columns: src/facts/definitions.ts and
 * period-definitions.ts, term by term, with the same double operations in the same order. A
 * customer without rows in the stream reads NULLs and must get what an empty stream gives there.
 */
export function factValueSql(
  d: Dialect,
  fact: Fact & { aggregate: Aggregate },
  s: StreamColumns,
  asOfDay: number,
): string {
  const zero = d.num(0);
  const sum = `COALESCE(${s.base('sum')}, ${zero})`;
  const present = `COALESCE(${s.base('present')}, 0)`;
  const daysSince = (end: 'first_day' | 'last_day') => `(${d.int(asOfDay)} - ${s.base(end)})`;
  const days = `COALESCE(${s.base('days')}, 0)`;
  const per = fact.per;
  switch (fact.aggregate) {
    case 'sum':
    case 'count':
    case 'avg':
    case 'min':
    case 'max':
      return per === undefined
        ? plain(d, fact.aggregate, s, sum, present)
        : perPeriod(d, fact.aggregate, (c) => s.period(per, c), sum, fact.excludeFirst === true);
    case 'distinctDays':
      return days;
    case 'distinctMonths':
      return `COALESCE(${s.base('months')}, 0)`;
    case 'daysSinceLast':
      return daysSince('last_day');
    case 'daysSinceFirst':
      return daysSince('first_day');
    case 'weeksSinceLast':
      return d.intDivFloor(daysSince('last_day'), '7');
    case 'weeksSinceFirst':
      return d.intDivFloor(daysSince('first_day'), '7');
    case 'repeatDays':
      return `GREATEST(${days} - 1, 0)`;
    case 'repurchaseRate':
      return `CASE WHEN ${days} > 0 THEN (${d.toDouble(`${days} - 1`)} / ${d.toDouble(days)}) * ${d.num(100)} ELSE NULL END`;
    case 'dropStreakMonths':
      return `COALESCE(${s.streak}, 0)`;
    case 'monthsWithoutPurchase':
      return wholeMonthsSql(d, s.base('last_day'), d.int(asOfDay));
    case 'age':
    case 'span':
      return timeSpan(d, fact, s, asOfDay);
    case 'firstDate':
      return s.base('first');
    case 'lastDate':
      return s.base('last');
  }
}

function plain(
  d: Dialect,
  aggregate: 'sum' | 'count' | 'avg' | 'min' | 'max',
  s: StreamColumns,
  sum: string,
  present: string,
): string {
  switch (aggregate) {
    case 'sum':
      return sum;
    case 'count':
      return present;
    case 'avg':
      return `CASE WHEN ${s.base('numeric')} > 0 THEN ${sum} / ${d.toDouble(s.base('numeric'))} ELSE NULL END`;
    default:
      return s.base(aggregate);
  }
}

/** The per-period forms (period-definitions.ts perPeriod): the first period is the oldest. */
function perPeriod(
  d: Dialect,
  aggregate: 'sum' | 'count' | 'avg' | 'min' | 'max',
  t: (column: string) => string,
  sum: string,
  excludeFirst: boolean,
): string {
  const repeatSum = excludeFirst ? `(${sum} - COALESCE(${t('first_total')}, ${d.num(0)}))` : sum;
  switch (aggregate) {
    case 'sum':
      return repeatSum;
    case 'count': {
      const periods = `COALESCE(${t('periods')}, 0)`;
      return excludeFirst ? `(${periods} - CASE WHEN ${periods} > 0 THEN 1 ELSE 0 END)` : periods;
    }
    case 'avg': {
      const numeric = `COALESCE(${t('numeric_periods')}, 0)`;
      const periods = excludeFirst ? `(${numeric} - COALESCE(${t('first_numeric')}, 0))` : numeric;
      return `CASE WHEN ${periods} > 0 THEN ${repeatSum} / ${d.toDouble(periods)} ELSE NULL END`;
    }
    default:
      return t(`${aggregate}_${excludeFirst ? 'later' : 'all'}`);
  }
}

/** age and span (period-definitions.ts timeSpan); the as-of's periods are constants. */
function timeSpan(d: Dialect, fact: Fact, s: StreamColumns, asOfDay: number): string {
  const per = fact.per ?? 'day';
  const from = s.base('first_day');
  const age = fact.aggregate === 'age';
  const to = age ? d.int(asOfDay) : s.base('last_day');
  if (fact.fractional !== true || per === 'day') {
    const end = age ? d.int(constantPeriod(asOfDay, per)) : periodOfDaySql(d, to, per);
    return `(${end} - ${periodOfDaySql(d, from, per)})`;
  }
  if (per === 'week') return `${d.toDouble(`(${to} - ${from})`)} / ${d.num(7)}`;
  return `CASE WHEN ${from} IS NULL THEN NULL ELSE ${fractionalMonthsSql(d, from, to)} END`;
}

function constantPeriod(day: number, per: Period): number {
  return per === 'day' ? day : per === 'week' ? weekOfDay(day) : monthOfDay(day);
}
