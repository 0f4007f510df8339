import { statSync } from 'node:fs';
import { extname } from 'node:path';

/** Where a population is evaluated: this process (`js`), embedded DuckDB, or chosen by size. */
export type PopulationEngine = 'js' | 'duckdb' | 'auto';

/**
 * Past this many bytes of input, auto picks DuckDB: below it the JavaScript path starts faster
 * than DuckDB loads (bench/sql.ts measures both; the crossover on this machine's 2 cores is near
 * 30 MB of customer CSV, a log weighs more as it is joined).
 */
export const AUTO_DUCKDB_BYTES = 64 * 1024 * 1024;

/** Formats only DuckDB reads. */
const DUCK_ONLY = new Set(['.parquet', '.duckdb', '.db']);

/**
 * The engine a run uses. DuckDB needs a customer file (customers read from the log's ids stay on
 * the JavaScript path); `auto` takes DuckDB for Parquet and database files and for large inputs.
 */
export function chooseEngine(
  engine: PopulationEngine | undefined,
  files: { customers?: string; transactions?: string },
): 'js' | 'duckdb' {
  if (engine === 'js' || engine === undefined) return 'js';
  if (files.customers === undefined) return 'js';
  if (engine === 'duckdb') return 'duckdb';
  if (onlyDuckReads(files)) return 'duckdb';
  const inputs = [files.customers, files.transactions].filter((f): f is string => f !== undefined);
  const bytes = inputs.reduce((sum, f) => sum + sizeOf(f), 0);
  return bytes >= AUTO_DUCKDB_BYTES ? 'duckdb' : 'js';
}

/** Whether an input is a Parquet or database file, which only the DuckDB engine reads. */
export function onlyDuckReads(files: { customers?: string; transactions?: string }): boolean {
  return [files.customers, files.transactions].some(
    (f) => f !== undefined && DUCK_ONLY.has(extname(f).toLowerCase()),
  );
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // Unreadable: the reader that opens it says why.
    return 0;
  }
}
