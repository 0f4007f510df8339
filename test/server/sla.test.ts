import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CALENDARS } from '../../src/calendar/bundled.js';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { fixtureDeps, type Json, json, VIEWER } from './fixture-deps.js';

let server: ServerApp;
beforeAll(async () => {
  server = createApp(await fixtureDeps());
});

const post = (body: unknown, language = 'en') =>
  server.app.request('/v1/sla/due', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'accept-language': language, ...VIEWER },
  });

describe('POST /v1/sla/due', () => {
  it('answers as `tierwise sla due --format json` does, for a stored version', async () => {
    const res = await post({ version: 'seed004-scorecard@1', tier: 'vip', opened: '2025-09-30T17:00+08:00' });
    expect(res.status).toBe(200);
    const body: Json = await json(res);
    expect(body.calendar).toEqual({ id: 'cn-mainland', version: '2026.1', timeZone: 'Asia/Shanghai' });
    expect(body.resolution).toEqual({
      within: 'PT4H',
      clock: 'business',
      rule: 'within',
      due: '2025-10-09T12:00:00+08:00',
    });
  });

  it('counts on the calendar version the ticket started with, and with pauses', async () => {
    const cn = BUNDLED_CALENDARS[0]!;
    const edited = { ...cn, version: '2025.2', holidays: [...cn.holidays, { from: '2025-10-09' }] };
    const body: Json = await json(
      await post({
        version: 'seed004-scorecard@1',
        tier: 'vip',
        opened: '2025-09-30T17:00+08:00',
        calendar: edited,
      }),
    );
    expect(body.calendar.version).toBe('2025.2');
    expect(body.resolution.due).toBe('2025-10-10T12:00:00+08:00');
    const paused: Json = await json(
      await post({
        version: 'seed004-scorecard@1',
        tier: 'key',
        opened: '2025-03-04T10:00+08:00',
        paused: [{ from: '2025-03-04T11:00+08:00', to: '2025-03-04T15:00+08:00' }],
      }),
    );
    expect(paused.response.due).toBe('2025-03-05T14:00:00+08:00');
  });

  it('refuses a year the calendar does not cover with TW1401, in the reader’s language', async () => {
    const res = await post(
      { version: 'seed004-scorecard@1', tier: 'vip', opened: '2027-10-01T10:00+08:00' },
      'zh-CN',
    );
    expect(res.status).toBe(400);
    const body: Json = await json(res);
    expect(body.diagnostics[0].code).toBe('TW1401');
    expect(body.diagnostics[0].message).toContain('不在日历 cn-mainland');
  });
});
