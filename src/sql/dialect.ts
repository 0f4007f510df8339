/**
 * Where the four SQL engines differ, and nothing else: quoting, typed literals, integer division,
 * civil dates from day numbers, text ordering. Everything the compiler writes goes through one of
 * these, so a dialect difference is fixed in one place. Literals are typed explicitly because the
 * engines disagree on what `0.5` is (DECIMAL in DuckDB and Spark, NUMERIC in PostgreSQL) and on
 * what `7 / 2` gives; a double written as text and cast is read by strtod-like parsers, so it is
 * the same IEEE value JavaScript holds.
 */

import { DIALECTS, type DialectName } from './dialect-names.js';

export { DIALECTS, type DialectName };

/** One CTE of a query: its name, its body, and whether it is a stage to inline (Dialect.cte). */
export type Cte = [name: string, body: string, inline?: boolean];

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier: any text, including `客户编号` or `a"; drop table x; --`, is a name. */
  ident(name: string): string;
  /** A string literal. */
  text(value: string): string;
  /** A DOUBLE literal holding exactly the JavaScript number. */
  num(value: number): string;
  /** A BIGINT literal (an integer within ±2^53). */
  int(value: number): string;
  readonly double: string;
  /** +∞ as a DOUBLE. */
  readonly infinity: string;
  readonly bigint: string;
  readonly varchar: string;
  /** `CAST(x AS DOUBLE)`, and the like. */
  toDouble(sql: string): string;
  toBigint(sql: string): string;
  toText(sql: string): string;
  /** Integer division of two non-negative BIGINTs, truncating. */
  intDiv(a: string, b: string): string;
  /** ⌊a ÷ b⌋ of two BIGINTs, b positive, a of either sign (epoch ms before 1970 are negative). */
  intDivFloor(a: string, b: string): string;
  /** ⌊x⌋ as a DOUBLE (Spark's FLOOR gives a BIGINT). */
  floor(x: string): string;
  ceil(x: string): string;
  /** The remainder of a ÷ b with the sign of a (JavaScript's %), or undefined where the engine has none for doubles. */
  mod(a: string, b: string): string | undefined;
  /** Text ordered by code point, whatever the database's collation. */
  binaryOrder(sql: string): string;
  /** The civil date of a day number (days since 1970-01-01). */
  dateOfDay(days: string): string;
  /** Days since 1970-01-01 of a DATE. */
  dayOfDate(date: string): string;
  /** Epoch milliseconds of a TIMESTAMP without time zone, read as if it were UTC: wall-clock ms. */
  wallMs(timestamp: string): string;
  /** A TIMESTAMP from a wall-clock text 'yyyy-MM-dd HH:mm:ss.SSS'. */
  readonly timestamp: string;
  /**
   * `name AS (body)` of one CTE. `inline`: a stage of plain rows that the engine should fold into
   * the queries reading it (PostgreSQL: NOT MATERIALIZED), so that a grouping above it reads the
   * table itself and can be sent where the table lives (postgres_fdw's partitionwise aggregates).
   */
  cte(name: string, body: string, inline?: boolean): string;
  /** The calendar month, year × 12 + month − 1 as src/facts/calendar.ts numbers it, of a day number. */
  monthOfDay(days: string): string;
  /** The day of the month (1–31) of a day number. */
  dayOfMonth(days: string): string;
  /** A day number plus whole calendar months, clamped to the end of a shorter month (luxon's rule). */
  plusMonths(days: string, months: string): string;
  /**
   * Neumaier's compensated sum of a DOUBLE over a group's rows taken in `order`, exactly as
   * src/facts/collections.ts adds them (NULLs skipped, 0 for none): an aggregate expression. The
   * sum is a sequence of roundings, so only the same additions in the same order give the same
   * double. PostgreSQL has no fold over a list: its rows carry `before` (see sumBefore).
   */
  compensatedSum(value: string, order: readonly string[], before: string): string;
  /**
   * The window expression `before` holds where compensatedSum reads it: the plain running sum of
   * the values before a row, in `order`, within its group; undefined where compensatedSum folds a list.
   */
  readonly sumBefore:
    | ((value: string, partition: readonly string[], order: readonly string[]) => string)
    | undefined;
  /**
   * The exact sum of a group's DOUBLEs rounded once, in whatever order the engine adds: an
   * aggregate expression, or undefined where the dialect has no exact integer wide enough. It is
   * compensatedSum's double for values that src/duckdb/log-survey.ts has checked (see there).
   */
  readonly unorderedSum: ((value: string) => string) | undefined;
  /**
   * The row of a group's smallest (`min`) or largest (`max`) non-NULL value, the first in `row`
   * order among equal ones, as src/facts/stream.ts keeps minRow and maxRow (−0 equals 0 there):
   * an aggregate expression, NULL when the group has no value; undefined where the dialect has
   * none (only the DuckDB engine names the row of an aggregate out of its domain, TW0632).
   */
  readonly extremeRow: ((value: string, row: string, which: 'min' | 'max') => string) | undefined;
}

/**
 * The rounding error of `s + x` as Neumaier computes it (src/facts/collections.ts roundingError):
 * the same operations in the same order, so the engine rounds exactly where JavaScript does.
 */
function roundingError(s: string, x: string): string {
  return `CASE WHEN ABS(${s}) >= ABS(${x}) THEN (${s} - (${s} + ${x})) + ${x} ELSE (${x} - (${s} + ${x})) + ${s} END`;
}

const doubleQuoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const standardText = (value: string) => `'${value.replaceAll("'", "''")}'`;

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

function intText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return String(value);
}

interface Parts {
  name: DialectName;
  ident?: (name: string) => string;
  text?: (value: string) => string;
  double: string;
  intDiv: (a: string, b: string) => string;
  floor?: (x: string) => string;
  ceil?: (x: string) => string;
  mod: (a: string, b: string) => string | undefined;
  binaryOrder?: (sql: string) => string;
  dateOfDay: (days: string) => string;
  dayOfDate: (date: string) => string;
  wallMs: (timestamp: string) => string;
  varchar?: string;
  cteKeyword?: string;
  /** The keyword of a CTE to inline (Dialect.cte's `inline`), where cteKeyword materializes the rest. */
  inlineKeyword?: string;
  plusMonths: (date: string, months: string) => string;
  compensatedSum: (parts: SumParts) => string;
  sumBefore?: (value: string, partition: readonly string[], order: readonly string[]) => string;
  unorderedSum?: (value: string) => string;
  extremeRow?: (value: string, row: string, which: 'min' | 'max') => string;
}

/** What a dialect's compensated sum is written from: literals and the error of one addition. */
interface SumParts {
  value: string;
  order: readonly string[];
  before: string;
  zero: string;
  error: (s: string, x: string) => string;
}

function dialect(parts: Parts): Dialect {
  const double = parts.double;
  const bigint = 'BIGINT';
  const varchar = parts.varchar ?? 'VARCHAR';
  const cast = (sql: string, type: string) => `CAST(${sql} AS ${type})`;
  const text = parts.text ?? standardText;
  return {
    name: parts.name,
    ident: parts.ident ?? doubleQuoted,
    text,
    num: (value) => {
      const written = numberText(value);
      // Whole numbers are exact as integer literals; anything else is parsed from its shortest text.
      return Number.isSafeInteger(value) ? cast(written, double) : cast(text(written), double);
    },
    int: (value) => cast(intText(value), bigint),
    double,
    infinity: cast(text('Infinity'), double),
    bigint,
    varchar,
    toDouble: (sql) => cast(sql, double),
    toBigint: (sql) => cast(sql, bigint),
    toText: (sql) => cast(sql, varchar),
    intDiv: parts.intDiv,
    // Truncation rounds toward zero; a negative dividend with a remainder is one less.
    intDivFloor: (a, b) =>
      `(${parts.intDiv(a, b)} - CASE WHEN ${a} < 0 AND ${a} % ${b} <> 0 THEN 1 ELSE 0 END)`,
    floor: parts.floor ?? ((x) => `FLOOR(${x})`),
    ceil: parts.ceil ?? ((x) => `CEIL(${x})`),
    mod: parts.mod,
    binaryOrder: parts.binaryOrder ?? ((sql) => sql),
    dateOfDay: parts.dateOfDay,
    dayOfDate: parts.dayOfDate,
    wallMs: parts.wallMs,
    timestamp: 'TIMESTAMP',
    cte: (name, body, inline) => {
      const keyword = inline ? parts.inlineKeyword : parts.cteKeyword;
      return `${name} AS ${keyword ? `${keyword} ` : ''}(\n  ${body}\n)`;
    },
    // EXTRACT on a date is standard in all four; PostgreSQL gives NUMERIC, hence the casts.
    monthOfDay: (days) => {
      const date = parts.dateOfDay(days);
      return `(CAST(EXTRACT(YEAR FROM ${date}) AS ${bigint}) * 12 + CAST(EXTRACT(MONTH FROM ${date}) AS ${bigint}) - 1)`;
    },
    dayOfMonth: (days) => `CAST(EXTRACT(DAY FROM ${parts.dateOfDay(days)}) AS ${bigint})`,
    plusMonths: (days, months) => parts.dayOfDate(parts.plusMonths(parts.dateOfDay(days), months)),
    compensatedSum: (value, order, before) =>
      parts.compensatedSum({ value, order, before, zero: cast('0', double), error: roundingError }),
    sumBefore: parts.sumBefore,
    unorderedSum: parts.unorderedSum,
    extremeRow: parts.extremeRow,
  };
}

export const duckdb: Dialect = dialect({
  name: 'duckdb',
  double: 'DOUBLE',
  intDiv: (a, b) => `((${a}) // (${b}))`,
  // `%` is C fmod, as JavaScript's; DuckDB's fmod() is not (it floors).
  mod: (a, b) => `(${a} % ${b})`,
  dateOfDay: (days) => `(DATE '1970-01-01' + CAST(${days} AS INTEGER))`,
  dayOfDate: (date) => `CAST(date_diff('day', DATE '1970-01-01', ${date}) AS BIGINT)`,
  wallMs: (ts) => `epoch_ms(CAST(${ts} AS TIMESTAMP))`,
  plusMonths: (date, months) => `CAST(${date} + to_months(CAST(${months} AS INTEGER)) AS DATE)`,
  // list(… ORDER BY …) is DuckDB's slowest aggregate (five to seven times list() and list_sort on
  // a million rows), so each row's struct leads with its order keys and the list is sorted after.
  // The fold carries the keys along unchanged; its struct is read through a one-element list, as
  // reading the fields directly would fold twice. Keys are BIGINT ms and row numbers below 2^53,
  // exact as DOUBLE, which the fold's struct type needs them to be.
  compensatedSum: ({ value, order, zero, error }) => {
    const keys = (each: (i: number) => string) => order.map((_, i) => `'o${i}': ${each(i)}, `).join('');
    const row = `{${keys((i) => `CAST(${order[i]} AS DOUBLE)`)}'s': ${value}, 'c': ${zero}}`;
    const fold = `{${keys((i) => `a.o${i}`)}'s': a.s + e.s, 'c': a.c + ${error('a.s', 'e.s')}}`;
    const start = `{${keys(() => zero)}'s': ${zero}, 'c': ${zero}}`;
    return `COALESCE(list_transform([list_reduce(list_sort(list(${row}) FILTER (WHERE ${value} IS NOT NULL)), lambda a, e: ${fold}, ${start})], lambda r: r.s + r.c)[1], ${zero})`;
  },
  // The plain SUM, plus its error found exactly: every value is its integer part and its fraction
  // × 2^88, both exact as HUGEINT, and so is the plain sum (a multiple of 2^-88 below 2^79 for
  // values the check let through); their difference is the error, converted once.
  unorderedSum: (value) => {
    const scale = `(CAST(1 AS HUGEINT) << ${FRACTION_BITS})`;
    const whole = (x: string) => `CAST(trunc(${x}) AS HUGEINT)`;
    const fraction = (x: string) => `CAST((${x} - trunc(${x})) * ${2 ** FRACTION_BITS} AS HUGEINT)`;
    const plain = `SUM(${value})`;
    const error = `(SUM(${whole(value)}) - ${whole(plain)}) * ${scale} + (SUM(${fraction(value)}) - ${fraction(plain)})`;
    return `COALESCE(${plain} + CAST(${error} AS DOUBLE) * ${2 ** -FRACTION_BITS}, CAST(0 AS DOUBLE))`;
  },
  // Structs order by their fields in turn: the value, then the row (negated for the largest, so
  // that the first row still wins a tie). DuckDB, like JavaScript, holds −0 equal to 0.
  extremeRow: (value, row, which) => {
    const sign = which === 'min' ? '' : '-';
    const pair = `CASE WHEN ${value} IS NOT NULL THEN {'v': ${value}, 'r': ${sign}CAST(${row} AS BIGINT)} END`;
    return `(${sign}((${which.toUpperCase()}(${pair})).r))`;
  },
});

/**
 * Fixed point as DuckDB's exact sums write a DOUBLE (unorderedSum, src/simulate/duckdb-tally.ts):
 * its integer part, and its fraction × 2^FRACTION_BITS, both HUGEINT. A value from
 * 2^-SMALLEST_BITS up has its last bit at 2^-88 or above (53 bits), so both parts are exact.
 */
export const FRACTION_BITS = 88;
export const SMALLEST_BITS = FRACTION_BITS - 52;

export const postgres: Dialect = dialect({
  name: 'postgres',
  double: 'DOUBLE PRECISION',
  intDiv: (a, b) => `((${a}) / (${b}))`,
  // PostgreSQL has no % for double precision; a decimal detour would round.
  mod: () => undefined,
  binaryOrder: (sql) => `(${sql} COLLATE "C")`,
  // PostgreSQL inlines a CTE read once by copying its expressions into every reference above it;
  // each stage reads the one below several times, so the copies multiply stage by stage until the
  // planner runs out of memory. Each stage is computed once instead.
  cteKeyword: 'MATERIALIZED',
  inlineKeyword: 'NOT MATERIALIZED',
  dateOfDay: (days) => `(DATE '1970-01-01' + CAST(${days} AS INTEGER))`,
  dayOfDate: (date) => `CAST((${date} - DATE '1970-01-01') AS BIGINT)`,
  wallMs: (ts) => `CAST(ROUND(EXTRACT(EPOCH FROM CAST(${ts} AS TIMESTAMP)) * 1000) AS BIGINT)`,
  varchar: 'TEXT',
  plusMonths: (date, months) => `CAST(${date} + make_interval(months => CAST(${months} AS INTEGER)) AS DATE)`,
  // No fold over a list, but float8 sum and a running window sum add one row at a time in the
  // order given: the plain sum plus the plain sum of each addition's error is Neumaier's.
  compensatedSum: ({ value, order, before, zero, error }) => {
    const by = order.join(', ');
    return `COALESCE(SUM(${value} ORDER BY ${by}) + SUM(${error(`COALESCE(${before}, ${zero})`, value)} ORDER BY ${by}), ${zero})`;
  },
  sumBefore: (value, partition, order) =>
    `SUM(${value}) OVER (PARTITION BY ${partition.join(', ')} ORDER BY ${order.join(', ')} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`,
});

export const spark: Dialect = dialect({
  name: 'spark',
  ident: (name) => `\`${name.replaceAll('`', '``')}\``,
  // Spark reads backslash escapes inside string literals unless told otherwise.
  text: (value) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
  double: 'DOUBLE',
  intDiv: (a, b) => `((${a}) DIV (${b}))`,
  floor: (x) => `CAST(FLOOR(${x}) AS DOUBLE)`,
  ceil: (x) => `CAST(CEIL(${x}) AS DOUBLE)`,
  mod: (a, b) => `(${a} % ${b})`,
  dateOfDay: (days) => `DATE_ADD(DATE '1970-01-01', CAST(${days} AS INT))`,
  dayOfDate: (date) => `CAST(DATEDIFF(${date}, DATE '1970-01-01') AS BIGINT)`,
  wallMs: (ts) => `UNIX_MILLIS(TO_UTC_TIMESTAMP(CAST(${ts} AS TIMESTAMP), 'UTC'))`,
  varchar: 'STRING',
  // Spark 3 no longer moves a month's last day to the last day of the result (2.4 did).
  plusMonths: (date, months) => `ADD_MONTHS(${date}, CAST(${months} AS INT))`,
  // collect_list keeps no order: the rows are sorted by their order columns, then folded.
  compensatedSum: ({ value, order, zero, error }) => {
    const keys = order.map((o, i) => `'o${i}', ${o}`).join(', ');
    return `COALESCE(AGGREGATE(ARRAY_SORT(COLLECT_LIST(NAMED_STRUCT(${keys}, 'v', ${value})) FILTER (WHERE ${value} IS NOT NULL)), NAMED_STRUCT('s', ${zero}, 'c', ${zero}), (a, e) -> NAMED_STRUCT('s', a.s + e.v, 'c', a.c + ${error('a.s', 'e.v')}), a -> a.s + a.c), ${zero})`;
  },
});

export const trino: Dialect = dialect({
  name: 'trino',
  double: 'DOUBLE',
  intDiv: (a, b) => `((${a}) / (${b}))`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  dateOfDay: (days) => `DATE_ADD('day', ${days}, DATE '1970-01-01')`,
  dayOfDate: (date) => `DATE_DIFF('day', DATE '1970-01-01', ${date})`,
  wallMs: (ts) =>
    `CAST(ROUND(TO_UNIXTIME(WITH_TIMEZONE(CAST(${ts} AS TIMESTAMP(3)), 'UTC')) * 1000) AS BIGINT)`,
  plusMonths: (date, months) => `DATE_ADD('month', ${months}, ${date})`,
  compensatedSum: ({ value, order, zero, error }) => {
    const state = 'ROW(s DOUBLE, c DOUBLE)';
    return `COALESCE(REDUCE(ARRAY_AGG(${value} ORDER BY ${order.join(', ')}) FILTER (WHERE ${value} IS NOT NULL), CAST(ROW(${zero}, ${zero}) AS ${state}), (a, x) -> CAST(ROW(a.s + x, a.c + ${error('a.s', 'x')}) AS ${state}), a -> a.s + a.c), ${zero})`;
  },
});

const ALL: Record<DialectName, Dialect> = { duckdb, postgres, spark, trino };

export function dialectOf(name: DialectName): Dialect {
  return ALL[name];
}

export function isDialectName(name: string): name is DialectName {
  return (DIALECTS as readonly string[]).includes(name);
}
