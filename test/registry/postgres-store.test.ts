import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/registry/store/open.js';
import type { PostgresStore } from '../../src/registry/store/postgres.js';
import type { Store } from '../../src/registry/store/store.js';
import { planPostgres, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { storeContract } from './store-contract.js';
import { policy, version } from './store-fixtures.js';

const plan = planPostgres();
const HOLDER = fileURLToPath(new URL('./fixtures/hold-write.ts', import.meta.url));

async function rawOn(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

if (plan.kind === 'none') {
  describe.skip(`postgres store: skipped, ${plan.reason}`, () => {
    it('runs the store contract against PostgreSQL', () => {});
  });
} else {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres(plan);
  });
  afterAll(async () => {
    await server?.stop();
  });

  storeContract('postgres', {
    fresh: () => server.database(),
    reopenable: true,
    raw: async (target: Store | string, sql: string) =>
      typeof target === 'string'
        ? rawOn(target, sql)
        : (await (target as PostgresStore).pool.query(sql)).rows,
  });

  describe('postgres store', () => {
    const open = async (url: string) => {
      const result = await openStore(url);
      if ('diagnostic' in result) throw new Error(result.diagnostic.message);
      return result.store;
    };

    it('serialises writers of several instances on one database: no gap, no duplicate', async () => {
      const url = await server.database();
      const instances = await Promise.all([open(url), open(url), open(url)]);
      await instances[0]!.write((tx) => tx.insertPolicy(policy('retail')));
      const writes = instances.flatMap((store, n) =>
        Array.from({ length: 20 }, (_, i) =>
          store.write(async (tx) => {
            const sequence = ((await tx.latestVersion('retail'))?.sequence ?? 0) + 1;
            await tx.insertVersion(version('retail', sequence, { author: `instance-${n}-${i}` }));
          }),
        ),
      );
      await Promise.all(writes);
      const versions = await instances[1]!.read((tx) => tx.listVersions('retail'));
      expect(versions.map((v) => v.sequence)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(new Set(versions.map((v) => v.author)).size).toBe(60);
      for (const store of instances) await store.close();
    });

    it('lets other instances write once an instance dies holding the writer lock, keeping nothing of its write', async () => {
      const url = await server.database();
      const store = await open(url);
      const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, url], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('holding')) resolve();
        });
        holder.on('exit', () => reject(new Error('the holder ended before it held the lock')));
      });
      holder.kill('SIGKILL');
      // Waits for the lock, which the server releases when the dead instance's connection drops.
      await store.write((tx) => tx.insertPolicy(policy('after')));
      expect((await store.read((tx) => tx.listPolicies())).map((p) => p.name)).toEqual(['after']);
      await store.close();
    });

    it('keeps a connection for reads while writers queue for the lock', async () => {
      const url = await server.database();
      const result = await openStore(url, { poolSize: 2 });
      if ('diagnostic' in result) throw new Error(result.diagnostic.message);
      const { store } = result;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding!: () => void;
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const first = store.write(async (tx) => {
        await tx.insertPolicy(policy('first'));
        holding();
        await gate;
      });
      await held;
      const queued = Array.from({ length: 5 }, (_, i) =>
        store.write((tx) => tx.insertPolicy(policy(`queued-${i}`))),
      );
      // With the lock held and five writers waiting, a read still gets a connection: it finishes
      // before the gate opens (if it could not, the test would wait for ever).
      expect(await store.read((tx) => tx.listPolicies())).toEqual([]);
      release();
      await Promise.all([first, ...queued]);
      expect(await store.read((tx) => tx.listPolicies())).toHaveLength(6);
      await store.close();
    });

    it('says the database does not exist, with the password masked', async () => {
      const url = new URL(await server.database());
      url.pathname = '/no_such_database';
      url.password = 's3cr%3Ft';
      const result = await openStore(url.toString());
      expect('diagnostic' in result && result.diagnostic).toMatchObject({ code: 'TW1253' });
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/s3cr/);
      expect(text).toContain(':***@');
    });
  });
}
