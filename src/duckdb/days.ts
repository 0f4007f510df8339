import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec } from '../data/index.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { duckdb } from '../sql/dialect.js';

/**
 * Plain ISO dates of these years are looked up; others go to convertValue like any other cell,
 * correctly but more slowly. Each day costs a question to Intl (its zone offset), 0.6 s for two
 * centuries: a text column gets the years most data has, a DATE column the years it holds.
 */
export const DAY_YEARS = { first: 1900, last: 2100, textFirst: 1970 };

/**
 * Whether a date column's plain ISO dates (`2024-03-01`) may be looked up in the days table:
 * without a format, or with exactly that one, they are the start of the day in the policy's zone.
 */
export function readsIsoDays(spec: ColumnSpec): boolean {
  return spec.type === 'date' && (spec.format === undefined || spec.format === 'yyyy-MM-dd');
}

/**
 * Every day of the years as `(text, start_ms, local_ms)`: its ISO text, the instant it starts in the
 * policy's zone (zone.startOfDate, which the JS reader's instants come from) and that instant's
 * wall-clock ms. A join on the exact text converts a log's dates in SQL: a transaction log holds
 * millions of dates of a few thousand days. Up to 73,000 rows, computed once per load.
 */
export async function createDays(
  connection: DuckDBConnection,
  name: string,
  zone: ZoneCalendar,
  years: { first: number; last: number },
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${duckdb.ident(name)} (text VARCHAR, start_ms BIGINT, local_ms BIGINT)`,
  );
  const appender = await connection.createAppender(name);
  try {
    for (
      let year = Math.max(years.first, DAY_YEARS.first);
      year <= Math.min(years.last, DAY_YEARS.last);
      year++
    )
      for (let month = 1; month <= 12; month++) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (let day = 1; day <= days; day++) {
          const at = zone.startOfDate(year, month, day);
          appender.appendVarchar(`${year}-${pad(month)}-${pad(day)}`);
          appender.appendBigInt(BigInt(at));
          appender.appendBigInt(BigInt(at + zone.offsetAt(at)));
          appender.endRow();
        }
      }
  } finally {
    appender.closeSync();
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
