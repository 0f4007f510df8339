import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';

/** An open DuckDB database and the connection the loaders use. */
export interface Duck {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

export interface DuckOptions {
  /** A database file; in memory by default. */
  path?: string;
  /** Worker threads; DuckDB's default (one per core) when not given. */
  threads?: number;
  /**
   * DuckDB's memory limit (`2GB`, `512MB`): past it, tables and intermediate results spill to a
   * temporary directory removed on close. $TIERWISE_DUCKDB_MEMORY when not given, else DuckDB's
   * default (80% of the machine's memory). Not every operator spills: a limit too low for a log's
   * aggregates stops the query (TW0732), which is why no lower default is set.
   */
  memoryLimit?: string;
}

/** A limit for a job that streams (a Parquet copy): it never needs more. */
export const STREAMING_MEMORY_LIMIT = '1GB';

/**
 * Opens DuckDB with extension auto-install and auto-load off: a query over customer data must
 * never make DuckDB fetch code from the network. The CSV and Parquet readers are built in.
 */
export async function openDuck(options: DuckOptions = {}): Promise<Duck> {
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // DuckDB's default, relied on: a CSV loads in file order, so rowid numbers its rows (convert.ts).
    preserve_insertion_order: 'true',
  };
  if (options.threads !== undefined) config.threads = String(options.threads);
  const limit = options.memoryLimit ?? memoryLimitFromEnv();
  if (limit !== undefined) config.memory_limit = limit;
  // Spilled data is customer data: in a directory of this process's own, removed on close.
  const spill = mkdtempSync(join(tmpdir(), 'tierwise-duckdb-'));
  config.temp_directory = spill;
  const removeSpill = () => rmSync(spill, { recursive: true, force: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
  } catch (error) {
    removeSpill();
    throw error;
  }
  const connection = await instance.connect();
  LIMITS.set(connection, limit);
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
      removeSpill();
    },
  };
}

/** Each connection openDuck made, and the memory limit it was opened with (undefined: DuckDB's default). */
const LIMITS = new WeakMap<DuckDBConnection, string | undefined>();

/**
 * `job` run under a memory limit of `bytes` when that is lower than the one the connection was
 * opened with, which is then given back exactly (DuckDB prints its limit rounded, so what it
 * prints is not set back). For a pass whose hash table grows with the data: under a small limit
 * DuckDB partitions it and spills what does not fit. A limit too low for DuckDB's own buffers
 * costs a second run under the usual one. A connection openDuck did not open runs `job` as it is.
 */
export async function underMemoryLimit<T>(
  connection: DuckDBConnection,
  bytes: number,
  job: () => Promise<T>,
): Promise<T> {
  if (!LIMITS.has(connection)) return job();
  const opened = LIMITS.get(connection);
  if (opened !== undefined && (bytesOfSize(opened) ?? Number.POSITIVE_INFINITY) <= bytes) return job();
  const restore = opened ?? (await defaultLimit(connection));
  if (restore === undefined) return job();
  await connection.run(`SET memory_limit = '${bytes}B'`);
  try {
    return await job();
  } catch (error) {
    if (!outOfMemory(error)) throw error;
  } finally {
    await connection.run(`SET memory_limit = '${restore}'`);
  }
  return job();
}

/**
 * DuckDB's default limit (80% of the machine's memory) as a size to set it back to: `RESET
 * memory_limit` puts the setting back but leaves the buffer pool at the lower limit (DuckDB
 * 1.5). DuckDB prints the limit truncated to a tenth of its unit, so half a tenth more is set:
 * within 0.05 GiB of the default, and printed as it was.
 */
async function defaultLimit(connection: DuckDBConnection): Promise<string | undefined> {
  const reader = await connection.runAndReadAll("SELECT current_setting('memory_limit')");
  const printed = String(reader.getRowsJS()[0]?.[0]);
  const bytes = bytesOfSize(printed, 'KMGTPE');
  const unit = bytesOfSize(printed.replace(/^[\d.]+/, '1'), 'KMGTPE');
  if (bytes === undefined || unit === undefined) return undefined;
  return `${Math.floor(bytes + 0.05 * unit)}B`;
}

/**
 * The bytes of a size as DuckDB reads one (`2GB`, `512 MiB`, `1.5GiB`: a KB is 1,000 bytes, a KiB
 * 1,024), of the units given; undefined for anything else.
 */
function bytesOfSize(size: string, units = 'KMGT'): number | undefined {
  const [, number, unit, binary] = /^(\d+(?:\.\d+)?)\s*([A-Z])(i?)B$/i.exec(size.trim()) ?? [];
  const power = unit === undefined ? -1 : units.indexOf(unit.toUpperCase());
  if (number === undefined || power < 0) return undefined;
  return Number(number) * (binary ? 1024 : 1000) ** (power + 1);
}

function memoryLimitFromEnv(): string | undefined {
  const given = process.env.TIERWISE_DUCKDB_MEMORY?.trim();
  if (!given) return undefined;
  if (bytesOfSize(given) === undefined)
    throw new Error(`$TIERWISE_DUCKDB_MEMORY must be a size such as 2GB or 512MB, got '${given}'`);
  return given;
}

/** TW0732 when DuckDB stopped a query at its memory limit; undefined for any other error. */
export function outOfMemory(error: unknown): Diagnostic | undefined {
  const text = error instanceof Error ? error.message : String(error);
  if (!/Out of Memory Error|could not allocate block/.test(text)) return undefined;
  return diagnostic('TW0732', msg('data.duckdbOutOfMemory', { limit: memoryLimitFromEnv() ?? '' }), {
    help: msg('data.duckdbOutOfMemoryHelp'),
  });
}

/** TW0731 when $TIERWISE_DUCKDB_MEMORY is set to something that is not a size: callers check before openDuck. */
export function memoryLimitProblem(): Diagnostic | undefined {
  const given = process.env.TIERWISE_DUCKDB_MEMORY?.trim();
  if (!given || bytesOfSize(given) !== undefined) return undefined;
  return diagnostic('TW0731', msg('data.duckdbMemory', { given }), {
    help: msg('data.duckdbMemoryHelp'),
  });
}
