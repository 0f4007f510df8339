import { SPEND_DROP_SHARE } from '../facts/monthly.js';
import type { Period } from '../policy/schema/facts.js';
import { weekOfDaySql } from './aggregates-calendar.js';
import type { Cte, Dialect } from './dialect.js';

/**
 * `exact`: every sum is Neumaier's in the log's row order, the same double src/facts gives.
 * `unordered`: the exact sum rounded once, in any order (Dialect.unorderedSum; `exact` where the
 * dialect has none): the same double as `exact` for a log src/duckdb/log-survey.ts has checked.
 * `fast`: the engine's plain SUM, in whatever order it adds; may differ in the last bits.
 */
export type Summation = 'exact' | 'unordered' | 'fast';

/**
 * What the facts sharing one window and one field read (src/facts/stream.ts StreamSpec, as SQL):
 * the bounds are the JavaScript plan's own, computed once at compile time as epoch ms.
 */
export interface Stream {
  index: number;
  /** Exclusive lower end, −Infinity for all history; inclusive upper end. */
  after: number;
  upTo: number;
  firstWholeMonth: number;
  lastWholeMonth: number;
  /** Zone-local day of `upTo`: later days (a clock turned back at the as-of) count on it. */
  lastDay: number;
  /** The field's column in the input (NULL when the log has no such field); undefined: no `of`. */
  field: string | undefined;
  /** The field is a number or integer, so sums and extremes read it. */
  numeric: boolean;
  needs: StreamNeeds;
}

export interface StreamNeeds {
  sum: boolean;
  days: boolean;
  months: boolean;
  /** The zone-local days of the first and last transaction (recency, age, span). */
  ends: boolean;
  monthSpend: boolean;
  /** Purchase periods (facts with `per`), and whether their totals are read. */
  periods: Map<Period, { totals: boolean }>;
  /** The log rows of the smallest and the largest value: what a fact out of its domain names. */
  rows: boolean;
}

/** The CTEs a stream's facts read, by what they hold; each has one row per customer. */
export interface StreamTables {
  base: string;
  periods: Map<Period, string>;
  drop: string | undefined;
}

export interface StreamContext {
  dialect: Dialect;
  /** The CTE of transactions inside the union of all windows, with `$day`. */
  input: string;
  /** The columns the log's rows are added in, for compensated sums. */
  order: readonly string[];
  /** The column numbering the log's rows, when it has one (the rows `needs.rows` names). */
  row?: string;
  summation: Summation;
  /** Day number of a zone instant expression. */
  dayOf: (instant: string) => string;
}

/** An internal column: `$` cannot begin a field id, so it never clashes with the log's columns. */
export const internal = (d: Dialect, name: string) => d.ident(`$${name}`);

/** What the parts of one stream's SQL share: its rows' CTE and how a group's values are summed. */
interface Builder {
  d: Dialect;
  c: (name: string) => string;
  customer: string;
  /** `tw_agg_s<i>`, the prefix of the stream's CTEs. */
  name: string;
  /** The CTE of the stream's rows. */
  rows: string;
  /** The sum of `$n` over a group (all the customer's rows, or a day, week or month of them). */
  sum: (group: Period | 'all') => string;
  ctes: Cte[];
}

export function streamCtes(
  stream: Stream,
  context: StreamContext,
): {
  ctes: Cte[];
  tables: StreamTables;
} {
  const b = rowsOf(stream, context);
  const periods = new Map<Period, string>();
  for (const [per, { totals }] of stream.needs.periods) periods.set(per, periodTotals(b, per, totals));
  const drop = stream.needs.monthSpend ? dropStreak(b, stream) : undefined;
  return { ctes: b.ctes, tables: { base: customerTotals(b, stream.needs, context), periods, drop } };
}

/** The stream's rows: in its window, having its field, with the periods they fall in. */
function rowsOf(stream: Stream, context: StreamContext): Builder {
  const d = context.dialect;
  const c = (name: string) => internal(d, name);
  const customer = d.ident('customer');
  const name = `tw_agg_s${stream.index}`;
  const needs = stream.needs;
  const conditions = [`at_ms <= ${d.int(stream.upTo)}`];
  if (Number.isFinite(stream.after)) conditions.unshift(`at_ms > ${d.int(stream.after)}`);
  if (stream.field !== undefined) conditions.push(`${stream.field} IS NOT NULL`);
  // Compared with the largest finite doubles rather than ±∞: NaN is greater than everything in
  // PostgreSQL and DuckDB and unordered elsewhere, so either way it falls outside.
  const finite = `${stream.field} > ${d.num(-Number.MAX_VALUE)} AND ${stream.field} < ${d.num(Number.MAX_VALUE)}`;
  const value = stream.numeric
    ? `CASE WHEN ${finite} THEN ${stream.field} ELSE NULL END`
    : `CAST(NULL AS ${d.double})`;
  // A day after the window's last (a clock turned back across midnight at the as-of) is its last.
  const day = `LEAST(${c('day')}, ${d.int(stream.lastDay)})`;
  const columns = [
    customer,
    'at_ms',
    ...context.order.filter((o) => o !== 'at_ms' && o !== c('n')),
    `${value} AS ${c('n')}`,
    `${day} AS ${c('day')}`,
  ];
  if (needs.months || needs.monthSpend || needs.periods.has('month'))
    columns.push(`${d.monthOfDay(day)} AS ${c('month')}`);
  if (needs.periods.has('week')) columns.push(`${weekOfDaySql(d, day)} AS ${c('week')}`);
  const ctes: Cte[] = [
    [
      name,
      `SELECT ${columns.join(', ')} FROM ${context.input} WHERE ${conditions.join(' AND ')}`,
      context.summation === 'fast',
    ],
  ];
  let rows = name;

  // PostgreSQL's compensated sum reads the running sum before each row, per group summed.
  const groups: (Period | 'all')[] = [];
  if (needs.sum) groups.push('all');
  if (needs.monthSpend || needs.periods.get('month')?.totals) groups.push('month');
  for (const per of ['day', 'week'] as const) if (needs.periods.get(per)?.totals) groups.push(per);
  const unordered = context.summation === 'unordered' ? d.unorderedSum : undefined;
  const exact = context.summation !== 'fast' && unordered === undefined;
  const sumBefore = d.sumBefore;
  if (exact && sumBefore && groups.length > 0) {
    const before = groups.map((g) => {
      const partition = g === 'all' ? [customer] : [customer, c(g)];
      return `${sumBefore(c('n'), partition, context.order)} AS ${c(`before_${g}`)}`;
    });
    ctes.push([`${name}_b`, `SELECT *, ${before.join(', ')} FROM ${rows}`]);
    rows = `${name}_b`;
  }
  const sum = (group: Period | 'all') =>
    unordered
      ? unordered(c('n'))
      : exact
        ? d.compensatedSum(c('n'), context.order, c(`before_${group}`))
        : `COALESCE(SUM(${c('n')}), ${d.num(0)})`;
  return { d, c, customer, name, rows, sum, ctes };
}

/** Per customer: the counts, totals, extremes and ends every fact of the stream reads. */
function customerTotals(b: Builder, needs: StreamNeeds, context: StreamContext): string {
  const { c, customer, name } = b;
  const totals = [
    `COUNT(*) AS ${c('present')}`,
    `COUNT(${c('n')}) AS ${c('numeric')}`,
    `MIN(${c('n')}) AS ${c('min')}`,
    `MAX(${c('n')}) AS ${c('max')}`,
    `MIN(at_ms) AS ${c('first')}`,
    `MAX(at_ms) AS ${c('last')}`,
  ];
  if (needs.sum) totals.push(`${b.sum('all')} AS ${c('sum')}`);
  if (needs.rows) {
    const extremeRow = b.d.extremeRow;
    if (!extremeRow || context.row === undefined)
      throw new Error('extreme rows need a row column and a dialect that names them');
    for (const which of ['min', 'max'] as const)
      totals.push(`${extremeRow(c('n'), context.row, which)} AS ${c(`${which}_row`)}`);
  }
  if (needs.days) totals.push(`COUNT(DISTINCT ${c('day')}) AS ${c('days')}`);
  if (needs.months) totals.push(`COUNT(DISTINCT ${c('month')}) AS ${c('months')}`);
  b.ctes.push([`${name}_t`, `SELECT ${customer}, ${totals.join(', ')} FROM ${b.rows} GROUP BY ${customer}`]);
  if (!needs.ends) return `${name}_t`;
  // The zone's days of the first and last instants, as src/facts reads them (not the rows' days,
  // which a clock turned back across midnight can order differently).
  b.ctes.push([
    `${name}_e`,
    `SELECT *, ${context.dayOf(c('first'))} AS ${c('first_day')}, ${context.dayOf(c('last'))} AS ${c('last_day')} FROM ${name}_t`,
  ]);
  return `${name}_e`;
}

/** Purchase periods (src/facts/periods.ts PeriodTally): each period's total, then per customer. */
function periodTotals(b: Builder, per: Period, withTotals: boolean): string {
  const { c, customer, name } = b;
  const p = c(per);
  const total = withTotals ? b.sum(per) : b.d.num(0);
  b.ctes.push([
    `${name}_${per}`,
    `SELECT ${customer}, ${p} AS ${c('period')}, COUNT(${c('n')}) AS ${c('numeric')}, ${total} AS ${c('total')}, MIN(${p}) OVER (PARTITION BY ${customer}) AS ${c('first')} FROM ${b.rows} GROUP BY ${customer}, ${p}`,
  ]);
  // The first period is the oldest, whatever order the rows came in.
  const first = `${c('period')} = ${c('first')}`;
  const numeric = `${c('numeric')} > 0`;
  const later = `${numeric} AND ${c('period')} <> ${c('first')}`;
  b.ctes.push([
    `${name}_${per}_t`,
    `SELECT ${customer}, ${[
      `COUNT(*) AS ${c('periods')}`,
      `SUM(CASE WHEN ${numeric} THEN 1 ELSE 0 END) AS ${c('numeric_periods')}`,
      `MAX(CASE WHEN ${first} THEN ${c('total')} ELSE NULL END) AS ${c('first_total')}`,
      `MAX(CASE WHEN ${first} AND ${numeric} THEN 1 ELSE 0 END) AS ${c('first_numeric')}`,
      `MIN(CASE WHEN ${numeric} THEN ${c('total')} ELSE NULL END) AS ${c('min_all')}`,
      `MAX(CASE WHEN ${numeric} THEN ${c('total')} ELSE NULL END) AS ${c('max_all')}`,
      `MIN(CASE WHEN ${later} THEN ${c('total')} ELSE NULL END) AS ${c('min_later')}`,
      `MAX(CASE WHEN ${later} THEN ${c('total')} ELSE NULL END) AS ${c('max_later')}`,
    ].join(', ')} FROM ${name}_${per} GROUP BY ${customer}`,
  ]);
  return `${name}_${per}_t`;
}

/** The drop streak (src/facts/monthly.ts dropStreakOf) over the window's complete months. */
function dropStreak(b: Builder, stream: Stream): string {
  const { d, c, customer, name } = b;
  const month = c('month');
  const inside = [`${month} <= ${d.int(stream.lastWholeMonth)}`];
  if (Number.isFinite(stream.firstWholeMonth)) inside.push(`${month} >= ${d.int(stream.firstWholeMonth)}`);
  b.ctes.push([
    `${name}_m`,
    `SELECT ${customer}, ${month}, ${b.sum('month')} AS ${c('spend')} FROM ${b.rows} WHERE ${inside.join(' AND ')} GROUP BY ${customer}, ${month}`,
  ]);
  // A month is a drop when the month before spent something and it at most (1 − SPEND_DROP_SHARE)
  // of that; a month without rows spent 0. Read from each spending month towards the next (a
  // window, not a self-join: PostgreSQL, misjudging the CTE's size, nested-looped that join).
  // Listed newest first, the drops run unbroken from the last complete month exactly while
  // month + rank = last + 1.
  const next = (column: string) =>
    `LEAD(${c(column)}) OVER (PARTITION BY ${customer} ORDER BY ${month}) AS ${c(`next_${column}`)}`;
  b.ctes.push([
    `${name}_ml`,
    `SELECT ${customer}, ${month}, ${c('spend')}, ${next('month')}, ${next('spend')} FROM ${name}_m`,
  ]);
  const following = `CASE WHEN a.${c('next_month')} = a.${month} + 1 THEN a.${c('next_spend')} ELSE ${d.num(0)} END`;
  b.ctes.push([
    `${name}_dm`,
    `SELECT a.${customer}, a.${month} + 1 AS ${month}, ROW_NUMBER() OVER (PARTITION BY a.${customer} ORDER BY a.${month} DESC) AS ${c('rank')} FROM ${name}_ml a WHERE a.${c('spend')} > ${d.num(0)} AND a.${month} < ${d.int(stream.lastWholeMonth)} AND ${following} <= a.${c('spend')} * ${d.num(1 - SPEND_DROP_SHARE)}`,
  ]);
  b.ctes.push([
    `${name}_drop`,
    `SELECT ${customer}, COUNT(*) AS ${c('streak')} FROM ${name}_dm WHERE ${month} + ${c('rank')} = ${d.int(stream.lastWholeMonth + 1)} GROUP BY ${customer}`,
  ]);
  return `${name}_drop`;
}
