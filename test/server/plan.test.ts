import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { fixtureDeps, type Json, json, VIEWER } from './fixture-deps.js';

let server: ServerApp;
beforeAll(async () => {
  server = createApp(await fixtureDeps());
});

const post = (path: string, body: unknown, language = 'en') =>
  server.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'accept-language': language, ...VIEWER },
  });

describe('POST /v1/plan', () => {
  it('plans the contacts of the state a re-rating answered with, on working days', async () => {
    const rated: Json = await json(
      await post('/v1/rerate', {
        version: 'seed004-scorecard@1',
        dataset: 'ds-1',
        transactionsDataset: 'ds-2',
        asOf: '2025-06-30',
      }),
    );
    const state = rated.states.map((s: Json) => JSON.stringify(s)).join('\n');
    const res = await post('/v1/plan', {
      version: 'seed004-scorecard@1',
      state,
      stateFormat: 'ndjson',
      from: '2025-09-01',
      horizon: 'P2M',
    });
    expect(res.status).toBe(200);
    const plan: Json = await json(res);
    expect(plan).toMatchObject({
      from: '2025-09-01',
      to: '2025-10-31',
      horizon: 'P2M',
      timezone: 'Asia/Shanghai',
    });
    expect(plan.calendars).toEqual([{ id: 'cn-mainland', version: '2026.1' }]);
    // VIPs rated on 30 June are visited quarterly: due 30 September, a working day.
    const visit = plan.items.find((i: Json) => i.kind === 'contact' && i.action.id === 'executive-visit');
    expect(visit).toMatchObject({ due: '2025-09-30', date: '2025-09-30', tier: { id: 'vip' } });
    // Nothing lands on the National Day holiday (1–8 October 2025).
    for (const item of plan.items.filter((i: Json) => i.kind === 'contact'))
      expect(item.date < '2025-10-01' || item.date > '2025-10-08', item.date).toBe(true);
  }, 60_000);

  it('refuses a bad window and a bad state row with where they are', async () => {
    const bad = await post('/v1/plan', {
      version: 'seed004-scorecard@1',
      state: 'customer,tier\nC1,vip\n',
      from: '2025-02-30',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).diagnostics[0]).toMatchObject({ code: 'TW1451', pointer: '/from' });
    const row = await post('/v1/plan', {
      version: 'seed004-scorecard@1',
      state: 'customer,tier,ratedAt\nC1,gold,2025-06-30\n',
      from: '2025-09-01',
      onError: 'fail',
    });
    expect(row.status).toBe(400);
    expect((await json(row)).diagnostics[0]).toMatchObject({
      code: 'TW1420',
      file: 'state',
      row: 2,
      column: 'tier',
    });
  });
});
