import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnSpec, convertValue, refusedCode } from '../data/index.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { duckdb } from '../sql/dialect.js';
import { fastCell } from './cells.js';
import { sqlType, tableValue } from './values.js';

/** A cell convertValue settled: its value, empty (spaces only), or refused with this code. */
export const CELL = { value: 0, missing: 1, refused: 2 } as const;

/**
 * The cells of one column SQL does not convert itself, converted by convertValue once per
 * distinct text into a table `name(raw, state, code, v, local)`: `v` the table value, `local`
 * a date's wall-clock ms in the policy's zone, `code` the diagnostic of a refused cell. A column
 * of plain numbers has no such cells; a date column has one per distinct day.
 */
export async function convertSlowCells(
  connection: DuckDBConnection,
  stage: string,
  column: string,
  spec: ColumnSpec,
  name: string,
  zone: ZoneCalendar,
): Promise<void> {
  const type = sqlType(spec.type);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${duckdb.ident(name)} (raw VARCHAR, state UTINYINT, code VARCHAR, v ${type}, local BIGINT)`,
  );
  const fast = fastCell(spec, column);
  const slow = `${column} IS NOT NULL AND ${column} <> ''${fast ? ` AND NOT coalesce(${fast.when}, FALSE)` : ''}`;
  const result = await connection.stream(
    `SELECT DISTINCT ${column} FROM ${duckdb.ident(stage)} WHERE ${slow}`,
  );
  const appender = await connection.createAppender(name);
  const options = { mask: spec.pii === true };
  for await (const rows of result.yieldRowsJs()) {
    for (const [raw] of rows) {
      const text = raw as string;
      const converted = convertValue(text, spec, options);
      appender.appendVarchar(text);
      if ('error' in converted) {
        appender.appendUTinyInt(CELL.refused);
        appender.appendVarchar(refusedCode(spec, converted));
        appender.appendNull();
        appender.appendNull();
      } else {
        const value = tableValue(spec.type, converted.value, zone);
        appender.appendUTinyInt(value === undefined ? CELL.missing : CELL.value);
        appender.appendNull();
        appendValue(appender, type, value);
        if (type === 'BIGINT' && value !== undefined) {
          const at = value as number;
          appender.appendBigInt(BigInt(at + zone.offsetAt(at)));
        } else appender.appendNull();
      }
      appender.endRow();
    }
  }
  appender.closeSync();
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

/** One table value into the appender's next column. */
export function appendValue(
  appender: Appender,
  type: ReturnType<typeof sqlType>,
  value: number | string | boolean | undefined,
): void {
  if (value === undefined) appender.appendNull();
  else if (type === 'DOUBLE') appender.appendDouble(value as number);
  else if (type === 'BIGINT') appender.appendBigInt(BigInt(value as number));
  else if (type === 'BOOLEAN') appender.appendBoolean(value as boolean);
  else appender.appendVarchar(String(value));
}
