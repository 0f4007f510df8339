import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegistry } from '../../src/registry/open.js';
import type { Registry } from '../../src/registry/registry.js';
import { seedRegistry } from '../../src/registry/seed.js';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { CUSTOMERS, POLICIES, TRANSACTIONS } from './fixture-deps.js';

export interface SeededApp {
  server: ServerApp;
  registry: Registry;
  /** Bearer headers of the demo tokens by name (demo-analyst: retail, demo-hq-analyst, …). */
  as: (token: string) => Record<string, string>;
  close(): Promise<void>;
}

/**
 * The app over a real registry seeded as `npm start` seeds it: the bundled policies published,
 * the example customers and transactions as datasets of each unit (headquarters ds-1, ds-2;
 * retail ds-3, ds-4). What the fixture deps cannot give: variants checked against their base.
 */
export async function seededApp(): Promise<SeededApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-seeded-'));
  const opened = await openRegistry({ db: join(dir, 'registry.db'), dataDir: join(dir, 'data') });
  if ('diagnostic' in opened) throw new Error(opened.diagnostic.message);
  const { registry } = opened;
  const seeded = await seedRegistry(registry, {
    policies: POLICIES,
    datasets: [
      { path: CUSTOMERS, kind: 'customers' },
      { path: TRANSACTIONS, kind: 'transactions' },
    ],
  });
  if (seeded.diagnostics.length > 0) throw new Error(JSON.stringify(seeded.diagnostics));
  const secrets = Object.fromEntries(seeded.tokens.map((t) => [t.name, t.secret]));
  return {
    server: createApp(registryDeps(registry), {}, registryRoutes(registry)),
    registry,
    as: (token) => ({ authorization: `Bearer ${secrets[token]}` }),
    close: async () => {
      await registry.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
