import type { Executor } from '../sql/executor.js';
import type { Migration } from './migration.js';

/** What the migration runner needs of a database, beyond the shared queries. */
export interface MigrationTx extends Executor {
  /** Runs several statements separated by semicolons. */
  script(sql: string): Promise<void>;
  /** Tables that decide whether a database without schema_migrations is someone else's. */
  tables(): Promise<string[]>;
}

export interface MigrationHost {
  /** One transaction holding the store's writer lock, so two instances starting at once migrate once. */
  locked<T>(fn: (tx: MigrationTx) => Promise<T>): Promise<T>;
}

export type MigrationOutcome =
  | { ok: true; applied: number[] }
  | { ok: false; problem: 'foreign'; tables: string[] }
  | { ok: false; problem: 'newer'; database: number; known: number }
  | { ok: false; problem: 'failed'; version: number; name: string; detail: string }
  /** The database could not be used at all (locked, gone) before a step began. */
  | { ok: false; problem: 'unavailable'; detail: string };

const LEDGER = `CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

type Step = { done: true } | { applied: number } | Exclude<MigrationOutcome, { ok: true }>;

/**
 * Brings the database up to the newest of `known`, one step a transaction. A database that is not
 * ours (tables but no ledger) or that a newer tierwise has migrated is left untouched.
 */
export async function migrate(host: MigrationHost, known: readonly Migration[]): Promise<MigrationOutcome> {
  const applied: number[] = [];
  for (;;) {
    let step: Step;
    let trying: Migration | undefined;
    try {
      step = await host.locked(async (tx) => {
        const tables = await tx.tables();
        if (!tables.includes('schema_migrations')) {
          if (tables.length > 0) return { ok: false, problem: 'foreign', tables } as const;
          await tx.script(LEDGER);
        }
        let rows: Awaited<ReturnType<MigrationTx['all']>>;
        try {
          rows = await tx.all('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
        } catch {
          // Another tool's ledger of the same name (Rails and Flyway keep one too).
          return { ok: false, problem: 'foreign', tables } as const;
        }
        const current = rows.reduce((high, row) => Math.max(high, Number(row.version)), 0);
        const newest = known.at(-1)?.version ?? 0;
        if (current > newest)
          return { ok: false, problem: 'newer', database: current, known: newest } as const;
        trying = known.find((m) => m.version === current + 1);
        if (!trying) return { done: true } as const;
        await tx.script(trying.sql);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          trying.version,
          trying.name,
          new Date().toISOString(),
        ]);
        return { applied: trying.version };
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problem: 'failed',
        version: trying?.version ?? 0,
        name: trying?.name ?? '',
        detail,
      };
    }
    if ('done' in step) return { ok: true, applied };
    if ('applied' in step) applied.push(step.applied);
    else return step;
  }
}
