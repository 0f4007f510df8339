import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../policy/schema/policy.js';
import { duckdb, SMALLEST_BITS } from '../sql/dialect.js';

const q = duckdb.ident;

/** What one pass over a loaded log, grouped by customer, tells before the policy's query runs. */
export interface LogSurvey {
  /** Log rows of customers the customer table lacks (TW0609): how many, and the first of them. */
  strangers?: { count: number; row: number; id: string };
  /** Every sum the policy takes of the log may be taken in any order (`summation: 'unordered'`). */
  unordered: boolean;
}

/**
 * Surveys a loaded log (`tw_row`, `customer`, the fields) in one pass grouped by customer: its
 * strangers, when `customers` names the customer table and its key column, and whether its sums
 * need no order.
 *
 * Sums may be taken in any order (`summation: 'unordered'`) and still be the double src/facts
 * gives, Neumaier's sum in the log's order, when for every customer and field, over all the
 * customer's rows (any window, month, week or day is a subset, for which the same bounds hold):
 *
 * 1. every value is 0 or between 2^-36 and 2^78 in magnitude, so that its integer part and its
 *    fraction × 2^88 are exact integers, as is any sum of them (Dialect.unorderedSum);
 * 2. n · Σ|v| < 2^48 · min|v| (n values, the smallest nonzero one): every sum and every rounding
 *    error along the way is a multiple u of the smallest value's last bit, and all the rounding
 *    errors together stay below 2^49 u. Neumaier's compensation, a sum of those errors, is then
 *    added without rounding, so its result is the exact sum rounded once; and the plain sum's
 *    error, being below 2^49 u, converts to a double exactly, so unorderedSum's is that too;
 * 3. n · Σ|v| < 2^90, so that the plain sum's error in units of 2^-88 fits a HUGEINT.
 *
 * Money, counts and rates pass by many orders of magnitude; a field mixing 10^-9 and 10^9 does
 * not, and its sums fold in order.
 */
export async function surveyLog(
  connection: DuckDBConnection,
  table: string,
  policy: Policy,
  options: {
    /** The log table's columns (LoadSummary.columns): a summed field the log lacks sums nothing. */
    columns?: readonly string[];
    /** The customer table and its key column, to find the log's strangers. */
    customers?: { table: string; key: string };
  } = {},
): Promise<LogSurvey> {
  const { columns, customers } = options;
  const fields = summedFields(policy).filter((f) => columns === undefined || columns.includes(f));
  if (fields.length === 0 && customers === undefined) return { unordered: true };
  const max = Number.MAX_VALUE;
  // The values a stream sums: finite ones (src/sql/aggregates-streams.ts rowsOf).
  const values = fields.map(
    (f, i) => `CASE WHEN ${q(f)} > ${-max} AND ${q(f)} < ${max} THEN CAST(${q(f)} AS DOUBLE) END AS v${i}`,
  );
  const perCustomer = [
    `${q('customer')}`,
    'count(*) AS tw_rows',
    'min(tw_row) AS tw_first',
    ...fields.flatMap((_, i) => [
      `count(v${i}) AS n${i}`,
      `sum(abs(v${i})) AS a${i}`,
      `min(abs(v${i})) FILTER (WHERE v${i} <> 0) AS m${i}`,
      `bool_and(v${i} = 0 OR abs(v${i}) >= ${2 ** -SMALLEST_BITS} AND abs(v${i}) < ${2 ** 78}) AS r${i}`,
    ]),
  ];
  const fine =
    fields
      .map(
        (_, i) =>
          `(coalesce(r${i}, TRUE) AND (m${i} IS NULL OR n${i} * a${i} < ${2 ** 48} * m${i}) AND coalesce(n${i} * a${i} < ${2 ** 90}, TRUE))`,
      )
      .join(' AND ') || 'TRUE';
  const grouped = `SELECT ${perCustomer.join(', ')} FROM (SELECT ${[q('customer'), 'tw_row', ...values].join(', ')} FROM ${q(table)} WHERE ${q('customer')} IS NOT NULL) GROUP BY ${q('customer')}`;
  const stranger = customers
    ? `NOT EXISTS (SELECT 1 FROM ${q(customers.table)} c WHERE c.${q(customers.key)} = g.${q('customer')})`
    : 'FALSE';
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE NOT (${fine})), CAST(sum(tw_rows) FILTER (WHERE tw_stranger) AS DOUBLE), arg_min(${q('customer')}, tw_first) FILTER (WHERE tw_stranger), CAST(min(tw_first) FILTER (WHERE tw_stranger) AS DOUBLE) FROM (SELECT *, ${stranger} AS tw_stranger FROM (${grouped}) g)`,
  );
  const [unfit, count, id, row] = reader.getRows()[0] ?? [];
  const strangers =
    count !== null && count !== undefined && Number(count) > 0
      ? { count: Number(count), row: Number(row), id: String(id) }
      : undefined;
  return { unordered: Number(unfit ?? 1) === 0, ...(strangers ? { strangers } : {}) };
}

/** Whether the log's sums need no order (surveyLog's `unordered`, without looking for strangers). */
export async function sumsNeedNoOrder(
  connection: DuckDBConnection,
  table: string,
  policy: Policy,
): Promise<boolean> {
  return (await surveyLog(connection, table, policy)).unordered;
}

/** The numeric log fields an aggregate fact reads (`of`), as the loaded log names its columns. */
function summedFields(policy: Policy): string[] {
  const fields = policy.sources?.transactions?.fields ?? {};
  const read = Object.values(policy.facts ?? {}).flatMap((fact) => {
    if (fact.aggregate === undefined || fact.of === undefined) return [];
    const field = fields[fact.of];
    const numeric = field !== undefined && (field.type ?? 'number') !== 'string' && field.type !== 'boolean';
    return numeric ? [fact.of] : [];
  });
  return [...new Set(read)];
}
