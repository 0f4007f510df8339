import type { DuckDBConnection } from '@duckdb/node-api';
import { badCell, convertValue, missingCell, type OnError } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DuplicateKeys, duplicateKey } from '../facts/customer-source.js';
import { duckdb } from '../sql/dialect.js';
import type { Output } from './convert.js';
import { HELPER, type Stage } from './stage.js';

export interface Settlement {
  table: string;
  stage: Stage;
  outputs: readonly Output[];
  onError: OnError;
  maxDiagnostics: number;
  /** Customers: the key column; a later row with a key an earlier kept row has is a duplicate (TW0607). */
  key?: { k: number; pii: boolean };
  /** Columns a row must have a value in to be loaded (the key; a transaction's customer and date). */
  needed: number[];
}

export interface Settled {
  rowsRead: number;
  rowsLoaded: number;
  /** Duplicates, then row diagnostics, as the JS readers list them. */
  diagnostics: Diagnostic[];
  failed: boolean;
}

/**
 * `--on-error` over the converted table, as rowErrorPolicy applies it row by row: `fail` stops at
 * the first bad row, `skip` drops bad rows and collects nothing, `report` keeps them without the
 * bad values. Then rows without a needed value are deleted, and of rows sharing a key all but
 * the first; the helper columns go. On failure the table is dropped: nobody should query half a
 * file.
 */
export async function settle(connection: DuckDBConnection, s: Settlement): Promise<Settled> {
  const table = duckdb.ident(s.table);
  const cells = duckdb.ident(HELPER.cells(s.table));
  const read = `NOT ${duckdb.ident(HELPER.blank)}`;
  const badRows = `(SELECT row FROM ${cells} WHERE code IS NOT NULL)`;
  try {
    const rowsRead = Number(await scalar(connection, `SELECT count(*) FROM ${table} WHERE ${read}`));
    if (s.onError === 'fail') {
      const first = await scalar(connection, `SELECT min(row) FROM ${cells} WHERE code IS NOT NULL`);
      if (first !== null) {
        const duplicates = await duplicatesOf(connection, s, `${read} AND tw_row < ${first} AND ${has(s)}`);
        const bad = await cellDiagnostics(connection, s, `row = ${first}`);
        await connection.run(`DROP TABLE IF EXISTS ${table}`);
        return { rowsRead, rowsLoaded: 0, diagnostics: [...duplicates.diagnostics, ...bad], failed: true };
      }
    }
    const bad = s.onError === 'skip' ? [] : await cellDiagnostics(connection, s, 'TRUE');
    const dropped = [`NOT (${read} AND ${has(s)})`];
    if (s.onError === 'skip') dropped.push(`tw_row IN ${badRows}`);
    await connection.run(`DELETE FROM ${table} WHERE ${dropped.join(' OR ')}`);
    const duplicates = await duplicatesOf(connection, s, 'TRUE');
    if (duplicates.rows.length > 0)
      await connection.run(
        `DELETE FROM ${table} WHERE tw_row IN (SELECT tw_row FROM (${laterRows(s, 'TRUE')}))`,
      );
    await connection.run(`ALTER TABLE ${table} DROP COLUMN ${duckdb.ident(HELPER.blank)}`);
    const rowsLoaded = Number(await scalar(connection, `SELECT count(*) FROM ${table}`));
    return { rowsRead, rowsLoaded, diagnostics: [...duplicates.diagnostics, ...bad], failed: false };
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.${cells}`);
  }
}

/** The needed columns have values. */
function has(s: Settlement): string {
  return s.needed.map((k) => `${duckdb.ident(s.outputs[k]!.name)} IS NOT NULL`).join(' AND ') || 'TRUE';
}

/** Rows among `where` whose key an earlier row has: their row, key and the first row. */
function laterRows(s: Settlement, where: string): string {
  const key = duckdb.ident(s.outputs[s.key!.k]!.name);
  const all = `SELECT tw_row, ${key} AS key, min(tw_row) OVER (PARTITION BY ${key}) AS first FROM ${duckdb.ident(s.table)} WHERE ${where} AND ${key} IS NOT NULL`;
  return `SELECT tw_row, key, first FROM (${all}) WHERE tw_row <> first`;
}

/** TW0607 for each later row with a key an earlier one among `where` has, capped as DuplicateKeys caps them. */
async function duplicatesOf(
  connection: DuckDBConnection,
  s: Settlement,
  where: string,
): Promise<{ diagnostics: Diagnostic[]; rows: unknown[] }> {
  if (!s.key) return { diagnostics: [], rows: [] };
  const key = duckdb.ident(s.outputs[s.key.k]!.name);
  // Most files have no duplicate key: then no window over a million keys is needed.
  const any = await scalar(
    connection,
    `SELECT 1 FROM ${duckdb.ident(s.table)} WHERE ${where} AND ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`,
  );
  if (any === null) return { diagnostics: [], rows: [] };
  const reader = await connection.runAndReadAll(
    `SELECT tw_row, key, first, count(*) OVER () AS total FROM (${laterRows(s, where)}) ORDER BY tw_row LIMIT ${s.maxDiagnostics}`,
  );
  const duplicates = new DuplicateKeys(s.stage.file, s.maxDiagnostics);
  const rows = reader.getRowsJS();
  for (const [row, key, first] of rows)
    duplicates.add(duplicateKey(s.stage.file, String(key), Number(first), Number(row), s.key.pii));
  duplicates.omit(rows.length === 0 ? 0 : Number(rows[0]![3]) - rows.length);
  return { diagnostics: duplicates.diagnostics(), rows };
}

/**
 * The diagnostics of the bad cells of rows matching `where`, in row and column order as mapRecord
 * gives them, at most maxDiagnostics. Each is made from the cell's text by the JS converter, so
 * its message is the JS readers' to the letter.
 */
async function cellDiagnostics(
  connection: DuckDBConnection,
  s: Settlement,
  where: string,
): Promise<Diagnostic[]> {
  const reader = await connection.runAndReadAll(
    `SELECT row, k, raw FROM ${duckdb.ident(HELPER.cells(s.table))} WHERE code IS NOT NULL AND ${where} ORDER BY row, k LIMIT ${s.maxDiagnostics}`,
  );
  return reader.getRowsJS().map(([row, k, raw]) => {
    const spec = s.stage.columns[Number(k)]!;
    const at = { file: s.stage.file, row: Number(row) };
    const text = raw as string | null;
    const converted = convertValue(text, spec, { mask: spec.pii === true });
    return 'error' in converted ? badCell(spec, converted, text, at) : missingCell(spec, at);
  });
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowsJS()[0]?.[0] ?? null;
}
