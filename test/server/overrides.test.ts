import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { createApp } from '../../src/server/app.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { actor, freshRegistry, ok, policyText, publishText } from '../registry/fixture.js';
import type { Json } from './fixture-deps.js';

// T0002 of policies/seed004-scorecard.test.yaml: 89 points, key (VIP from 89.5).
const C2024002 = {
  customerId: 'C2024002',
  spend12m: 600000,
  avgOrderValue: 40000,
  industryGrowth: 12,
  orderGrowthRate: 10,
  newNeeds12m: 3,
  repurchaseRate: 80,
  referralRate: 16,
  complaintRate: 3,
};

/** The override endpoints in process over a real registry with seed 004 published and a clock the test moves. */
async function overrideServer() {
  const { registry, clock } = await freshRegistry('2026-12-01T00:00:00.000Z');
  await publishText(
    registry,
    actor('hq', 'analyst', ['headquarters']),
    actor('boss', 'approver'),
    policyText('seed004-scorecard'),
  );
  const token = async (name: string, role: 'viewer' | 'analyst' | 'approver', units: string[]) =>
    ok(await registry.createToken(LOCAL_ADMIN, { name, role, businessUnits: units })).secret;
  const tokens = {
    manager: await token('li.manager', 'analyst', ['headquarters']),
    otherManager: await token('wang.manager', 'analyst', ['headquarters']),
    supervisor: await token('zhao.supervisor', 'approver', ['headquarters']),
    retail: await token('retail.viewer', 'viewer', ['retail']),
  };
  const app = createApp(registryDeps(registry), { now: () => clock.now }, registryRoutes(registry)).app;
  const call = async (
    who: keyof typeof tokens,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Json };
  };
  return { registry, clock, call };
}

let server: Awaited<ReturnType<typeof overrideServer>>;
beforeAll(async () => {
  server = await overrideServer();
});

const proposal = (extra: Record<string, unknown> = {}) => ({
  businessUnit: 'headquarters',
  policy: 'seed004-scorecard',
  customer: 'C2024002',
  kind: 'tier',
  tier: 'vip',
  reason: 'strategic value; call 13812345678',
  evidence: ['https://crm.example.com/cases/4711', '联系人电话 138-1234-5678'],
  expires: 'P3M',
  ...extra,
});

const evaluate = (extra: Record<string, unknown> = {}, customerId = 'C2024002') =>
  server.call('manager', 'POST', '/v1/evaluate', {
    businessUnit: 'headquarters',
    facts: { ...C2024002, customerId },
    explain: true,
    ...extra,
  });

describe('/v1/overrides', () => {
  it('walks seed 004’s review: propose, not by oneself approved, approved, decides evaluate, expires', async () => {
    const { call, clock } = server;
    expect((await evaluate()).body.tier).toBe('key');

    const proposed = await call('manager', 'POST', '/v1/overrides', proposal());
    expect(proposed.status).toBe(201);
    expect(proposed.etag).toBe('"1"');
    const id = proposed.body.id as string;
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedBy: 'li.manager', expires: 'P3M' });
    // Phones typed into free text are masked in every answer; evidence URLs keep their ids.
    expect(JSON.stringify(proposed.body)).not.toMatch(/13812345678|1234-5678/);
    expect(proposed.body.evidence).toEqual(['https://crm.example.com/cases/4711', '联系人电话 138****5678']);

    // Proposed is not yet in force.
    expect((await evaluate()).body.tier).toBe('key');

    const own = await call('manager', 'POST', `/v1/overrides/${id}/approve`, {}, { 'if-match': '"1"' });
    expect(own.status).toBe(403);
    // An account manager's token (analyst) cannot approve at all; a supervisor never their own.
    expect(own.body.diagnostics).toMatchObject([{ code: 'TW1302' }]);
    const byAnalyst = await call(
      'otherManager',
      'POST',
      `/v1/overrides/${id}/approve`,
      {},
      { 'if-match': '"1"' },
    );
    expect(byAnalyst.body.diagnostics).toMatchObject([{ code: 'TW1302' }]);
    const noIfMatch = await call('supervisor', 'POST', `/v1/overrides/${id}/approve`, {});
    expect(noIfMatch.status).toBe(428);

    const approved = await call(
      'supervisor',
      'POST',
      `/v1/overrides/${id}/approve`,
      { comment: 'agreed with sales' },
      { 'if-match': '"1"' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approval: { by: 'zhao.supervisor', comment: 'agreed with sales' },
      expiresAt: '2027-03-01T00:00:00.000Z',
      revision: 2,
    });

    const decided = await evaluate();
    expect(decided.body).toMatchObject({
      tier: 'vip',
      score: 89,
      sla: { resolution: { within: 'PT4H' } },
      decidedBy: {
        method: 'override',
        override: id,
        tier: 'vip',
        computed: { method: 'thresholds', tier: 'key' },
      },
      override: {
        id,
        kind: 'tier',
        tier: 'vip',
        computedTier: 'key',
        computedScore: 89,
        approvedBy: 'zhao.supervisor',
        expiresAt: '2027-03-01T00:00:00.000Z',
        reason: 'strategic value; call 138****5678',
      },
    });
    expect((decided.body.explanation as string[])[1]).toContain(`decided by override ${id}`);
    const zh = await server.call(
      'manager',
      'POST',
      '/v1/evaluate',
      { businessUnit: 'headquarters', facts: C2024002, explain: true },
      { 'accept-language': 'zh-CN' },
    );
    expect((zh.body.explanation as string[])[1]).toContain(`由人工调整 ${id} 决定`);

    // Before the approval's expiry it holds; from then on the computed tier is back.
    clock.now = new Date('2027-02-28T23:59:59.000Z');
    expect((await evaluate()).body.tier).toBe('vip');
    clock.now = new Date('2027-03-01T00:00:00.000Z');
    const after = await evaluate();
    expect(after.body.tier).toBe('key');
    expect(after.body.override).toBeUndefined();
    expect((await call('manager', 'GET', `/v1/overrides/${id}`)).body.status).toBe('expired');
    expect((await call('manager', 'GET', '/v1/overrides?status=expired')).body.overrides).toHaveLength(1);
    // `at` asks what was in force at an instant: the override then.
    expect((await evaluate({ at: '2027-01-15T00:00:00+08:00' })).body.tier).toBe('vip');

    const trail = await server.registry.listAudit({ subject: id });
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['override.propose', 'li.manager'],
      ['override.approve', 'zhao.supervisor'],
    ]);
    expect(JSON.stringify(trail)).not.toContain('13812345678');
    expect((await server.registry.verify()).diagnostics).toEqual([]);
    clock.now = new Date('2026-12-01T00:00:00.000Z');
  });

  it('refuses what the policy cannot take, each with its code', async () => {
    const { call } = server;
    const post = (extra: Record<string, unknown>) =>
      call('otherManager', 'POST', '/v1/overrides', proposal({ customer: 'C2099001', ...extra }));
    expect((await post({ tier: 'platinum' })).body.diagnostics).toMatchObject([
      { code: 'TW1410', pointer: '/tier' },
    ]);
    expect((await post({ reason: ' ' })).body.diagnostics).toMatchObject([{ code: 'TW1412' }]);
    expect((await post({ expires: 'P2Y' })).body.diagnostics).toMatchObject([{ code: 'TW1413' }]);
    expect((await post({ expires: '2026-11-30T00:00:00+08:00' })).body.diagnostics).toMatchObject([
      { code: 'TW1413' },
    ]);
    expect((await post({ expires: 'next year' })).body.diagnostics).toMatchObject([{ code: 'TW1413' }]);
    expect((await post({ kind: 'score', tier: undefined })).body.diagnostics).toMatchObject([
      { code: 'TW1416' },
    ]);
    const zh = await call(
      'otherManager',
      'POST',
      '/v1/overrides',
      proposal({ customer: 'C2099001', tier: 'platinum' }),
      { 'accept-language': 'zh-CN' },
    );
    expect(zh.body.diagnostics[0].message).toContain('没有等级 platinum');
    const retail = await call('retail', 'POST', '/v1/overrides', proposal());
    expect(retail.status).toBe(403);
  });

  it('moves a score through the thresholds, one open override per customer, withdraw and revoke', async () => {
    const { call } = server;
    const score = await call(
      'manager',
      'POST',
      '/v1/overrides',
      proposal({
        customer: 'C2024012',
        kind: 'score',
        tier: undefined,
        score: { delta: 1 },
        expires: '2027-01-31T00:00:00+08:00',
      }),
    );
    expect(score.status).toBe(201);
    const again = await call('otherManager', 'POST', '/v1/overrides', proposal({ customer: 'C2024012' }));
    expect(again.status).toBe(409);
    expect(again.body.diagnostics).toMatchObject([{ code: 'TW1417' }]);
    const id = score.body.id as string;
    const approved = await call(
      'supervisor',
      'POST',
      `/v1/overrides/${id}/approve`,
      {},
      { 'if-match': '"1"' },
    );
    expect(approved.body.expiresAt).toBe('2027-01-30T16:00:00.000Z');
    const decided = await evaluate({}, 'C2024012');
    expect(decided.body).toMatchObject({
      tier: 'vip',
      score: 90,
      override: { kind: 'score', score: 90, computedScore: 89 },
    });
    const stale = await call('supervisor', 'POST', `/v1/overrides/${id}/revoke`, {}, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const revoked = await call(
      'supervisor',
      'POST',
      `/v1/overrides/${id}/revoke`,
      { comment: 'contract lost' },
      { 'if-match': '"2"' },
    );
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      closed: { by: 'zhao.supervisor', comment: 'contract lost' },
    });
    expect((await evaluate({}, 'C2024012')).body.tier).toBe('key');
    const twice = await call('supervisor', 'POST', `/v1/overrides/${id}/revoke`, {}, { 'if-match': '"3"' });
    expect(twice.body.diagnostics).toMatchObject([{ code: 'TW1415' }]);

    // A supervisor who proposes is the proposer: another supervisor approves (four-eyes).
    const mine = await call('supervisor', 'POST', '/v1/overrides', proposal({ customer: 'C2024013' }));
    const ownApproval = await call(
      'supervisor',
      'POST',
      `/v1/overrides/${mine.body.id}/approve`,
      {},
      { 'if-match': '"1"' },
    );
    expect(ownApproval.status).toBe(403);
    expect(ownApproval.body.diagnostics).toMatchObject([{ code: 'TW1414' }]);

    const next = await call('manager', 'POST', '/v1/overrides', proposal({ customer: 'C2024003' }));
    const notMine = await call(
      'otherManager',
      'POST',
      `/v1/overrides/${next.body.id}/withdraw`,
      {},
      { 'if-match': '"1"' },
    );
    expect(notMine.body.diagnostics).toMatchObject([{ code: 'TW1414' }]);
    const withdrawn = await call(
      'manager',
      'POST',
      `/v1/overrides/${next.body.id}/withdraw`,
      {},
      { 'if-match': '"1"' },
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    const list = await call('manager', 'GET', '/v1/overrides?customer=C2024003');
    expect(list.body.overrides.map((o: Json) => o.status)).toEqual(['withdrawn']);
    expect((await call('retail', 'GET', '/v1/overrides')).body.overrides).toEqual([]);
    expect((await call('retail', 'GET', `/v1/overrides/${next.body.id}`)).status).toBe(403);
    expect((await call('manager', 'GET', '/v1/overrides/ov-999')).body.diagnostics).toMatchObject([
      { code: 'TW1204' },
    ]);
  });

  it('is in /openapi.json', async () => {
    const { call } = server;
    const doc = (await call('manager', 'GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths).filter((p: string) => p.startsWith('/v1/overrides'))).toEqual([
      '/v1/overrides',
      '/v1/overrides/{id}',
      '/v1/overrides/{id}/approve',
      '/v1/overrides/{id}/reject',
      '/v1/overrides/{id}/withdraw',
      '/v1/overrides/{id}/revoke',
    ]);
  });
});
