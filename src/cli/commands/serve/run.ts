import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { keyFingerprint, readPublicKey } from '../../../artifact/keys.js';
import { t } from '../../../i18n/text.js';
import { DEFAULT_DB } from '../../../registry/open.js';
import type { Registry } from '../../../registry/registry.js';
import { seedRegistry } from '../../../registry/seed.js';
import { registryDeps } from '../../../server/registry-deps.js';
import { registryRoutes } from '../../../server/routes/registry/index.js';
import { startServer } from '../../../server/serve.js';
import { defaultUiDir } from '../../../server/ui-assets.js';
import { type CliIO, EXIT } from '../../io.js';
import { printDiagnostics, withRegistry } from '../../registry.js';
import type { ServeOptions } from '../serve.js';

const DAY_MS = 86_400_000;

/** `tierwise serve`: the registry behind the HTTP API until SIGINT or SIGTERM. */
export function serve(opts: ServeOptions, io: CliIO): Promise<number> {
  return withRegistry(opts, io, async (registry) => {
    if (opts.seed) {
      const seeded = await seed(registry, opts, io);
      if (seeded !== EXIT.ok) return seeded;
    }
    const fingerprints = await trustedKeys(opts.trustKey, io, opts.lang);
    if (typeof fingerprints === 'number') return fingerprints;
    const uiDir = defaultUiDir();
    const server = await startServer({
      deps: registryDeps(registry),
      routes: registryRoutes(registry, { trustedKeys: opts.trustKey }),
      port: opts.port,
      host: opts.host,
      uiDir,
      onError: (error) => io.err(`${String(error)}\n`),
    });
    io.out(`${t(opts.lang, 'cli.serving', { url: server.url, db: shownDb(opts.db) })}\n`);
    // A source checkout that was never built has no editor to offer; the API still serves.
    if (existsSync(join(uiDir, 'index.html')))
      io.out(`${t(opts.lang, 'cli.servingEditor', { url: server.url })}\n`);
    io.out(`${t(opts.lang, 'cli.servingDocs', { url: server.url })}\n`);
    io.out(
      `${fingerprints.length > 0 ? t(opts.lang, 'cli.servingTrust', { keys: fingerprints }) : t(opts.lang, 'cli.servingNoTrust')}\n`,
    );
    const prune = () => registry.pruneDecisions(opts.retentionDays).catch((e) => io.err(`${String(e)}\n`));
    await prune();
    const daily = setInterval(prune, DAY_MS);
    daily.unref();
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.err(`${t(opts.lang, 'cli.stopping')}\n`);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    clearInterval(daily);
    await server.close();
    return EXIT.ok;
  });
}

/** Every --trust-key must read as an Ed25519 public key before the server starts: their fingerprints. */
async function trustedKeys(
  files: readonly string[],
  io: CliIO,
  lang: ServeOptions['lang'],
): Promise<string[] | number> {
  const fingerprints: string[] = [];
  for (const file of files) {
    const read = await readPublicKey(file);
    if (!read.key) {
      printDiagnostics(read.diagnostics, io, lang);
      return EXIT.usage;
    }
    fingerprints.push(keyFingerprint(read.key));
  }
  return fingerprints;
}

/** Fills an empty registry from --seed; prints what it published and the demo tokens' secrets. */
async function seed(registry: Registry, opts: ServeOptions, io: CliIO): Promise<number> {
  const datasets = [
    ...(opts.seedData ? [{ path: opts.seedData, kind: 'customers' as const }] : []),
    ...(opts.seedTransactions ? [{ path: opts.seedTransactions, kind: 'transactions' as const }] : []),
  ];
  const seeded = await seedRegistry(registry, { policies: opts.seed!, datasets });
  if (seeded.diagnostics.length > 0) {
    printDiagnostics(seeded.diagnostics, io, opts.lang);
    return EXIT.findings;
  }
  if (seeded.policies.length === 0) {
    io.out(`${t(opts.lang, 'cli.notSeeded', { db: shownDb(opts.db) })}\n`);
    return EXIT.ok;
  }
  const lines = [
    t(opts.lang, 'cli.seededPolicies', { n: seeded.policies.length, datasets: seeded.datasets.length }),
    t(opts.lang, 'cli.seededTokensHead'),
    ...seeded.tokens.map((token) =>
      t(opts.lang, 'cli.seededToken', {
        name: token.name,
        role: token.role,
        units: token.businessUnits.join(','),
        secret: token.secret,
      }),
    ),
  ];
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

const shownDb = (db: string | undefined) => (db ?? DEFAULT_DB).replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
