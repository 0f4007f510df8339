import type { DuckDBConnection } from '@duckdb/node-api';
import { badCell, convertValue, missingCell, type OnError } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DuplicateKeys, duplicateKey } from '../facts/customer-source.js';
import { duckdb } from '../sql/dialect.js';
import { cell, type Stage } from './stage.js';

export interface Settlement {
  /** The converted rows (convertStage). */
  conv: string;
  stage: Stage;
  onError: OnError;
  maxDiagnostics: number;
  /** Customers: the key column; a later row with a key an earlier kept row has is a duplicate (TW0607). */
  key?: { k: number; pii: boolean };
  /** Columns a row must have a value in to be loaded (the key; a transaction's customer and date). */
  needed: number[];
  /** The loaded table's columns, as SQL over the converted rows. */
  output: string[];
  table: string;
}

export interface Settled {
  rowsRead: number;
  rowsLoaded: number;
  /** Duplicates, then row diagnostics, as the JS readers list them. */
  diagnostics: Diagnostic[];
  failed: boolean;
}

/**
 * `--on-error` over the converted rows, as rowErrorPolicy applies it row by row: `fail` stops at
 * the first bad row, `skip` drops bad rows and collects nothing, `report` keeps them without the
 * bad values. Then the rows without a needed value are left out, and of rows sharing a key the
 * first is the customer. On failure the table is dropped: nobody should query half a file.
 */
export async function settle(connection: DuckDBConnection, s: Settlement): Promise<Settled> {
  const conv = duckdb.ident(s.conv);
  const target = duckdb.ident(s.table);
  const rowsRead = Number(await scalar(connection, `SELECT count(*) FROM ${conv}`));
  if (s.onError === 'fail') {
    const first = await scalar(connection, `SELECT min(row) FROM ${conv} WHERE bad`);
    if (first !== null) {
      await connection.run(`DROP TABLE IF EXISTS ${target}`);
      const duplicates = s.key ? await duplicatesOf(connection, s, `row < ${first}`) : [];
      const cells = await cellDiagnostics(connection, s, `row = ${first}`);
      return { rowsRead, rowsLoaded: 0, diagnostics: [...duplicates, ...cells], failed: true };
    }
  }
  const kept = s.onError === 'skip' ? 'NOT bad' : 'TRUE';
  const has = [kept, ...s.needed.map((k) => `v${k} IS NOT NULL`)].join(' AND ');
  const first = s.key ? ` QUALIFY row = min(row) OVER (PARTITION BY v${s.key.k})` : '';
  await connection.run(
    `CREATE OR REPLACE TABLE ${target} AS SELECT ${s.output.join(', ')} FROM ${conv} WHERE ${has}${first} ORDER BY row`,
  );
  const rowsLoaded = Number(await scalar(connection, `SELECT count(*) FROM ${target}`));
  const duplicates = s.key ? await duplicatesOf(connection, s, has) : [];
  const cells = s.onError === 'skip' ? [] : await cellDiagnostics(connection, s, 'TRUE');
  return { rowsRead, rowsLoaded, diagnostics: [...duplicates, ...cells], failed: false };
}

/** TW0607 for each later row with a key an earlier one among `where` has, capped as DuplicateKeys caps them. */
async function duplicatesOf(
  connection: DuckDBConnection,
  s: Settlement,
  where: string,
): Promise<Diagnostic[]> {
  const key = `v${s.key!.k}`;
  const later = `SELECT row, ${key} AS key, min(row) OVER (PARTITION BY ${key}) AS first FROM ${duckdb.ident(s.conv)} WHERE ${where} AND ${key} IS NOT NULL`;
  const reader = await connection.runAndReadAll(
    `SELECT row, key, first, count(*) OVER () AS total FROM (${later}) WHERE row <> first ORDER BY row LIMIT ${s.maxDiagnostics}`,
  );
  const duplicates = new DuplicateKeys(s.stage.file, s.maxDiagnostics);
  const rows = reader.getRowsJS();
  for (const [row, key, first] of rows)
    duplicates.add(duplicateKey(s.stage.file, String(key), Number(first), Number(row), s.key!.pii));
  duplicates.omit(rows.length === 0 ? 0 : Number(rows[0]![3]) - rows.length);
  return duplicates.diagnostics();
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
  const { stage } = s;
  const columns = stage.columns.map((_, k) => `c.e${k}, t.${cell(k)}`).join(', ');
  const reader = await connection.runAndReadAll(
    `SELECT c.row${columns ? `, ${columns}` : ''} FROM ${duckdb.ident(s.conv)} c JOIN ${duckdb.ident(stage.table)} t ON t.rowid = c.row - ${stage.base} WHERE c.bad AND ${where} ORDER BY c.row LIMIT ${s.maxDiagnostics}`,
  );
  const diagnostics: Diagnostic[] = [];
  for (const values of reader.getRowsJS()) {
    const where = { file: stage.file, row: Number(values[0]) };
    for (const [k, spec] of stage.columns.entries()) {
      const code = values[1 + 2 * k];
      if (code === null || diagnostics.length >= s.maxDiagnostics) continue;
      const raw = values[2 + 2 * k] as string | null;
      const converted = convertValue(raw, spec, { mask: spec.pii === true });
      diagnostics.push(
        'error' in converted ? badCell(spec, converted, raw, where) : missingCell(spec, where),
      );
    }
  }
  return diagnostics;
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowsJS()[0]?.[0] ?? null;
}
