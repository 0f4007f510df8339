import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { createApp } from '../../src/server/app.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { ROOT } from '../e2e/cli.js';
import { actor, freshRegistry, ok, policyText, publishText, withVersion } from '../registry/fixture.js';
import type { Json } from './fixture-deps.js';

/** The review endpoints in process over a real registry: seed-004 and retail's variant published. */
async function reviewServer() {
  const { registry } = await freshRegistry();
  const hq = actor('hq', 'analyst', ['headquarters']);
  const boss = actor('boss', 'approver');
  await publishText(registry, hq, boss, policyText('seed004-scorecard'));
  await publishText(registry, actor('ana', 'analyst', ['retail']), boss, policyText('retail-scorecard'));
  const dataset = ok(
    await registry.uploadDataset(LOCAL_ADMIN, {
      businessUnit: 'retail',
      name: 'customers.csv',
      kind: 'customers',
      bytes: readFileSync(join(ROOT, 'examples/data/customers.csv')),
    }),
  );
  const transactions = ok(
    await registry.uploadDataset(LOCAL_ADMIN, {
      businessUnit: 'retail',
      name: 'transactions.csv',
      kind: 'transactions',
      bytes: readFileSync(join(ROOT, 'examples/data/transactions.csv')),
    }),
  );
  const token = async (name: string, role: 'viewer' | 'analyst' | 'approver', units: string[]) =>
    ok(await registry.createToken(LOCAL_ADMIN, { name, role, businessUnits: units })).secret;
  const tokens = {
    analyst: await token('ana', 'analyst', ['retail']),
    approver: await token('bob', 'approver', ['retail', 'headquarters']),
    viewer: await token('vic', 'viewer', ['retail']),
  };
  const app = createApp(registryDeps(registry), {}, registryRoutes(registry)).app;
  const call = async (who: keyof typeof tokens, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { registry, call, data: { dataset: dataset.id, transactionsDataset: transactions.id } };
}

let server: Awaited<ReturnType<typeof reviewServer>>;
let request: string;
beforeAll(async () => {
  server = await reviewServer();
  // Retail's next version: VIP from 80 (a minor change, its version says so).
  const next = withVersion(policyText('retail-scorecard'), '1.1.0').replace('minScore: 85', 'minScore: 80');
  const created = await server.call('analyst', 'POST', '/v1/change-requests', {
    content: next,
    title: 'VIP from 80',
    baseVersion: 'retail-scorecard@1',
  });
  expect(created.status).toBe(201);
  request = created.body.changeRequest.id;
  const res = await server.registry.submit(
    actor('ana', 'analyst', ['retail']),
    request,
    created.body.changeRequest.revision,
  );
  ok(res);
});

describe('GET /v1/policy-overview', () => {
  it('lists each policy with its status, version in force, author and open change requests', async () => {
    const { status, body } = await server.call('analyst', 'GET', '/v1/policy-overview');
    expect(status).toBe(200);
    const retail = body.policies.find((p: Json) => p.name === 'retail-scorecard');
    expect(retail).toMatchObject({
      businessUnit: 'retail',
      status: 'published',
      extends: 'seed004-scorecard',
      inForce: { version: 'retail-scorecard@1', semver: '1.0.0' },
      author: 'ana',
      editable: true,
      changeRequests: [{ id: request, state: 'in_review', author: 'ana' }],
    });
    expect(body.policies.find((p: Json) => p.name === 'seed004-scorecard')).toMatchObject({
      businessUnit: 'headquarters',
      editable: false,
    });
    expect(body.bases.map((b: Json) => b.name)).toEqual(['seed004-scorecard']);
    expect(body.variantUnits).toEqual(['retail']);
  });

  it('offers a viewer no unit to draft a variant for', async () => {
    const { body } = await server.call('viewer', 'GET', '/v1/policy-overview');
    expect(body.variantUnits).toEqual([]);
    expect(body.policies.every((p: Json) => p.editable === false)).toBe(true);
  });
});

describe('POST /v1/policy-variants', () => {
  it('drafts a variant that extends the company policy, then refuses the same name again (TW1331)', async () => {
    const variant = { base: 'seed004-scorecard', name: 'retail-vip', businessUnit: 'retail' };
    const first = await server.call('analyst', 'POST', '/v1/policy-variants', variant);
    expect(first.status).toBe(201);
    expect(first.body.changeRequest).toMatchObject({ policy: 'retail-vip', state: 'draft', author: 'ana' });
    expect(first.body.changeRequest.content).toContain('extends: ./seed004-scorecard.tier.yaml');
    const overview = await server.call('analyst', 'GET', '/v1/policy-overview');
    expect(overview.body.policies.find((p: Json) => p.name === 'retail-vip')).toMatchObject({
      status: 'proposed',
      extends: 'seed004-scorecard',
    });
    const impact = await server.call(
      'analyst',
      'POST',
      `/v1/change-requests/${first.body.changeRequest.id}/impact`,
      { ...server.data, limit: 0 },
    );
    expect(impact.status, JSON.stringify(impact.body)).toBe(200);
    expect(impact.body.from.file).toBe('seed004-scorecard@1');
    expect(impact.body.matrix.total).toBe(3000);
    const again = await server.call('analyst', 'POST', '/v1/policy-variants', variant);
    expect(again.status).toBe(409);
    expect(again.body.diagnostics).toMatchObject([{ code: 'TW1331', pointer: '/name' }]);
  });

  it('refuses a base of another unit (TW1330), another unit (403) and a viewer (403)', async () => {
    const ofRetail = { base: 'retail-scorecard', name: 'retail-b', businessUnit: 'retail' };
    const base = await server.call('analyst', 'POST', '/v1/policy-variants', ofRetail);
    expect(base.status).toBe(400);
    expect(base.body.diagnostics).toMatchObject([{ code: 'TW1330', pointer: '/base' }]);
    const elsewhere = { base: 'seed004-scorecard', name: 'corp-b', businessUnit: 'corporate' };
    expect((await server.call('analyst', 'POST', '/v1/policy-variants', elsewhere)).status).toBe(403);
    const viewer = { base: 'seed004-scorecard', name: 'retail-c', businessUnit: 'retail' };
    expect((await server.call('viewer', 'POST', '/v1/policy-variants', viewer)).status).toBe(403);
  });
});

describe('GET /v1/change-requests/{id}/changes', () => {
  it('gives the semantic diff, the YAML it started from, and offers approve to the approver', async () => {
    const { status, body } = await server.call('approver', 'GET', `/v1/change-requests/${request}/changes`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      level: 'minor',
      old: { source: 'retail-scorecard@1', version: '1.0.0' },
      new: { source: request, version: '1.1.0' },
      against: { version: 'retail-scorecard@1', semver: '1.0.0', why: 'base-version' },
    });
    expect(body.changes.length).toBeGreaterThan(0);
    expect(body.changes[0]).toMatchObject({ kind: expect.any(String), message: expect.any(String) });
    expect(body.baseContent).toContain('minScore: 85');
    expect(body.actions).toEqual(['approve', 'reject']);
  });

  it('never offers approve to the author (four eyes), nor anything to a viewer', async () => {
    const author = await server.call('analyst', 'GET', `/v1/change-requests/${request}/changes`);
    expect(author.body.actions).toEqual(['edit', 'withdraw']);
    const viewer = await server.call('viewer', 'GET', `/v1/change-requests/${request}/changes`);
    expect(viewer.body.actions).toEqual([]);
  });

  it('answers 404 for an unknown change request', async () => {
    expect((await server.call('viewer', 'GET', '/v1/change-requests/cr-999/changes')).status).toBe(404);
  });
});

describe('POST /v1/change-requests/{id}/impact', () => {
  it('counts the customers per tier before and after on the unit’s dataset', async () => {
    const { status, body } = await server.call('approver', 'POST', `/v1/change-requests/${request}/impact`, {
      ...server.data,
      limit: 5,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const counts = (side: 'from' | 'to') =>
      Object.fromEntries(body.simulations[side].tiers.map((t: Json) => [t.tier, t.customers]));
    expect(counts('from')).toMatchObject({ vip: 78 });
    expect(counts('to')).toMatchObject({ vip: 158 });
    expect(body.matrix).toMatchObject({ total: 3000, upgrades: 80, downgrades: 0 });
    expect(body.movers).toHaveLength(5);
  });

  it('refuses a new policy that extends nothing (TW1332)', async () => {
    const fresh = policyText('seed004-scorecard')
      .replace(/name: seed004-scorecard/, 'name: retail-fresh')
      .replace(/businessUnit: headquarters/, 'businessUnit: retail');
    const created = await server.call('analyst', 'POST', '/v1/change-requests', {
      content: fresh,
      title: 'fresh',
    });
    expect(created.status).toBe(201);
    const id = created.body.changeRequest.id;
    const res = await server.call('analyst', 'POST', `/v1/change-requests/${id}/impact`, {
      ...server.data,
    });
    expect(res.status).toBe(400);
    expect(res.body.diagnostics).toMatchObject([{ code: 'TW1332' }]);
  });
});

describe('GET /v1/audit?policy=', () => {
  it('is the policy’s timeline: its versions, publications and change requests', async () => {
    const { status, body } = await server.call('viewer', 'GET', '/v1/audit?policy=retail-scorecard');
    expect(status).toBe(200);
    const subjects = new Set(body.entries.map((e: Json) => e.subject));
    expect(subjects).toContain(request);
    expect(subjects).toContain('retail-scorecard@1');
    expect(subjects).not.toContain('seed004-scorecard@1');
    expect(body.entries.map((e: Json) => e.action)).toContain('cr.submit');
  });
});
