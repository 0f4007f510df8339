import type { ColumnSpec } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A file as DuckDB reads it, before conversion: a relation (`read_csv(…)`, `read_parquet(…)`, an
 * attached table) and, as SQL over it, every column's cell as text (NULL when empty), which of
 * them each resolved column is, and the row number the JS readers give the record. Nothing is
 * materialized here: the relation is read once, into the table (src/duckdb/convert.ts).
 */
export interface Stage {
  relation: string;
  file: string;
  /** The columns found in the file, in the policy's order, spelled as the file spells them. */
  columns: ColumnSpec[];
  /** Every column of the file, as text. */
  all: string[];
  /**
   * Per column of the file, its value as DOUBLE when the file types it as a number (Parquet,
   * DuckDB tables): such a value is taken as it is, as a number in xlsx or JSON is (convertValue
   * of a number), with no round trip through text.
   */
  native?: (string | undefined)[];
  /** Per column of the file, the column itself when the file types it as DATE. */
  dates?: (string | undefined)[];
  /** Which of them holds each resolved column. */
  cells: number[];
  /** The record's row number. */
  row: string;
  /**
   * The row number is the record's place in the file plus this (a CSV's header is row 1): when
   * nothing in the load can reorder rows (no join), the table's rowid gives it after the load.
   * `row_number() OVER ()` materializes every column once more: 1.1 s of 2.5 s for a million rows.
   */
  rowFromOrder?: number;
  /** About the header: columns found by a near name, columns missing. */
  diagnostics: Diagnostic[];
  reader: string;
  /** Releases what the stage holds (a transcoded copy, an attached database). */
  close(): Promise<void>;
}

/**
 * While a table is loaded: its column flagging blank rows, and the table of the cells SQL did
 * not settle `(row, k, raw, code)` — cells only convertValue reads, and empty required cells —
 * with each one's error code once known. `$` keeps the names apart from fact ids.
 */
export const HELPER = {
  blank: 'tw$blank',
  cells: (table: string) => `${table}$cells`,
  /** src/duckdb/days.ts */
  days: (table: string) => `${table}$days`,
  /**
   * A view's columns a count checks the file by (src/duckdb/convert.ts checkedView): whether the
   * row has nothing to report, and the hash of its key.
   */
  ok: 'tw$ok',
  key: 'tw$key',
};
