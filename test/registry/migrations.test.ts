import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../src/registry/store/migrations/migration.js';
import { POSTGRES_MIGRATIONS } from '../../src/registry/store/migrations/postgres/index.js';
import { type MigrationHost, migrate } from '../../src/registry/store/migrations/run.js';
import { SQLITE_MIGRATIONS } from '../../src/registry/store/migrations/sqlite/index.js';
import { executor } from '../../src/registry/store/sqlite.js';

/** The runner over a bare SQLite connection, with steps of the test's own. */
function host(db: InstanceType<typeof Database>): MigrationHost {
  const ex = executor(db);
  return {
    async locked(fn) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(ex);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

const step = (version: number, sql: string): Migration => ({ version, name: `step-${version}`, sql });
const ONE = step(1, 'CREATE TABLE a (x INTEGER)');
const TWO = step(2, 'CREATE TABLE b (y INTEGER); INSERT INTO a (x) VALUES (2)');
const ledger = (db: InstanceType<typeof Database>) =>
  (
    db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Record<
      string,
      unknown
    >[]
  ).map((row) => [row.version, row.name]);
const tables = (db: InstanceType<typeof Database>) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);

describe('schema migrations', () => {
  it('apply every step to a new database, then only the steps it lacks', async () => {
    const db = new Database(':memory:');
    expect(await migrate(host(db), [ONE])).toEqual({ ok: true, applied: [1] });
    expect(await migrate(host(db), [ONE])).toEqual({ ok: true, applied: [] });
    expect(await migrate(host(db), [ONE, TWO])).toEqual({ ok: true, applied: [2] });
    expect(ledger(db)).toEqual([
      [1, 'step-1'],
      [2, 'step-2'],
    ]);
    expect(tables(db)).toEqual(['a', 'b', 'schema_migrations']);
  });

  it('leave nothing of a step that fails, keeping the steps before it', async () => {
    const db = new Database(':memory:');
    const broken = step(2, 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1)');
    const outcome = await migrate(host(db), [ONE, broken]);
    expect(outcome).toMatchObject({ ok: false, problem: 'failed', version: 2, name: 'step-2' });
    expect(outcome.ok === false && outcome.problem === 'failed' && outcome.detail).toMatch(/nowhere/);
    expect(ledger(db)).toEqual([[1, 'step-1']]);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
  });

  it('refuse, untouched, a database migrated further than the code knows', async () => {
    const db = new Database(':memory:');
    await migrate(host(db), [ONE, TWO]);
    expect(await migrate(host(db), [ONE])).toEqual({ ok: false, problem: 'newer', database: 2, known: 1 });
    expect(ledger(db)).toHaveLength(2);
  });

  it("refuse a database with tables but no ledger, or another tool's ledger", async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE notes (body TEXT)');
    expect(await migrate(host(db), [ONE])).toEqual({ ok: false, problem: 'foreign', tables: ['notes'] });
    const rails = new Database(':memory:');
    rails.exec('CREATE TABLE schema_migrations (version VARCHAR PRIMARY KEY)');
    expect(await migrate(host(rails), [ONE])).toMatchObject({ ok: false, problem: 'foreign' });
    expect(tables(db)).toEqual(['notes']);
  });

  it('are numbered 1..n, the same steps for both databases', () => {
    const shape = (list: readonly Migration[]) => list.map((m) => [m.version, m.name]);
    expect(SQLITE_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((_, i) => i + 1));
    expect(shape(POSTGRES_MIGRATIONS)).toEqual(shape(SQLITE_MIGRATIONS));
  });
});
