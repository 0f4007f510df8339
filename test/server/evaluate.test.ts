import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { inputDigest } from '../../src/server/evaluate/decision.js';
import { type FixtureDeps, fixtureDeps, json, T0002, VIEWER } from './fixture-deps.js';

let deps: FixtureDeps;
let server: ServerApp;
beforeAll(async () => {
  deps = await fixtureDeps();
  server = createApp(deps, { decisionFlushMs: 1, now: () => new Date('2026-03-01T04:00:00Z') });
});

const evaluate = (body: unknown, headers: Record<string, string> = {}) =>
  server.app.request('/v1/evaluate', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...VIEWER, ...headers },
  });

describe('POST /v1/evaluate', () => {
  it("answers with the business unit's published policy: tier, labels, score, entitlements, decision", async () => {
    const res = await evaluate({ businessUnit: 'retail', facts: T0002 });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      customer: 'T0002',
      tier: 'vip',
      score: 89,
      entitlements: { discountQuota: '10%' },
      decidedBy: { method: 'thresholds', tier: 'vip', score: 89, range: { atLeast: 85 } },
      policy: { name: 'retail-scorecard', version: 'retail-scorecard@1', businessUnit: 'retail' },
      asOf: '2026-03-01',
    });
    expect(body.tierLabel.en).toBeTruthy();
    expect(body.tierLabel['zh-CN']).toBeTruthy();
    expect(body.decision).toMatch(/^dec-/);
    expect(body.explanation).toBeUndefined();
  });

  it('the same customer under the company scorecard (by version) is key, not VIP', async () => {
    const body = await json(await evaluate({ version: 'seed004-scorecard@1', facts: T0002 }));
    expect(body.tier).not.toBe('vip');
    expect(body.policy.businessUnit).toBeUndefined();
  });

  it('explains on request', async () => {
    const body = await json(await evaluate({ businessUnit: 'retail', facts: T0002, explain: true }));
    expect(body.explanation.join('\n')).toContain('89');
    expect(body.dimensions).toBeDefined();
  });

  it('reads a raw record and its transactions as `tierwise eval` reads the files', async () => {
    const record = {
      客户编号: 'C9',
      客户名称: '无锡瑞丰',
      联系人: '梁志强',
      联系方式: '138-0000-7571',
      行业增速: '18.5',
      订单增长率: '11.1',
      新需求数量: '3',
      复购率: '83.8',
      推荐率: '21',
      投诉率: '0',
    };
    const transactions = [
      { 客户编号: 'C9', 交易日期: '2026-01-15', 交易金额: '300000' },
      { 客户编号: 'C9', 交易日期: '2025-11-02', 交易金额: '300000' },
      { 客户编号: 'C9', 交易日期: '2024-01-01', 交易金额: '999999' },
    ];
    const res = await evaluate({
      version: 'seed004-scorecard@1',
      record,
      transactions,
      asOf: '2026-02-01',
      explain: true,
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.customer).toBe('C9');
    expect(body.facts.spend12m).toBe(600000);
    expect(body.facts.avgOrderValue).toBe(300000);
    // personal data is masked in what comes back
    expect(body.facts.contactName).toBe('梁**');
    expect(JSON.stringify(body)).not.toContain('梁志强');
    expect(JSON.stringify(body)).not.toContain('0000-7571');
    expect(body.asOf).toBe('2026-02-01');
  });

  it('logs the decision: version, digests, masked result, deciding rule', async () => {
    const request = { businessUnit: 'retail', facts: { ...T0002, contactName: '张三丰' } };
    const body = await json(await evaluate(request));
    await server.flush();
    const logged = deps.decisions.get(body.decision)!;
    expect(logged).toMatchObject({
      id: body.decision,
      actor: 'vera',
      businessUnit: 'retail',
      policy: 'retail-scorecard',
      version: 'retail-scorecard@1',
      inputDigest: inputDigest(request),
      result: { customer: 'T0002', tier: 'vip', score: 89, decidedBy: { method: 'thresholds' } },
    });
    expect(logged.versionDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(logged)).not.toContain('张三丰');
    // keys in another order are the same input
    expect(inputDigest({ facts: { ...T0002, contactName: '张三丰' }, businessUnit: 'retail' })).toBe(
      logged.inputDigest,
    );

    const read = await server.app.request(`/v1/decisions/${body.decision}`, { headers: VIEWER });
    expect(read.status).toBe(200);
    expect(await json(read)).toEqual(logged);
    const missing = await server.app.request('/v1/decisions/dec-nope', { headers: VIEWER });
    expect(missing.status).toBe(404);
    expect((await json(missing)).diagnostics[0].code).toBe('TW1308');
  });

  it('answers a policy that does not exist with the registry’s 404', async () => {
    const res = await evaluate({ version: 'nothing@9', facts: T0002 });
    expect(res.status).toBe(404);
    expect((await json(res)).diagnostics[0].pointer).toBe('/version');
    expect((await evaluate({ businessUnit: 'mars', facts: T0002 })).status).toBe(404);
  });

  it('refuses an unclear policy choice or customer with a pointer', async () => {
    const cases: [unknown, string, string][] = [
      [{ facts: T0002 }, 'TW1312', ''],
      [{ version: 'seed004-scorecard@1', businessUnit: 'retail', facts: T0002 }, 'TW1312', '/version'],
      [{ version: 'seed004-scorecard@1' }, 'TW1309', ''],
      [{ version: 'seed004-scorecard@1', facts: T0002, record: {} }, 'TW1309', '/record'],
      [{ version: 'seed004-scorecard@1', facts: T0002, transactions: [] }, 'TW1309', '/transactions'],
      [{ version: 'seed004-scorecard@1', facts: T0002, asOf: '2026-02-30' }, 'TW0506', '/asOf'],
      [{ version: 'seed004-scorecard@1', facts: { ...T0002, spendd: 1 } }, 'TW0904', '/facts/spendd'],
      [{ version: 'seed004-quota@1', facts: T0002 }, 'TW1313', undefined as unknown as string],
    ];
    for (const [request, code, pointer] of cases) {
      const res = await evaluate(request);
      expect(res.status, JSON.stringify(request)).toBe(400);
      const [d] = (await json(res)).diagnostics;
      expect([d.code, d.pointer], JSON.stringify(request)).toEqual([code, pointer]);
    }
  });

  it('reports a record value that cannot be read at its pointer', async () => {
    const res = await evaluate({
      version: 'seed004-scorecard@1',
      record: { 客户编号: 'C1', 复购率: 'lots' },
    });
    expect(res.status).toBe(400);
    const [d] = (await json(res)).diagnostics;
    expect([d.code, d.pointer]).toEqual(['TW0603', '/record/复购率']);
  });
});
