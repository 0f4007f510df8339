import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec } from '../data/index.js';
import { duckdb } from '../sql/dialect.js';
import { sqlType } from './values.js';

/** `CREATE OR REPLACE TABLE` with the typed columns: `name TYPE` pairs, names quoted. */
export async function createTable(
  connection: DuckDBConnection,
  table: string,
  columns: readonly (readonly [string, string])[],
): Promise<void> {
  const list = columns.map(([name, type]) => `${duckdb.ident(name)} ${type}`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE ${duckdb.ident(table)} (${list})`);
}

/** A fact column of the typed table: its id and SQL type. */
export function factColumn(spec: ColumnSpec): readonly [string, string] {
  return [spec.id, sqlType(spec.type)];
}
