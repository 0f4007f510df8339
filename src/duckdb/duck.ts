import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

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
}

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
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
  const connection = await instance.connect();
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
