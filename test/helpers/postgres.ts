import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL server for the store tests: the one TIERWISE_TEST_POSTGRES names, or else a
 * throwaway cluster of the local binaries (initdb and pg_ctl on PATH, or Debian's
 * /usr/lib/postgresql/<version>/bin), started in a temporary directory on a free loopback port and
 * removed afterwards. Each test gets a database of its own.
 */
export type PostgresPlan =
  | { kind: 'external'; url: string }
  | { kind: 'local'; bin: string }
  | { kind: 'none'; reason: string };

export function planPostgres(): PostgresPlan {
  const url = process.env.TIERWISE_TEST_POSTGRES;
  if (url) return { kind: 'external', url };
  const onPath = (process.env.PATH ?? '')
    .split(':')
    .find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (onPath) return { kind: 'local', bin: onPath };
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return { kind: 'local', bin: join(debian, newest, 'bin') };
  return {
    kind: 'none',
    reason: 'no TIERWISE_TEST_POSTGRES URL and no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin',
  };
}

export interface TestPostgres {
  /** A new, empty database, as a URL. */
  database(): Promise<string>;
  /** Drops what it created and stops the cluster it started. */
  stop(): Promise<void>;
}

export async function startPostgres(plan: Exclude<PostgresPlan, { kind: 'none' }>): Promise<TestPostgres> {
  if (plan.kind === 'external') return databases(plan.url, async () => {});
  const cluster = await startCluster(plan.bin);
  return databases(cluster.url, cluster.stop);
}

/** Databases made on demand on one server, dropped at the end (on a throwaway cluster too: cheap). */
function databases(adminUrl: string, after: () => Promise<void>): TestPostgres {
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  admin.on('error', () => {});
  const made: string[] = [];
  const prefix = `tierwise_test_${process.pid}_${Date.now().toString(36)}`;
  return {
    async database() {
      const name = `${prefix}_${made.length + 1}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      made.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      try {
        for (const name of made) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
        await after();
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * initdb refuses to run as root: then the cluster belongs to `nobody`, and every command on it
 * runs through runuser. fsync is off — a test cluster need not survive a power cut — so it starts
 * in about a second.
 */
async function startCluster(bin: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-pg-'));
  const data = join(dir, 'data');
  const as = (command: string, args: string[]): [string, string[]] =>
    root ? ['runuser', ['-u', 'nobody', '--', join(bin, command), ...args]] : [join(bin, command), args];
  if (root)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'nobody']).toString()),
      Number(execFileSync('id', ['-g', 'nobody']).toString()),
    );
  const exec = (command: string, args: string[]) => {
    const [file, argv] = as(command, args);
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const stopCommand = as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  // If this process dies before afterAll, the watchdog stops the cluster and removes its files.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$0" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$TIERWISE_PG_DIR"',
      String(process.pid),
      stopCommand[0],
      ...stopCommand[1],
    ],
    { detached: true, stdio: 'ignore', env: { ...process.env, TIERWISE_PG_DIR: dir } },
  );
  watchdog.unref();
  const stop = async () => {
    try {
      exec('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // Not running (it failed to start): nothing to stop.
    }
    if (watchdog.pid !== undefined) {
      try {
        process.kill(watchdog.pid);
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A port found free may be taken before the server binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      exec('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start']);
      return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
    } catch (error) {
      if (attempt === 3) {
        await stop();
        throw error;
      }
    }
  }
}
