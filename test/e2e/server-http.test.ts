import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { type FixtureDeps, fixtureDeps, type Json, T0002, VIEWER } from '../server/fixture-deps.js';

let deps: FixtureDeps;
let server: RunningServer;
beforeAll(async () => {
  deps = await fixtureDeps();
  server = await startServer({
    deps,
    port: 0,
    limits: { jsonBytes: 64 * 1024, rowBytes: 8 * 1024 },
    headersTimeoutMs: 1000,
    requestTimeoutMs: 2000,
  });
});
afterAll(async () => {
  await server.close();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
const postJson = (path: string, body: string, headers: Record<string, string> = VIEWER) =>
  call(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

/** A raw request on a socket: what fetch will not send (a lying client, a slow one). */
function raw(text: string, wait = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => {
      received += d.toString();
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(text);
    setTimeout(() => socket.destroy(), wait).unref();
  });
}

describe('the real server on 127.0.0.1', () => {
  it('listens on loopback at the URL it returns', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('evaluates a customer, logs the decision, and serves it back', async () => {
    const res = await postJson(
      '/v1/evaluate',
      JSON.stringify({
        businessUnit: 'retail',
        facts: T0002,
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect([body.tier, body.score]).toEqual(['vip', 89]);
    // written a moment after the answer: poll until the batch is in
    let read: Response | undefined;
    for (let i = 0; i < 100; i++) {
      read = await call(`/v1/decisions/${body.decision}`, { headers: VIEWER });
      if (read.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(read!.status).toBe(200);
    expect(((await read!.json()) as Json).result.tier).toBe('vip');
  });

  it('streams a batch over HTTP', async () => {
    const csv =
      '客户编号,购买行为得分,消费金额得分,购买频率得分,客户满意度得分,客户推荐意愿得分\nC1,85,80,83,86,98\nC2,1,1,1,1,1\n';
    const res = await call('/v1/evaluate/batch?version=seed001-five-factor%401', {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv', ...VIEWER },
    });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.customer ?? 'summary')).toEqual(['C1', 'C2', 'summary']);
  });

  it('survives hostile requests and keeps serving', async () => {
    const big = await postJson('/v1/validate', JSON.stringify({ content: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    const malformed = await postJson('/v1/evaluate', '{"version": }');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).diagnostics[0].message).toContain('line 1, column 13');
    const wrongType = await call('/v1/evaluate', {
      method: 'POST',
      body: '<xml/>',
      headers: { 'content-type': 'text/xml', ...VIEWER },
    });
    expect(wrongType.status).toBe(415);
    const badToken = await postJson('/v1/evaluate', '{}', { authorization: 'Bearer stolen' });
    expect(badToken.status).toBe(401);
    const noVersion = await postJson(
      '/v1/evaluate',
      JSON.stringify({ version: 'ghost@7', facts: { customerId: 'a' } }),
    );
    expect(noVersion.status).toBe(404);
    const hugeLine = await call('/v1/evaluate/batch?version=seed001-five-factor%401', {
      method: 'POST',
      body: `客户编号,购买行为得分,消费金额得分,购买频率得分,客户满意度得分,客户推荐意愿得分\nC1,"${'9'.repeat(50_000)}",1,1,1,1\n`,
      headers: { 'content-type': 'text/csv', ...VIEWER },
    });
    const lines = (await hugeLine.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].diagnostics[0].code).toBe('TW0606');
    expect(lines.at(-1).summary.stopped).toBe(true);
    // a client that says 10 bytes and sends 1 MB: the rest is not a request
    const lying = await raw(
      `POST /v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer viewer-secret\r\nContent-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{"content"${' '.repeat(1_000_000)}`,
    );
    expect(lying).toMatch(/^HTTP\/1\.1 400/);
    const health = await call('/openapi.json');
    expect(health.status).toBe(200);
  });

  it('drops a client that never finishes its headers', async () => {
    const answer = await raw('POST /v1/validate HTTP/1.1\r\nHost: x\r\n', 10_000);
    // Node answers 408 and closes once headersTimeout (1 s here) has passed; the server stays up
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect((await call('/docs')).status).toBe(200);
  }, 15_000);

  it('closes gracefully, writing the decisions it holds', async () => {
    const own = await fixtureDeps();
    const other = await startServer({ deps: own, port: 0, decisionFlushMs: 60_000 });
    const res = await fetch(`${other.url}/v1/evaluate`, {
      method: 'POST',
      body: JSON.stringify({ version: 'seed004-scorecard@1', facts: { customerId: 'Z1', spend12m: 10 } }),
      headers: { 'content-type': 'application/json', ...VIEWER },
    });
    const { decision } = (await res.json()) as Json;
    expect(own.decisions.has(decision)).toBe(false);
    await other.close();
    expect(own.decisions.has(decision)).toBe(true);
    await expect(fetch(`${other.url}/docs`)).rejects.toThrow();
  });
});
