import type { EncodingOption, OnError } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedMapping } from '../policy/mapping/index.js';

/** How a file is read into DuckDB; the JS readers' options, and where the rows go. */
export interface LoadOptions {
  /** A column mapping (`--mapping`), as readColumnMapping read it. */
  mapping?: LoadedMapping;
  encoding?: EncodingOption;
  /** xlsx: the sheet to read. */
  sheet?: string;
  onError: OnError;
  /** Row diagnostics kept (the rest counted); 1,000 by default, as in the JS readers. */
  maxDiagnostics?: number;
  /** The table to (re)create. */
  table?: string;
  /** A DuckDB database file (`.duckdb`): the table holding the rows. */
  sourceTable?: string;
}

/** What a load did: the table, its rows, and the diagnostics the JS readers give for the same file. */
export interface LoadSummary {
  table: string;
  rowsLoaded: number;
  /** Rows read and not loaded: bad rows under `skip`, rows without a key, later duplicates. */
  rowsDropped: number;
  diagnostics: Diagnostic[];
  /** The fact (or field) columns the table has: those the file has a column for. */
  columns: string[];
  /** Reading stopped (a fatal problem, or the first bad row under `fail`): the table is not there. */
  failed: boolean;
  /** Which reader did the work: `duckdb-csv`, `duckdb-parquet`, `duckdb-database`, or `js-<format>`. */
  reader: string;
  /**
   * The rows are not checked yet (LoadCustomersOptions.provisional): `table` is a view of the file
   * whose rows the caller's own pass counts (by HELPER.ok) before it may trust what it read. Its
   * rowsLoaded is 0 until then.
   */
  provisional?: ProvisionalLoad;
}

export interface ProvisionalLoad {
  /** The view's BOOLEAN column: the row has nothing to report. */
  ok: string;
  /**
   * The caller's pass read `rows` rows, `bad` of them not ok: the load as the table path would
   * have given it when the file has nothing to report (its keys distinct too), with the rows
   * numbered; undefined otherwise, and the view is to be settled.
   */
  confirm(rows: number, bad: number): Promise<LoadSummary | undefined>;
  /** The file loaded and settled as a file with something to report is, in place of the view. */
  settle(): Promise<LoadSummary>;
}

/** A load that ended before any row was read. */
export function failedLoad(table: string, diagnostics: Diagnostic[], reader = 'none'): LoadSummary {
  return { table, rowsLoaded: 0, rowsDropped: 0, diagnostics, columns: [], failed: true, reader };
}
