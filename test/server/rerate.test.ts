import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { fixtureDeps, type Json, json, VIEWER } from './fixture-deps.js';

let server: ServerApp;
beforeAll(async () => {
  server = createApp(await fixtureDeps());
});

const post = (body: unknown, language = 'en') =>
  server.app.request('/v1/rerate', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'accept-language': language, ...VIEWER },
  });

const DATA = { dataset: 'ds-1', transactionsDataset: 'ds-2' };

describe('POST /v1/rerate', () => {
  it('rates the stored population, then re-rates it from the state it answered with', async () => {
    const first = await post({ version: 'seed004-scorecard@1', ...DATA, asOf: '2025-12-31' });
    expect(first.status).toBe(200);
    const one: Json = await json(first);
    expect(one).toMatchObject({
      policy: 'seed004-scorecard@1',
      asOf: '2025-12-31',
      timezone: 'Asia/Shanghai',
      customers: 3000,
    });
    expect(one.counts.rated).toBe(3000);
    expect(one.states).toHaveLength(3000);
    expect(one.states[0]).toMatchObject({ ratedAt: '2025-12-31', timezone: 'Asia/Shanghai' });

    const state = one.states.map((s: Json) => JSON.stringify(s)).join('\n');
    const second = await post(
      { version: 'seed004-scorecard@1', ...DATA, asOf: '2026-03-31', state, stateFormat: 'ndjson' },
      'zh-CN',
    );
    expect(second.status).toBe(200);
    const two: Json = await json(second);
    expect(two.counts.rated).toBe(0);
    const reviewed = two.events.find((e: Json) => e.type === 'reviewed' && e.because === 'due');
    expect(reviewed.from).toBe('vip');
    expect(reviewed.reason).toMatch(/^已复核，保持 VIP客户/);
    for (const n of two.notices) expect(Object.keys(n.subject).sort()).toEqual(['en', 'zh-CN']);
  }, 60_000);

  it('refuses a state that names a tier the policy lacks, at its row and column, under onError fail', async () => {
    const res = await post({
      version: 'seed004-scorecard@1',
      ...DATA,
      asOf: '2025-12-31',
      state: 'customer,tier,ratedAt\nC2012001,gold,2025-06-30\n',
      onError: 'fail',
    });
    expect(res.status).toBe(400);
    const body: Json = await json(res);
    expect(body.diagnostics[0]).toMatchObject({ code: 'TW1420', file: 'state', row: 2, column: 'tier' });
  }, 60_000);

  it('needs an as-of date and data', async () => {
    expect((await post({ version: 'seed004-scorecard@1', ...DATA })).status).toBe(400);
    const none = await post({ version: 'seed004-scorecard@1', asOf: '2025-12-31' });
    expect(none.status).toBe(400);
  });
});
