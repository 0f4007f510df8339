import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../../src/registry/open.js';
import { isRefusal } from '../../src/registry/outcome.js';
import type { Registry } from '../../src/registry/registry.js';
import { seedRegistry } from '../../src/registry/seed.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { planPostgres, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { sized } from '../helpers/runs.js';
import { ROOT } from './cli.js';
import { bundledPoliciesFolder } from './shared-fixtures.js';

/**
 * 1,000 publish requests against one base version, all in flight at once over HTTP: exactly one
 * wins, every other answer is a 409 or 412 with a diagnostic, the policy's versions stay 1..k with
 * exactly one new, and the audit chain verifies. On SQLite (one server) and, when a cluster is at
 * hand, on PostgreSQL with two registries (two servers) over the same database.
 */
const REQUESTS = 1000;
// The requests go round-robin over this many approved change requests, so they race both as
// different changes on the same base and as the same change many times over. Ten by default:
// preparing one takes three content checks, most of the test's time; the 1,000 requests are still
// all in flight at once. 50 under TIERWISE_LONG_TESTS=1.
const CHANGES = sized(10, 50);
const POLICY = 'retail-scorecard';
const source = readFileSync(join(ROOT, 'policies/retail-scorecard.tier.yaml'), 'utf8');

interface Answer {
  status: number;
  body: { diagnostics?: { code: string }[]; version?: { id: string } };
}

// A bounded pool of keep-alive sockets: 1,000 requests in flight without 1,000 connections.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, path: string, secret: string, ifMatch: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${secret}`,
          'content-type': 'application/json',
          'if-match': ifMatch,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the answers are read as the API documents them
async function get(url: string, path: string, secret: string): Promise<any> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${secret}` } });
  return response.json();
}

// The raced policy and its base: the other bundled policies play no part in the race.
const POLICIES = bundledPoliciesFolder('seed004-scorecard.tier.yaml', 'retail-scorecard.tier.yaml');

/** Seeds the registry (once) and returns the demo tokens' secrets. */
async function seed(registry: Registry): Promise<Record<string, string>> {
  const seeded = await seedRegistry(registry, { policies: POLICIES, datasets: [] });
  expect(seeded.diagnostics).toEqual([]);
  return Object.fromEntries(seeded.tokens.map((t) => [t.name, t.secret]));
}

/** CHANGES approved change requests, each a different semver, all on the same base version. */
async function approvedChanges(registry: Registry, tokens: Record<string, string>) {
  const analyst = await registry.authenticate(tokens['demo-analyst']!);
  const approver = await registry.authenticate(tokens['demo-approver']!);
  if (!analyst || !approver) throw new Error('no actors');
  const changes: { id: string; etag: string }[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const content = source.replace('version: 1.0.0', `version: 1.${i + 1}.0`);
    const made = await registry.createChangeRequest(analyst, { content, title: `variant ${i}` });
    if (isRefusal(made)) throw new Error(JSON.stringify(made.diagnostics));
    const id = made.value.id;
    const submitted = await registry.submit(analyst, id, made.value.revision);
    if (isRefusal(submitted)) throw new Error(JSON.stringify(submitted.diagnostics));
    const approved = await registry.approve(approver, id, submitted.value.revision);
    if (isRefusal(approved)) throw new Error(JSON.stringify(approved.diagnostics));
    expect(approved.value.baseVersion).toBe(`${POLICY}@1`);
    changes.push({ id, etag: `"${approved.value.revision}"` });
  }
  return changes;
}

/** Fires every publish at once, round-robin over the servers, and checks what came back. */
async function race(urls: string[], registry: Registry, tokens: Record<string, string>) {
  const changes = await approvedChanges(registry, tokens);
  const answers = await Promise.all(
    Array.from({ length: REQUESTS }, (_, i) => {
      const change = changes[i % CHANGES]!;
      return post(
        urls[i % urls.length]!,
        `/v1/change-requests/${change.id}/publish`,
        tokens['demo-approver']!,
        change.etag,
      );
    }),
  );
  const won = answers.filter((a) => a.status === 201);
  expect(won).toHaveLength(1);
  expect(won[0]!.body.version?.id).toBe(`${POLICY}@2`);
  const lost = answers.filter((a) => a.status !== 201);
  const odd = lost.find((a) => a.status !== 409 && a.status !== 412);
  expect(odd, JSON.stringify(odd?.body)).toBeUndefined();
  expect(new Set(lost.map((a) => a.status))).toSatisfy((s: Set<number>) =>
    [...s].every((status) => status === 409 || status === 412),
  );
  for (const answer of lost) expect(answer.body.diagnostics?.length).toBeGreaterThan(0);

  for (const url of urls) {
    const policy = await get(url, `/v1/policies/${POLICY}`, tokens['demo-analyst']!);
    const sequences = (policy.versions as { sequence: number; id: string }[]).map((v) => v.sequence);
    expect(sequences).toEqual([1, 2]);
    expect(new Set((policy.versions as { id: string }[]).map((v) => v.id)).size).toBe(2);
    const verify = await get(url, '/v1/audit/verify', tokens['demo-admin']!);
    expect(verify.diagnostics).toEqual([]);
  }
  const published = (await registry.listChangeRequests({})).filter((c) => c.state === 'published');
  expect(published).toHaveLength(1);
}

afterAll(() => {
  agent.destroy();
});

describe('1,000 concurrent publishes against one base version', () => {
  it('on SQLite: exactly one 201, the rest 409/412, versions gapless, audit verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-race-'));
    const opened = await openRegistry({ db: join(dir, 'registry.db'), dataDir: join(dir, 'data') });
    if ('diagnostic' in opened) throw new Error(JSON.stringify(opened.diagnostic));
    const { registry } = opened;
    let server: RunningServer | undefined;
    try {
      const tokens = await seed(registry);
      server = await startServer({ deps: registryDeps(registry), routes: registryRoutes(registry), port: 0 });
      await race([server.url], registry, tokens);
    } finally {
      await server?.close();
      await registry.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

const plan = planPostgres();
if (plan.kind === 'none') {
  describe.skip(`1,000 concurrent publishes on PostgreSQL: skipped, ${plan.reason}`, () => {
    it('two servers over one database', () => {});
  });
} else {
  describe('1,000 concurrent publishes on PostgreSQL, two servers over one database', () => {
    let postgres: TestPostgres;
    beforeAll(async () => {
      postgres = await startPostgres(plan);
    }, 120_000);
    afterAll(async () => {
      await postgres?.stop();
    });

    it('exactly one 201 across both, the rest 409/412, versions gapless, audit verifies', async () => {
      const url = await postgres.database();
      const dir = mkdtempSync(join(tmpdir(), 'tierwise-race-pg-'));
      const registries: Registry[] = [];
      const servers: RunningServer[] = [];
      try {
        for (let i = 0; i < 2; i++) {
          const opened = await openRegistry({ db: url, dataDir: join(dir, 'data') });
          if ('diagnostic' in opened) throw new Error(JSON.stringify(opened.diagnostic));
          registries.push(opened.registry);
        }
        const tokens = await seed(registries[0]!);
        for (const registry of registries)
          servers.push(
            await startServer({ deps: registryDeps(registry), routes: registryRoutes(registry), port: 0 }),
          );
        await race(
          servers.map((s) => s.url),
          registries[1]!,
          tokens,
        );
      } finally {
        for (const server of servers) await server.close();
        for (const registry of registries) await registry.store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
}
