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
}

/** A load that ended before any row was read. */
export function failedLoad(table: string, diagnostics: Diagnostic[], reader = 'none'): LoadSummary {
  return { table, rowsLoaded: 0, rowsDropped: 0, diagnostics, columns: [], failed: true, reader };
}
