import { chmodSync, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'libsql';
import type { DecisionChunkRecord, DecisionRecord } from '../records.js';
import { failureOf, type Opened, type OpenFailure } from './failure.js';
import { type MigrationTx, migrate } from './migrations/run.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';
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

type Connection = InstanceType<typeof Database>;
interface Statement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

export interface SqliteOptions {
  /** How long a statement waits for another process's write lock before failing, in ms. */
  busyTimeout?: number;
}

const isConflict = (error: unknown) =>
  String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_CONSTRAINT');
const isBusy = (error: unknown) =>
  String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');
/** Statements with more parameters are the decision log's batches, each size once: not worth keeping. */
const CACHED_PARAMS = 32;

/** The shared queries over one libsql connection; prepared statements are kept, evaluations repeat them. */
export function executor(db: Connection): MigrationTx {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string, params: readonly Value[]) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql) as Statement;
      if (params.length <= CACHED_PARAMS) statements.set(sql, statement);
    }
    return statement;
  };
  return {
    all: async (sql: string, params: readonly Value[] = []) => prepare(sql, params).all(...params) as Row[],
    run: async (sql: string, params: readonly Value[] = []) => {
      // A statement that returns rows (UPDATE … RETURNING) must be read, not run.
      const statement = prepare(sql, params);
      return statement.reader ? statement.all(...params).length : statement.run(...params).changes;
    },
    isConflict,
    script: async (sql: string) => {
      db.exec(sql);
    },
    tables: async () =>
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          .all() as Row[]
      ).map((row) => String(row.name)),
  };
}

/**
 * One queue per database file in this process, shared by every store open on it. libsql waits for
 * a lock by blocking the thread, so a second connection of the same process waiting for the first's
 * lock would stop the event loop the first needs to finish: it must wait in the queue instead.
 */
const queues = new Map<string, { mutex: Mutex; users: number }>();

function queueOf(location: string): { mutex: Mutex; release: () => void } {
  if (location === ':memory:') return { mutex: new Mutex(), release: () => {} };
  // The same file under two names (a symlink, ./x and x) is one queue.
  const key = realpathSync.native(resolve(location));
  const entry = queues.get(key) ?? { mutex: new Mutex(), users: 0 };
  entry.users++;
  queues.set(key, entry);
  return {
    mutex: entry.mutex,
    release: () => {
      if (--entry.users === 0) queues.delete(key);
    },
  };
}

/**
 * The embedded store: one SQLite file in WAL mode. The connection is one, and a transaction's
 * callback awaits, so every use of it — reads too — takes its turn in one in-process queue;
 * BEGIN IMMEDIATE and the busy timeout order writers of other processes on the same file.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly queue: Mutex;
  private readonly scope = new TransactionScope();
  private readonly release: () => void;
  private readonly ex: MigrationTx;

  private constructor(
    readonly db: Connection,
    location: string,
  ) {
    this.ex = executor(db);
    ({ mutex: this.queue, release: this.release } = queueOf(location));
  }

  static async open(location: string, options: SqliteOptions = {}): Promise<Opened<SqliteStore>> {
    const cannot = location === ':memory:' ? undefined : fileProblem(location);
    if (cannot) return { ok: false, failure: { kind: 'cannot-open', detail: cannot } };
    const created = location !== ':memory:' && !existsSync(location);
    let db: Connection;
    try {
      db = new Database(location, { timeout: options.busyTimeout ?? 10_000 });
      // Token hashes and the audit trail are nobody else's business: a new file is the owner's
      // only (SQLite gives its -wal and -shm files the same permissions).
      if (created) chmodSync(location, 0o600);
    } catch (error) {
      return { ok: false, failure: { kind: 'cannot-open', detail: (error as Error).message } };
    }
    const store = new SqliteStore(db, location);
    const failure = await store.prepare(options.busyTimeout ?? 10_000);
    if (failure) {
      await store.close();
      return { ok: false, failure };
    }
    return { ok: true, store };
  }

  private async prepare(busyTimeout: number): Promise<OpenFailure | undefined> {
    try {
      // Wait for other processes' locks rather than fail at once; then check this is SQLite at all.
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeout))}`);
      this.db.prepare('SELECT COUNT(*) FROM sqlite_master').all();
      // WAL lets evaluations read while a write commits; FULL syncs the WAL at every commit, so an
      // acknowledged write survives a crash or power loss, not just a killed process.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      const detail = (error as Error).message;
      return code === 'SQLITE_NOTADB' ? { kind: 'foreign', detail } : { kind: 'cannot-open', detail };
    }
    const outcome = await migrate(
      { locked: (fn) => this.transaction('BEGIN IMMEDIATE', async () => fn(this.ex)) },
      SQLITE_MIGRATIONS,
    );
    return outcome.ok ? undefined : failureOf(outcome, 'cannot-open');
  }

  /** fn when the connection is free; refused at once when called from inside a transaction's callback. */
  private turn<T>(fn: () => Promise<T>): Promise<T> {
    return this.scope.run(() => this.queue.run(fn));
  }

  /** BEGIN … COMMIT around fn in the queue; ROLLBACK when fn or COMMIT throws. */
  private transaction<T>(begin: string, fn: () => Promise<T>): Promise<T> {
    return this.turn(async () => {
      try {
        this.db.exec(begin);
      } catch (error) {
        if (isBusy(error)) throw new StoreUnavailable('the database is locked by another process', 'busy');
        throw error;
      }
      try {
        const result = await fn();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        // A failed COMMIT (a deferred foreign key) leaves the transaction open: end it here.
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        if (isConflict(error)) throw new StoreConflict((error as Error).message, 'foreign key');
        throw error;
      }
    });
  }

  read<T>(fn: (tx: StoreReader) => Promise<T>): Promise<T> {
    // A deferred transaction: one snapshot for the whole callback, while other processes write.
    return this.transaction('BEGIN', async () => {
      const tx = new SqlReader(this.ex);
      try {
        return await fn(tx);
      } finally {
        tx.end();
      }
    });
  }

  write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN IMMEDIATE', async () => {
      const tx = new SqlWriter(this.ex);
      try {
        const result = await fn(tx);
        if (tx.failure) throw tx.failure;
        return result;
      } finally {
        tx.end();
      }
    });
  }

  insertDecisions(
    decisions: readonly DecisionRecord[],
    chunks: readonly DecisionChunkRecord[] = [],
  ): Promise<void> {
    if (decisions.length === 0 && chunks.length === 0) return Promise.resolve();
    return this.transaction('BEGIN IMMEDIATE', async () => {
      try {
        await insertDecisionRows(this.ex, decisions);
        await insertDecisionChunkRows(this.ex, chunks);
      } catch (error) {
        if (isConflict(error)) throw new StoreConflict((error as Error).message, 'decision');
        throw error;
      }
    });
  }

  getDecision(id: string): Promise<DecisionRecord | undefined> {
    return this.turn(() => getDecisionRow(this.ex, id));
  }

  pruneDecisions(before: string): Promise<number> {
    return this.transaction('BEGIN IMMEDIATE', () => pruneDecisionRows(this.ex, before));
  }

  integrityCheck(): Promise<string[]> {
    return this.transaction('BEGIN', async () => {
      const problems: string[] = [];
      for (const row of await this.ex.all('PRAGMA integrity_check'))
        if (row.integrity_check !== 'ok') problems.push(`integrity_check: ${row.integrity_check}`);
      for (const row of await this.ex.all('PRAGMA foreign_key_check'))
        problems.push(`foreign key: ${row.table} row ${row.rowid} refers to a missing row of ${row.parent}`);
      return [...problems, ...(await registryProblems(this.ex))];
    });
  }

  async close(): Promise<void> {
    await this.turn(async () => {
      if (!this.db.open) return;
      this.db.close();
      this.release();
    });
  }
}

/** Why a file cannot be the database, in words the user can act on; undefined if it may be. */
function fileProblem(location: string): string | undefined {
  const path = resolve(location);
  const here = statSync(path, { throwIfNoEntry: false });
  if (here?.isDirectory()) return `${path} is a directory`;
  if (here) return undefined;
  const parent = statSync(dirname(path), { throwIfNoEntry: false });
  if (!parent) return `the directory ${dirname(path)} does not exist`;
  if (!parent.isDirectory()) return `${dirname(path)} is not a directory`;
  return undefined;
}
