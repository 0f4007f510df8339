import pg from 'pg';
import type { DecisionChunkRecord, DecisionRecord } from '../records.js';
import { failureOf, type Opened, type OpenFailure } from './failure.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { type MigrationTx, migrate } from './migrations/run.js';
import { Mutex } from './mutex.js';
import { TransactionScope } from './scope.js';
import {
  getDecisionRow,
  insertDecisionChunkRows,
  insertDecisionRows,
  pruneDecisionRows,
} from './sql/decisions.js';
import type { Row, Value } from './sql/executor.js';
import { registryProblems } from './sql/integrity.js';
import { SqlReader } from './sql/reader.js';
import { SqlWriter } from './sql/writer.js';
import { type Store, StoreConflict, type StoreReader, StoreUnavailable, type StoreWriter } from './store.js';

export interface PostgresOptions {
  /** Connections per instance. */
  poolSize?: number;
  /** How long to wait for a connection before reporting the server unreachable, in ms. */
  connectTimeout?: number;
}

/** The writer lock every instance takes (two int4 keys: 'tier' and the registry's lock number 1). */
const WRITER_LOCK = 'SELECT pg_advisory_xact_lock(1953064306, 1)';

const WRITE = ['BEGIN ISOLATION LEVEL READ COMMITTED', WRITER_LOCK];
const READ = ['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'];

/** Our tables: a database that has some of them but no ledger belongs to something else. */
const TABLES = [
  'schema_migrations',
  'policies',
  'versions',
  'change_requests',
  'publications',
  'datasets',
  'tokens',
  'audit',
  'decisions',
  'decision_chunks',
  'overrides',
  'sequences',
];

const INT8 = 20;
const JSON_OID = 114;
const JSONB = 3802;
/**
 * BIGINT as a number (our counters and byte sizes stay far below 2^53) and JSON as its text, so
 * rows look as SQLite's do and one set of row readers serves both. Local to this pool: pg's global
 * parsers are left alone for other users of the library in the same process.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === JSON_OID || oid === JSONB) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

const isConflict = (error: unknown) => String((error as { code?: unknown })?.code ?? '').startsWith('23');

/**
 * The connection went away mid-transaction: class 08 (connection exception), 57P (the server shut
 * down or restarts), or the socket's own errors.
 */
function isConnectionLost(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code.startsWith('08') || code.startsWith('57P')) return true;
  if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  return /Connection terminated/i.test((error as Error)?.message ?? '');
}

/** `?` placeholders as PostgreSQL's `$1, $2…` (no statement of ours has a `?` of its own). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function executor(client: pg.PoolClient): MigrationTx {
  return {
    all: async (sql: string, params: readonly Value[] = []) =>
      (await client.query(numbered(sql), params as Value[])).rows as Row[],
    run: async (sql: string, params: readonly Value[] = []) =>
      (await client.query(numbered(sql), params as Value[])).rowCount ?? 0,
    isConflict,
    script: async (sql: string) => {
      await client.query(sql);
    },
    tables: async () =>
      (
        await client.query(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)',
          [TABLES],
        )
      ).rows.map((row: { table_name: string }) => row.table_name),
  };
}

/**
 * The shared store for several instances: transactions on pooled connections; every write holds
 * one transaction-scoped advisory lock, so writers queue across instances and the lock goes with
 * the transaction however it ends (a crashed instance's connection drops and releases it).
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private closed = false;
  private readonly scope = new TransactionScope();
  private readonly writers = new Mutex();

  private constructor(readonly pool: pg.Pool) {}

  static async open(url: string, options: PostgresOptions = {}): Promise<Opened<PostgresStore>> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeout ?? 10_000,
      application_name: 'tierwise',
      types,
    });
    // An idle connection that the server drops emits here; without a listener it would end the
    // process. The next query takes a fresh connection and reports its own error.
    pool.on('error', () => {});
    const store = new PostgresStore(pool);
    const failure = await store.prepare();
    if (failure) {
      await pool.end().catch(() => {});
      return { ok: false, failure };
    }
    return { ok: true, store };
  }

  private async prepare(): Promise<OpenFailure | undefined> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      return connectionFailure(error);
    }
    const outcome = await migrate(
      { locked: (fn) => this.transaction(WRITE, (client) => fn(executor(client))) },
      POSTGRES_MIGRATIONS,
    );
    return outcome.ok ? undefined : failureOf(outcome, 'unreachable');
  }

  /** The statements that open the transaction, then fn, COMMIT; ROLLBACK when fn or COMMIT throws. */
  private transaction<T>(begin: readonly string[], fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.scope.run(() => this.transact(begin, fn));
  }

  private async transact<T>(begin: readonly string[], fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    let broken = false;
    try {
      for (const statement of begin) await client.query(statement);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      // Only a deferred foreign key fails at COMMIT with a constraint error the writer has not seen.
      if (isConflict(error)) throw new StoreConflict((error as Error).message, 'foreign key');
      if (isConnectionLost(error)) throw new StoreUnavailable((error as Error).message, 'unreachable');
      throw error;
    } finally {
      // A connection that could not roll back is not given to the next caller.
      client.release(broken);
    }
  }

  read<T>(fn: (tx: StoreReader) => Promise<T>): Promise<T> {
    // One snapshot for the whole callback, as a SQLite read transaction gives.
    return this.transaction(READ, async (client) => {
      const tx = new SqlReader(executor(client));
      try {
        return await fn(tx);
      } finally {
        tx.end();
      }
    });
  }

  write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
    // Writers of this instance queue here first, so that at most one pooled connection waits on the
    // advisory lock and a burst of writes cannot take every connection the evaluations need.
    return this.scope.run(() => this.writers.run(() => this.writeNow(fn)));
  }

  private writeNow<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
    // READ COMMITTED whatever the server's default, not a snapshot: each statement after the lock
    // sees every write committed before it; a snapshot taken before the lock wait would not.
    return this.transact(WRITE, async (client) => {
      const tx = new SqlWriter(executor(client));
      try {
        const result = await fn(tx);
        if (tx.failure) throw tx.failure;
        return result;
      } finally {
        tx.end();
      }
    });
  }

  async insertDecisions(
    decisions: readonly DecisionRecord[],
    chunks: readonly DecisionChunkRecord[] = [],
  ): Promise<void> {
    if (decisions.length === 0 && chunks.length === 0) return;
    try {
      await this.transaction(['BEGIN ISOLATION LEVEL READ COMMITTED'], async (client) => {
        await insertDecisionRows(executor(client), decisions);
        await insertDecisionChunkRows(executor(client), chunks);
      });
    } catch (error) {
      if (error instanceof StoreConflict) throw new StoreConflict(error.message, 'decision');
      throw error;
    }
  }

  /** A pooled connection; a server that cannot be reached is StoreUnavailable (the server answers 503). */
  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new StoreUnavailable((error as Error).message, 'unreachable');
    }
  }

  getDecision(id: string): Promise<DecisionRecord | undefined> {
    return this.scope.run(async () => {
      const client = await this.connect();
      try {
        return await getDecisionRow(executor(client), id);
      } finally {
        client.release();
      }
    });
  }

  pruneDecisions(before: string): Promise<number> {
    return this.transaction(['BEGIN ISOLATION LEVEL READ COMMITTED'], (client) =>
      pruneDecisionRows(executor(client), before),
    );
  }

  integrityCheck(): Promise<string[]> {
    return this.transaction(READ, (client) => registryProblems(executor(client)));
  }

  async close(): Promise<void> {
    // pg refuses to end a pool twice; closing a closed store is nothing to report.
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Where the connection failed: the network (unreachable) or the server's answer (refused). */
function connectionFailure(error: unknown): OpenFailure {
  const code = String((error as { code?: unknown })?.code ?? '');
  const detail = error instanceof Error ? error.message : String(error);
  // 28: authentication; 3D000: no such database; 42501: no permission to connect.
  if (code.startsWith('28') || code === '3D000' || code === '42501') return { kind: 'refused', detail };
  return { kind: 'unreachable', detail: detail || code };
}
