import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/registry/store/open.js';
import type { SqliteStore } from '../../src/registry/store/sqlite.js';
import type { Store } from '../../src/registry/store/store.js';
import { type StoreHarness, storeContract } from './store-contract.js';
import { audit } from './store-fixtures.js';

const WRITER = fileURLToPath(new URL('./fixtures/version-writer.ts', import.meta.url));

/** The writer fixture in a node process of its own (not through npx: a kill must reach it). */
const writerArgs = (...args: string[]) => ['--import', 'tsx', WRITER, ...args];

/** Runs the writer and resolves with the last line it printed, or rejects with its stderr. */
function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, writerArgs(...args), (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(stdout.trim().split('\n').at(-1) ?? ''),
    );
  });
}

/** Starts the writer, kills it with SIGKILL after `acks` acknowledged writes; resolves with what it acknowledged. */
function killAfter(path: string, writer: string, acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, writerArgs(path, writer, '1000000'), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: number[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(Number(line.slice(4)));
      if (acknowledged.length >= acks) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(acknowledged)
        : reject(new Error(`the writer ended by itself: ${stderr}`)),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'tierwise-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** SQL on a connection: the store's own, or a new one to a file. Statements that return rows are read. */
function rawOn(db: InstanceType<typeof Database>, sql: string): Record<string, unknown>[] {
  const statement = db.prepare(sql);
  if (!statement.reader) {
    statement.run();
    return [];
  }
  return (statement.all() as Record<string, unknown>[]).map(({ _metadata, ...row }) => row);
}

async function raw(target: Store | string, sql: string): Promise<Record<string, unknown>[]> {
  if (typeof target !== 'string') return rawOn((target as SqliteStore).db, sql);
  const db = new Database(target);
  try {
    return rawOn(db, sql);
  } finally {
    db.close();
  }
}

const onFile: StoreHarness = {
  fresh: async () => join(dir, `store-${++files}.db`),
  reopenable: true,
  raw,
};
const inMemory: StoreHarness = { fresh: async () => ':memory:', reopenable: false, raw };

storeContract('sqlite file', onFile);
storeContract('sqlite :memory:', inMemory);

describe('sqlite store', () => {
  const opened = async (location: string) => {
    const result = await openStore(location);
    if ('diagnostic' in result) throw new Error(result.diagnostic.message);
    return result.store as SqliteStore;
  };

  it('runs in WAL mode, syncs every commit, checks foreign keys and waits for other processes', async () => {
    const store = await opened(join(dir, 'pragmas.db'));
    const pragma = (name: string, column = name) =>
      (store.db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>)[column];
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout', 'timeout')).toBe(10_000);
    await store.write((tx) => tx.appendAudit(audit(1)));
    // A new file, and the WAL beside it, are readable by their owner only.
    expect(statSync(join(dir, 'pragmas.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'pragmas.db-wal')).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('serialises writers of several processes on one file: no gap, no duplicate', async () => {
    const path = join(dir, 'processes.db');
    const store = await opened(path);
    await store.write((tx) =>
      tx.insertPolicy({
        name: 'retail',
        businessUnit: '',
        fileName: 'retail.tier.yaml',
        createdAt: 'x',
        createdBy: 'a',
      }),
    );
    const writers = ['a', 'b', 'c'].map((writer) => run([path, writer, '20']));
    expect(await Promise.all(writers)).toEqual(['ok', 'ok', 'ok']);
    const versions = await store.read((tx) => tx.listVersions('retail'));
    expect(versions.map((v) => v.sequence)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(versions.map((v) => v.author)).size).toBe(60);
    expect(await store.integrityCheck()).toEqual([]);
    await store.close();
  });

  it('keeps every acknowledged write of a process killed mid-write, and stays sound', async () => {
    const path = join(dir, 'killed.db');
    const store = await opened(path);
    await store.write((tx) =>
      tx.insertPolicy({
        name: 'retail',
        businessUnit: '',
        fileName: 'retail.tier.yaml',
        createdAt: 'x',
        createdBy: 'a',
      }),
    );
    await store.close();
    const acknowledged: number[] = [];
    for (const [round, acks] of [5, 17, 1, 30, 11].entries())
      acknowledged.push(...(await killAfter(path, `k${round}`, acks)));
    const after = await opened(path);
    const sequences = (await after.read((tx) => tx.listVersions('retail'))).map((v) => v.sequence);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(sequences).toEqual(expect.arrayContaining(acknowledged));
    expect(acknowledged.length).toBeGreaterThanOrEqual(64);
    expect(await after.integrityCheck()).toEqual([]);
    await after.close();
  });

  it('opens the default file name relative to the working directory', async () => {
    const cwd = process.cwd();
    const here = join(dir, 'default');
    mkdirSync(here);
    process.chdir(here);
    try {
      const store = await opened('');
      await store.close();
    } finally {
      process.chdir(cwd);
    }
    expect(
      new Database(join(here, 'tierwise.db')).prepare('SELECT COUNT(*) AS n FROM schema_migrations').get(),
    ).toMatchObject({ n: 3 });
  });

  it('says why a file cannot be opened or created', async () => {
    const missing = await openStore(join(dir, 'no-such-dir', 'x.db'));
    expect('diagnostic' in missing && missing.diagnostic).toMatchObject({
      code: 'TW1251',
      message: expect.stringContaining('no-such-dir does not exist'),
    });
    const directory = await openStore(dir);
    expect('diagnostic' in directory && directory.diagnostic).toMatchObject({
      code: 'TW1251',
      message: expect.stringContaining('is a directory'),
    });
  });

  it('refuses a file that is not a database, and leaves it as it was', async () => {
    const path = join(dir, 'notes.txt');
    const text =
      'not a database, but a long enough text to fill the SQLite header of one hundred bytes .........\n';
    writeFileSync(path, text);
    const result = await openStore(path);
    expect('diagnostic' in result && result.diagnostic).toMatchObject({ code: 'TW1254' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a SQLite file of another program', async () => {
    const path = join(dir, 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    const result = await openStore(path);
    expect('diagnostic' in result && result.diagnostic).toMatchObject({
      code: 'TW1254',
      message: expect.stringContaining('notes'),
    });
  });
});
