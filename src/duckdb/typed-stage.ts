import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnSpec, resolveColumns } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { unusableHeader } from '../facts/customer-source.js';
import { msg } from '../i18n/text.js';
import { duckdb } from '../sql/dialect.js';
import type { Stage } from './stage.js';

export type TypedFormat = 'parquet' | 'duckdb';

/** Files DuckDB reads with their own column types rather than as text. */
export function typedFormat(file: string): TypedFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.duckdb' || ext === '.ddb') return 'duckdb';
  return undefined;
}

export interface TypedSource {
  file: string;
  format: TypedFormat;
  /** duckdb: the table in the database file. */
  table?: string;
}

const ATTACHED = 'tw_source';

/** DuckDB's number types, as DESCRIBE names them. */
const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

/**
 * A Parquet file or a table of a DuckDB database: columns are matched by name (with the mapping,
 * near names and suggestions of resolveColumns). A number column read by a number fact is taken
 * as the number it is (Stage.native); every other value is read as DuckDB writes it as text
 * (`CAST(x AS VARCHAR)`), then converted as a CSV cell is. Rows are numbered from 1 in file
 * (or table) order. `key`: the column that must be there (undefined for a transaction log, whose
 * caller checks its own).
 */
export async function stageTyped(
  connection: DuckDBConnection,
  source: TypedSource,
  wanted: readonly ColumnSpec[],
  key: string | undefined,
): Promise<Stage | { failed: true; diagnostics: Diagnostic[]; reader: string }> {
  const reader = `duckdb-${source.format}`;
  const fail = (diagnostics: Diagnostic[]) => ({ failed: true as const, diagnostics, reader });
  const relation = await openRelation(connection, source);
  if ('code' in relation) return fail([relation]);
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation.columns}`);
  const rows = described.getRowsJS();
  const headers = rows.map((r) => String(r[0]));
  const resolved = resolveColumns(headers, wanted, source.file);
  if (key !== undefined && unusableHeader(resolved, key)) {
    await relation.close();
    return fail(resolved.diagnostics);
  }
  const text = (header: string) => `CAST(${duckdb.ident(header)} AS VARCHAR)`;
  return {
    relation: relation.from,
    file: source.file,
    columns: resolved.columns,
    cells: resolved.columns.map((c) => headers.indexOf(c.column)),
    all: headers.map(text),
    dates: rows.map((r, i) => (String(r[1]) === 'DATE' ? duckdb.ident(headers[i]!) : undefined)),
    native: rows.map((r, i) =>
      NUMERIC.test(String(r[1])) ? `CAST(${duckdb.ident(headers[i]!)} AS DOUBLE)` : undefined,
    ),
    row: relation.row,
    diagnostics: resolved.diagnostics,
    reader,
    close: relation.close,
  };
}

interface Relation {
  /** The relation with the file's own columns only. */
  columns: string;
  /** The relation to read, with the row number as `row` gives it. */
  from: string;
  row: string;
  close(): Promise<void>;
}

async function openRelation(
  connection: DuckDBConnection,
  source: TypedSource,
): Promise<Relation | Diagnostic> {
  const path = duckdb.text(source.file);
  if (source.format === 'parquet') {
    const columns = `read_parquet(${path})`;
    try {
      await connection.run(`SELECT 1 FROM ${columns} LIMIT 0`);
    } catch {
      return unreadable(source.file, 'Parquet');
    }
    const from = `read_parquet(${path}, file_row_number = true)`;
    return { columns, from, row: 'file_row_number + 1', close: async () => {} };
  }
  if (source.table === undefined)
    return diagnostic('TW0601', msg('data.duckdbTableNeeded'), {
      file: source.file,
      help: msg('data.duckdbTableNeededHelp'),
    });
  try {
    await connection.run(`ATTACH ${path} AS ${ATTACHED} (READ_ONLY)`);
  } catch {
    return unreadable(source.file, 'DuckDB');
  }
  const close = () => connection.run(`DETACH ${ATTACHED}`).then(() => undefined);
  const tables = await connection.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = '${ATTACHED}' ORDER BY table_name`,
  );
  const names = tables.getRowsJS().map((r) => String(r[0]));
  if (!names.includes(source.table)) {
    await close();
    return diagnostic('TW0601', msg('data.duckdbNoTable', { table: source.table, tables: names }), {
      file: source.file,
    });
  }
  const from = `${ATTACHED}.${duckdb.ident(source.table)}`;
  return { columns: from, from, row: 'rowid + 1', close };
}

function unreadable(file: string, format: string): Diagnostic {
  return diagnostic('TW0601', msg('data.duckdbUnreadable', { format }), {
    file,
    help: msg('data.duckdbUnreadableHelp', { format }),
  });
}
