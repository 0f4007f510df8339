import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec } from '../data/index.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { duckdb } from '../sql/dialect.js';
import { fastCell } from './cells.js';
import { CELL, convertSlowCells } from './lookup.js';
import { cell, type Stage } from './stage.js';
import { literal, tableValue } from './values.js';

/**
 * The stage converted, one row per non-blank row of the file: `row`, then for column k its value
 * `v<k>` (the default for an empty cell, NULL for an empty or refused one), `e<k>` the code of
 * its error (TW0603/4/31 refused, TW0605 required and empty) and, for dates, `l<k>` the
 * wall-clock ms; `bad` when any cell has an error. What mapRecord makes of each row, as a table.
 */
export async function convertStage(
  connection: DuckDBConnection,
  stage: Stage,
  name: string,
  zone: ZoneCalendar,
): Promise<void> {
  const joins: string[] = [];
  const selects: string[] = [`s.rowid + ${stage.base} AS row`];
  const errors: string[] = [];
  for (const [k, spec] of stage.columns.entries()) {
    const lookup = `${name}_lk${k}`;
    await convertSlowCells(connection, stage.table, cell(k), spec, lookup, zone);
    joins.push(`LEFT JOIN ${duckdb.ident(lookup)} lk${k} ON lk${k}.raw = s.${cell(k)}`);
    selects.push(...columnSql(spec, k, zone));
    errors.push(`e${k} IS NOT NULL`);
  }
  const body = `SELECT ${selects.join(', ')} FROM ${duckdb.ident(stage.table)} s ${joins.join(' ')} WHERE NOT s.blank`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${duckdb.ident(name)} AS SELECT *, ${errors.join(' OR ') || 'FALSE'} AS bad FROM (${body})`,
  );
}

function columnSql(spec: ColumnSpec, k: number, zone: ZoneCalendar): string[] {
  const raw = `s.${cell(k)}`;
  const lk = `lk${k}`;
  const fast = fastCell(spec, raw);
  const missing = `(${raw} IS NULL OR ${raw} = '' OR ${lk}.state = ${CELL.missing})`;
  const empty = spec.required
    ? literal(spec.type, undefined)
    : literal(spec.type, tableValue(spec.type, spec.default, zone));
  const value = fast
    ? `CASE WHEN ${missing} THEN ${empty} WHEN ${fast.when} THEN ${fast.value} ELSE ${lk}.v END`
    : `CASE WHEN ${missing} THEN ${empty} ELSE ${lk}.v END`;
  const error = `CASE WHEN ${missing} THEN ${spec.required ? "'TW0605'" : 'NULL'} ELSE ${lk}.code END`;
  const columns = [`${value} AS v${k}`, `${error} AS e${k}`];
  if (spec.type === 'date') {
    const local = spec.required ? undefined : localOf(tableValue('date', spec.default, zone), zone);
    columns.push(`CASE WHEN ${missing} THEN ${literal('date', local)} ELSE ${lk}.local END AS l${k}`);
  }
  return columns;
}

function localOf(at: unknown, zone: ZoneCalendar): number | undefined {
  return typeof at === 'number' ? at + zone.offsetAt(at) : undefined;
}
