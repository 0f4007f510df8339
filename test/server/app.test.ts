import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import type { ServerEnv } from '../../src/server/env.js';
import { requireRole } from '../../src/server/middleware/auth.js';
import { languageOf } from '../../src/server/middleware/language.js';
import { etag, ifMatch as readIfMatch } from '../../src/server/preconditions.js';
import { REFUSAL_STATUS } from '../../src/server/status.js';
import { bearer, fixtureDeps, json, TOKENS, VIEWER } from './fixture-deps.js';

let server: ServerApp;
beforeAll(async () => {
  server = createApp(await fixtureDeps(), { limits: { jsonBytes: 4096 } });
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  server.app.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...VIEWER, ...headers },
  });

describe('errors are diagnostics', () => {
  it('answers an unknown path with 404 and TW1303', async () => {
    const res = await server.app.request('/v1/nothing', { headers: VIEWER });
    expect(res.status).toBe(404);
    const body = await json(res);
    expect(body.diagnostics[0].code).toBe('TW1303');
    expect(body.diagnostics[0].message).toBe('there is no endpoint GET /v1/nothing');
  });

  it('answers a known path with the wrong method with 405, TW1304 and Allow', async () => {
    const res = await server.app.request('/v1/evaluate', { headers: VIEWER });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await json(res)).diagnostics[0].code).toBe('TW1304');
    const decision = await server.app.request('/v1/decisions/dec-1', { method: 'DELETE', headers: VIEWER });
    expect(decision.status).toBe(405);
    expect(decision.headers.get('allow')).toBe('GET');
  });

  it('refuses a request without a token, and with an unknown one, with 401', async () => {
    for (const headers of [{}, bearer('bad'), { authorization: 'Basic dmlld2VyOng=' }]) {
      const res = await server.app.request('/v1/validate', {
        method: 'POST',
        body: '{"content":""}',
        headers: { 'content-type': 'application/json', ...headers },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect((await json(res)).diagnostics[0].code).toBe('TW1301');
    }
  });

  it('gives malformed JSON a 400 with the line and column, without quoting the body', async () => {
    const res = await post(
      '/v1/evaluate',
      '{\n  "version": "seed004-scorecard@1",\n  "facts": { "联系人": 张三丰 }\n}',
    );
    expect(res.status).toBe(400);
    const [d] = (await json(res)).diagnostics;
    expect(d.code).toBe('TW1306');
    expect(d.range.start).toEqual({ line: 3, column: 21 });
    expect(d.message).toContain('line 3, column 21');
    expect(d.message).not.toContain('张三丰');
  });

  it('refuses an empty JSON body', async () => {
    const res = await post('/v1/evaluate', '');
    expect(res.status).toBe(400);
    expect((await json(res)).diagnostics[0].code).toBe('TW1306');
  });

  it('points schema findings at the body with a JSON pointer', async () => {
    const res = await post(
      '/v1/evaluate',
      JSON.stringify({ version: 'x@1', facts: { a: [1] }, explian: true }),
    );
    expect(res.status).toBe(400);
    const found = (await json(res)).diagnostics.map((d: { code: string; pointer: string }) => [
      d.code,
      d.pointer,
    ]);
    expect(found).toContainEqual(['TW0101', '/explian']);
    expect(found).toContainEqual(['TW0105', '/facts/a']);
  });

  it('refuses a body over the limit with 413, by Content-Length and while it streams', async () => {
    const big = JSON.stringify({ content: 'x'.repeat(5000) });
    const declared = await post('/v1/validate', big);
    expect(declared.status).toBe(413);
    expect((await json(declared)).diagnostics[0].code).toBe('TW1305');
    const chunked = await server.app.request('/v1/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...VIEWER },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1000)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses a content type the endpoint does not read with 415', async () => {
    const res = await post('/v1/evaluate', 'customerId=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    const [d] = (await json(res)).diagnostics;
    expect(d.code).toBe('TW1307');
    expect(d.message).toContain('application/json');
  });

  it('speaks the language of Accept-Language', async () => {
    const res = await server.app.request('/v1/nothing', {
      headers: { ...VIEWER, 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    });
    const [d] = (await json(res)).diagnostics;
    expect(d.message).toBe('没有接口 `GET /v1/nothing`');
    expect(d.i18n).toBeUndefined();
  });

  it('answers an unexpected failure with 500 and a reference, never the error', async () => {
    const deps = await fixtureDeps();
    const errors: unknown[] = [];
    const failing = createApp(
      {
        ...deps,
        resolvePolicy: async () => {
          throw new Error('secret detail 13812345678');
        },
      },
      { onError: (e) => errors.push(e) },
    );
    const res = await failing.app.request('/v1/evaluate', {
      method: 'POST',
      body: JSON.stringify({ version: 'seed004-scorecard@1', facts: { customerId: 'C1' } }),
      headers: { 'content-type': 'application/json', ...VIEWER },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('TW1311');
    expect(text).not.toContain('13812345678');
    expect(errors).toHaveLength(1);
  });
});

describe('roles', () => {
  it('orders viewer < analyst < approver < admin and checks business units', () => {
    expect(requireRole(TOKENS['viewer-secret']!, 'viewer')).toBeUndefined();
    const denied = requireRole(TOKENS['viewer-secret']!, 'analyst');
    expect(denied?.refused).toBe('forbidden');
    expect(denied?.diagnostics[0]?.code).toBe('TW1302');
    expect(REFUSAL_STATUS[denied!.refused]).toBe(403);
    const analyst = TOKENS['analyst-secret']!;
    expect(requireRole(analyst, 'analyst', 'retail')).toBeUndefined();
    expect(requireRole(analyst, 'analyst', 'wholesale')?.diagnostics[0]?.message).toBe(
      'the token may not touch the business unit wholesale',
    );
    // The company base belongs to no business unit: only a token for all may write it.
    expect(requireRole(analyst, 'analyst', '')?.refused).toBe('forbidden');
    expect(requireRole(TOKENS['admin-secret']!, 'approver', '')).toBeUndefined();
  });

  it('reads the preferred language of Accept-Language', () => {
    expect(languageOf('en;q=0.5, zh-Hans;q=0.9')).toBe('zh-CN');
    expect(languageOf('fr, en-GB;q=0.8')).toBe('en');
    expect(languageOf('zh;q=0, en')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});

describe('preconditions for the registry’s writes', () => {
  const ifMatch = async (header?: string) => {
    const probe = new Hono<ServerEnv>();
    probe.post('/', (c) => c.json({ revision: String(readIfMatch(c)) }));
    const res = await probe.request('/', {
      method: 'POST',
      headers: header === undefined ? {} : { 'if-match': header },
    });
    return ((await res.json()) as { revision: string }).revision;
  };

  it('reads the revision an If-Match names, strong or weak', async () => {
    expect(await ifMatch(etag(7))).toBe('7');
    expect(await ifMatch('W/"12"')).toBe('12');
  });

  it('tells a missing If-Match (the registry answers 428) from one that names no revision it gave (412)', async () => {
    expect(await ifMatch(undefined)).toBe('undefined');
    for (const header of ['*', '"1", "2"', '""', '"sha256:ab"', '7'])
      expect(await ifMatch(header), header).toBe('NaN');
  });
});

describe('bodies that are not JSON text', () => {
  it('refuses bytes that are not UTF-8 instead of reading them with replacement characters', async () => {
    const res = await server.app.request('/v1/evaluate', {
      method: 'POST',
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      headers: { 'content-type': 'application/json', ...VIEWER },
    });
    expect(res.status).toBe(400);
    expect((await json(res)).diagnostics[0]).toMatchObject({
      code: 'TW1306',
      message: 'the request body is not UTF-8 text, as JSON must be',
    });
  });
});

describe('paths', () => {
  it('matches a path exactly: a trailing slash is another path', async () => {
    const res = await server.app.request('/v1/evaluate/', { method: 'POST', headers: VIEWER });
    expect(res.status).toBe(404);
  });
});
