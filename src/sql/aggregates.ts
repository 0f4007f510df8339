import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileAggregates, type FactValue, isAggregatePlan } from '../facts/aggregate.js';
import type { AsOf } from '../facts/asof.js';
import { DAY_MS } from '../facts/calendar.js';
import { isWindowBounds, windowBounds } from '../facts/window.js';
import { zoneCalendar } from '../facts/zone.js';
import type { Fact } from '../policy/schema/facts.js';
import type { Policy } from '../policy/schema/policy.js';
import { internal, type Stream, type StreamNeeds, type Summation, streamCtes } from './aggregates-streams.js';
import { factValueSql, type StreamColumns } from './aggregates-values.js';
import type { Cte, Dialect } from './dialect.js';
import { dayOf } from './zone.js';

export type { Summation } from './aggregates-streams.js';

/**
 * The policy's transaction aggregates as SQL over a staged transactions relation (columns
 * `customer` text, `at_ms` epoch ms of the instant, `local_ms` wall-clock ms in the policy's zone,
 * one column per `sources.transactions.fields` entry, and `tw_row` when the rows have an order).
 */
export interface AggregateSql {
  /** CTEs the select reads, placed before it in the query's WITH; every name starts `tw_agg_`. */
  ctes: Cte[];
  /** One row per customer with transactions: `customer` and one column per aggregate fact id. */
  select: string;
  /** Per aggregate fact: its value (SQL) for a customer with no transactions at all. */
  facts: { id: string; absent: string }[];
  /** With `breaches`: the facts with a declared min or max, whose domain the select checks. */
  bounded: BoundedFact[];
}

/**
 * An aggregate fact with a declared min or max. With `breaches`, the select gives its value before
 * the domain check as `raw:<id>`, and with `rows` the log row of the stream's value that took it
 * out as `at:<id>` (src/facts DomainBreach.row; NULL when inside, or when no value of the field did).
 */
export interface BoundedFact {
  id: string;
  min: number;
  max: number;
  pii: boolean;
  /** Its value for a customer with no transactions at all (a count of 0 under `min: 1`). */
  absent: number | undefined;
}

export interface AggregateSqlOptions {
  /**
   * The relation's column numbering the log's rows in file order, which src/facts adds in. Without
   * one a table has no order of its own, and sums add in time order (ties by value).
   */
  row?: string;
  /** `exact` by default. */
  summation?: Summation;
  /**
   * Give each bounded fact's value before its domain check (`values`), and the log row that took it
   * out (`rows`, which needs `row` and costs two aggregates a row: asked only for the few
   * customers a report lists). See AggregateSql.bounded.
   */
  breaches?: 'values' | 'rows';
}

type AggregateFact = Fact & { aggregate: NonNullable<Fact['aggregate']> };

/**
 * Every aggregate fact of the policy computed in SQL exactly as src/facts computes it: the as-of,
 * the windows' bounds and the calendar constants come from the JavaScript plan itself, so SQL only
 * filters, groups and adds. Diagnostics are the plan's own (a window or option it refuses).
 */
export function aggregateSql(
  policy: Policy,
  asOf: AsOf,
  dialect: Dialect,
  relation: string,
  options: AggregateSqlOptions = {},
): AggregateSql | Diagnostic[] {
  const d = dialect;
  const facts = Object.entries(policy.facts ?? {}).filter(
    (entry): entry is [string, AggregateFact] =>
      entry[1].aggregate !== undefined && (entry[1].from ?? 'transactions') === 'transactions',
  );
  const plan = compileAggregates(Object.fromEntries(facts), { asOf });
  if (!isAggregatePlan(plan)) return plan;
  const zone = zoneCalendar(asOf.timezone);
  const fields = policy.sources?.transactions?.fields ?? {};
  const streams = new Map<string, Stream>();
  const streamOf = new Map<string, Stream>();
  for (const [id, fact] of facts) {
    const bounds = windowBounds({ window: fact.window, calendar: fact.calendar }, asOf, zone, '');
    if (!isWindowBounds(bounds)) return [bounds];
    const key = `${bounds.after}\u0000${bounds.upTo}\u0000${fact.of ?? ''}`;
    let stream = streams.get(key);
    if (!stream) {
      const field = fact.of === undefined ? undefined : fields[fact.of];
      stream = {
        index: streams.size,
        ...bounds,
        lastDay: zone.dayOf(bounds.upTo),
        field: fact.of === undefined ? undefined : field ? d.ident(fact.of) : 'NULL',
        numeric: field !== undefined && (field.type ?? 'number') !== 'string' && field.type !== 'boolean',
        needs: {
          sum: false,
          days: false,
          months: false,
          ends: false,
          monthSpend: false,
          periods: new Map(),
          rows: false,
        },
      };
      streams.set(key, stream);
    }
    need(stream.needs, fact);
    if (options.breaches === 'rows' && isBounded(fact)) stream.needs.rows = true;
    streamOf.set(id, stream);
  }

  const c = (name: string) => internal(d, name);
  const customer = d.ident('customer');
  const row = options.row === undefined ? undefined : d.ident(options.row);
  const all = [...streams.values()];
  const after = Math.min(...all.map((s) => s.after));
  const upTo = Math.max(...all.map((s) => s.upTo));
  const inputs = new Set(all.flatMap((s) => (s.field !== undefined && s.field !== 'NULL' ? [s.field] : [])));
  const where = [`at_ms <= ${d.int(upTo)}`];
  if (Number.isFinite(after)) where.unshift(`at_ms > ${d.int(after)}`);
  // Plain sums group the log's rows as they are: the row stages are inlined, so that each grouping
  // reads the log itself and can run where its partitions live (docs/sql.md, postgres_fdw). An
  // exact sum reads a running window first, which no engine sends away.
  const inline = options.summation === 'fast';
  const ctes: Cte[] = [
    [
      'tw_agg_in',
      `SELECT ${[customer, 'at_ms', `${d.intDivFloor('local_ms', d.int(DAY_MS))} AS ${c('day')}`, ...(row ? [row] : []), ...inputs].join(', ')} FROM ${relation} WHERE ${where.join(' AND ')}`,
      inline,
    ],
    ['tw_agg_customers', `SELECT DISTINCT ${customer} FROM tw_agg_in`, inline],
  ];
  const context = {
    dialect: d,
    input: 'tw_agg_in',
    order: row ? [row] : ['at_ms', c('n')],
    row,
    summation: options.summation ?? 'exact',
    dayOf: (instant: string) => dayOf(d, instant, asOf.timezone),
  } as const;

  const joins: string[] = [];
  const columns = new Map<Stream, StreamColumns>();
  for (const stream of all) {
    const built = streamCtes(stream, context);
    ctes.push(...built.ctes);
    const alias = `s${stream.index}`;
    const join = (table: string, as: string) =>
      joins.push(`LEFT JOIN ${table} ${as} ON ${as}.${customer} = k.${customer}`);
    join(built.tables.base, alias);
    for (const [per, table] of built.tables.periods) join(table, `${alias}_${per}`);
    if (built.tables.drop) join(built.tables.drop, `${alias}_drop`);
    columns.set(stream, {
      base: (column) => `${alias}.${c(column)}`,
      period: (per, column) => `${alias}_${per}.${c(column)}`,
      streak: `${alias}_drop.${c('streak')}`,
    });
  }

  const empty = plan.accumulator();
  const absent = empty.result();
  const absentBreaches = new Map(empty.breaches().map((b) => [b.fact, b.value]));
  const bounded: BoundedFact[] = [];
  const values = facts.flatMap(([id, fact]) => {
    const stream = columns.get(streamOf.get(id)!)!;
    const value = factValueSql(d, fact, stream, asOf.day);
    if (fact.type === 'date') return [`${d.toBigint(value)} AS ${d.ident(id)}`];
    const checked = `${inDomain(d, d.toDouble(value), fact)} AS ${d.ident(id)}`;
    if (!options.breaches || !isBounded(fact)) return [checked];
    const limits = { min: fact.min ?? Number.NEGATIVE_INFINITY, max: fact.max ?? Number.POSITIVE_INFINITY };
    bounded.push({
      id,
      ...limits,
      pii: fact.pii === true,
      absent: absentBreaches.get(id) ?? (absent[id] as number | undefined),
    });
    const raw = d.toDouble(value);
    const given = [checked, `${raw} AS ${d.ident(`raw:${id}`)}`];
    if (options.breaches !== 'rows') return given;
    const at = `CASE WHEN ${outside(d, raw, fact, 'min')} THEN ${stream.base('min_row')} WHEN ${outside(d, raw, fact, 'max')} THEN ${stream.base('max_row')} ELSE NULL END`;
    return [...given, `${at} AS ${d.ident(`at:${id}`)}`];
  });
  return {
    ctes,
    select: `SELECT k.${customer}, ${values.join(', ')} FROM tw_agg_customers k ${joins.join(' ')}`,
    facts: facts.map(([id, fact]) => ({ id, absent: literal(d, absent[id], fact) })),
    bounded,
  };
}

/** A number fact with a declared min or max: one a log can take out of its domain (TW0632). */
function isBounded(fact: Fact): boolean {
  return fact.type !== 'date' && (fact.min !== undefined || fact.max !== undefined);
}

/** `value` beyond the fact's declared `min` or `max` (FALSE when it declares none). */
function outside(d: Dialect, value: string, fact: Fact, bound: 'min' | 'max'): string {
  return beyond(d, value, bound, fact[bound]);
}

/**
 * `value` below a `min` or above a `max` as src/facts compares them: NaN is inside, as in
 * JavaScript, where DuckDB and PostgreSQL put it above everything. FALSE for no (or an infinite) limit.
 */
export function beyond(d: Dialect, value: string, bound: 'min' | 'max', limit: number | undefined): string {
  if (limit === undefined || !Number.isFinite(limit)) return 'FALSE';
  return bound === 'min'
    ? `${value} < ${d.num(limit)}`
    : `(${value} > ${d.num(limit)} AND ${value} <= ${d.infinity})`;
}

/** What each fact makes its stream keep (src/facts definitions' `keeps`, in SQL terms). */
function need(needs: StreamNeeds, fact: AggregateFact): void {
  const per = fact.per;
  switch (fact.aggregate) {
    case 'sum':
    case 'avg':
      needs.sum = true;
      break;
    case 'distinctDays':
    case 'repeatDays':
    case 'repurchaseRate':
      needs.days = true;
      break;
    case 'distinctMonths':
      needs.months = true;
      break;
    case 'dropStreakMonths':
      needs.monthSpend = true;
      break;
    case 'daysSinceLast':
    case 'daysSinceFirst':
    case 'weeksSinceLast':
    case 'weeksSinceFirst':
    case 'monthsWithoutPurchase':
    case 'age':
    case 'span':
      needs.ends = true;
      break;
  }
  if (per === undefined || fact.aggregate === 'age' || fact.aggregate === 'span') return;
  // Extremes compare every period's total; the repeat sum and average subtract the first period's.
  const totals =
    fact.aggregate === 'min' ||
    fact.aggregate === 'max' ||
    (fact.excludeFirst === true && fact.aggregate !== 'count');
  needs.periods.set(per, { totals: (needs.periods.get(per)?.totals ?? false) || totals });
}

/**
 * A value outside the fact's declared min or max is missing, as src/facts leaves it (TW0632 there;
 * a query has no diagnostics to give, so the fact is simply NULL and its `missing` rule applies).
 */
function inDomain(d: Dialect, value: string, fact: Fact): string {
  const out = (['min', 'max'] as const)
    .filter((b) => fact[b] !== undefined)
    .map((b) => outside(d, value, fact, b));
  return out.length === 0 ? value : `CASE WHEN ${out.join(' OR ')} THEN NULL ELSE ${value} END`;
}

/** The JavaScript value of a customer without transactions, as a typed SQL literal. */
function literal(d: Dialect, value: FactValue, fact: Fact): string {
  if (fact.type === 'date' || value === undefined || typeof value === 'string') {
    // Dates of nothing are undefined: there is no first purchase.
    return `CAST(NULL AS ${fact.type === 'date' ? d.bigint : d.double})`;
  }
  return d.num(value);
}
