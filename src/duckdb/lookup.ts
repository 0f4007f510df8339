import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnSpec, convertValue, refusedCode } from '../data/index.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { duckdb } from '../sql/dialect.js';
import { HELPER } from './stage.js';
import { sqlType, tableValue } from './values.js';

/** A cell convertValue settled: its value, empty (spaces only), or refused with this code. */
export const CELL = { value: 0, missing: 1, refused: 2 } as const;

/** The lookup table of column k. */
export function lookupName(table: string, k: number): string {
  return `${table}$lookup${k}`;
}

/**
 * The cells SQL did not convert (the HELPER.cells table), converted by
 * convertValue once per distinct text, into a table per column `(raw, state, code, v, local)`:
 * `v` the table value, `local` a date's wall-clock ms in the policy's zone, `code` the
 * diagnostic of a refused cell. Returns the columns that have such cells.
 */
export async function convertSlowCells(
  connection: DuckDBConnection,
  columns: readonly ColumnSpec[],
  table: string,
  zone: ZoneCalendar,
): Promise<number[]> {
  const found: number[] = [];
  for (const [k, spec] of columns.entries()) {
    const lookup = duckdb.ident(lookupName(table, k));
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${lookup} (raw VARCHAR, state UTINYINT, code VARCHAR, v ${sqlType(spec.type)}, local BIGINT)`,
    );
    const result = await connection.stream(
      `SELECT DISTINCT raw FROM ${duckdb.ident(HELPER.cells(table))} WHERE k = ${k} AND raw <> ''`,
    );
    const appender = await connection.createAppender(lookupName(table, k));
    let any = false;
    try {
      for await (const rows of result.yieldRowsJs())
        for (const [text] of rows) {
          append(appender, spec, text as string, zone);
          any = true;
        }
    } finally {
      appender.closeSync();
    }
    if (any) found.push(k);
  }
  return found;
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function append(appender: Appender, spec: ColumnSpec, raw: string, zone: ZoneCalendar): void {
  const type = sqlType(spec.type);
  const converted = convertValue(raw, spec, { mask: spec.pii === true });
  appender.appendVarchar(raw);
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
