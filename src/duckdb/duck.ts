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
   * temporary directory removed on close. DEFAULT_MEMORY_LIMIT unless $TIERWISE_DUCKDB_MEMORY
   * says otherwise.
   */
  memoryLimit?: string;
}

/**
 * What an in-memory DuckDB may hold before it spills to disk: enough for a few million customers
 * in memory, and a bound on what ten million take (docs/sql.md#speed-and-memory). DuckDB's own
 * default, 80% of the machine's memory, would let a large file push a shared server into swap.
 */
export const DEFAULT_MEMORY_LIMIT = '2GB';

/**
 * Opens DuckDB with extension auto-install and auto-load off: a query over customer data must
 * never make DuckDB fetch code from the network. The CSV and Parquet readers are built in.
 */
export async function openDuck(options: DuckOptions = {}): Promise<Duck> {
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  };
  if (options.threads !== undefined) config.threads = String(options.threads);
  config.memory_limit = options.memoryLimit ?? memoryLimitFromEnv();
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

const SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

function memoryLimitFromEnv(): string {
  const given = process.env.TIERWISE_DUCKDB_MEMORY?.trim();
  if (!given) return DEFAULT_MEMORY_LIMIT;
  if (!SIZE.test(given))
    throw new Error(`$TIERWISE_DUCKDB_MEMORY must be a size such as 2GB or 512MB, got '${given}'`);
  return given;
}

/** TW0731 when $TIERWISE_DUCKDB_MEMORY is set to something that is not a size: callers check before openDuck. */
export function memoryLimitProblem(): Diagnostic | undefined {
  const given = process.env.TIERWISE_DUCKDB_MEMORY?.trim();
  if (!given || SIZE.test(given)) return undefined;
  return diagnostic('TW0731', msg('data.duckdbMemory', { given }), {
    help: msg('data.duckdbMemoryHelp'),
  });
}
