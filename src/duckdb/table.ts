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
  await dropRelation(connection, table);
  await connection.run(`CREATE OR REPLACE TABLE ${duckdb.ident(table)} (${list})`);
}

/**
 * Drops the table or view of that name, if any: a load leaves its customers as either (a view
 * when the file had nothing to report, src/duckdb/convert.ts cleanView), and DuckDB refuses to
 * replace or drop one as the other.
 */
export async function dropRelation(connection: DuckDBConnection, name: string): Promise<void> {
  const found = await connection.runAndReadAll(
    `SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ${duckdb.text(name)}`,
  );
  const type = found.getRowsJS()[0]?.[0];
  if (type === undefined) return;
  await connection.run(`DROP ${type === 'VIEW' ? 'VIEW' : 'TABLE'} ${duckdb.ident(name)}`);
}

/** A fact column of the typed table: its id and SQL type. */
export function factColumn(spec: ColumnSpec): readonly [string, string] {
  return [spec.id, sqlType(spec.type)];
}
