import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { tierwiseInProcess } from '../e2e/cli.js';
import { type Json, json, VIEWER } from './fixture-deps.js';
import { SAMPLE, sampledDeps } from './shared-sample.js';

// The stored datasets and the CLI read the same sample of the bundled data: what is checked is
// that both answer alike on the same files, which needs every segment and tier, not every row.
let server: ServerApp;
beforeAll(async () => {
  server = createApp(await sampledDeps());
});

const post = (path: string, body: unknown) =>
  server.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...VIEWER },
  });

const DATA = ['--data', SAMPLE.customers, '--transactions', SAMPLE.transactions];
const AS_OF = '2025-01-01';
const DATASETS = { [SAMPLE.customers]: 'ds-1', [SAMPLE.transactions]: 'ds-2' };

/** The CLI names policies by file, the server by version id: the rest must be the same. */
function sameBut(server: Json, cli: Json, files: Record<string, string>): void {
  let text = JSON.stringify(cli);
  for (const [file, id] of Object.entries(files))
    text = text.replaceAll(JSON.stringify(file), JSON.stringify(id));
  expect(server).toEqual(JSON.parse(text));
}

describe('population endpoints answer with the CLI’s --format json', () => {
  it('POST /v1/simulate on stored datasets', async () => {
    const res = await post('/v1/simulate', {
      version: 'seed004-scorecard@1',
      dataset: 'ds-1',
      transactionsDataset: 'ds-2',
      asOf: AS_OF,
    });
    expect(res.status).toBe(200);
    const cli = await tierwiseInProcess([
      'simulate',
      '--policy',
      'policies/seed004-scorecard.tier.yaml',
      ...DATA,
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--workers',
      '1',
    ]);
    sameBut(await json(res), JSON.parse(cli.stdout), {
      'policies/seed004-scorecard.tier.yaml': 'seed004-scorecard@1',
      ...DATASETS,
    });
  }, 60_000);

  it('POST /v1/simulate with engine duckdb: the policy as SQL on embedded DuckDB, the same report', async () => {
    const body = {
      version: 'seed004-scorecard@1',
      dataset: 'ds-1',
      transactionsDataset: 'ds-2',
      asOf: AS_OF,
    };
    const js = await post('/v1/simulate', { ...body, engine: 'js' });
    const duck = await post('/v1/simulate', { ...body, engine: 'duckdb' });
    expect(duck.status).toBe(200);
    expect(await json(duck)).toEqual(await json(js));
    const wrong = await post('/v1/simulate', { ...body, engine: 'spark' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await json(wrong))).toContain('/engine');
  }, 60_000);

  it('POST /v1/diff between a business unit’s policy and a version', async () => {
    const res = await post('/v1/diff', {
      from: { version: 'seed004-scorecard@1' },
      to: { businessUnit: 'retail' },
      dataset: 'ds-1',
      transactionsDataset: 'ds-2',
      asOf: AS_OF,
      limit: 20,
    });
    expect(res.status).toBe(200);
    const cli = await tierwiseInProcess([
      'diff',
      '--from',
      'policies/seed004-scorecard.tier.yaml',
      '--to',
      'policies/retail-scorecard.tier.yaml',
      ...DATA,
      '--as-of',
      AS_OF,
      '--limit',
      '20',
      '--format',
      'json',
    ]);
    sameBut(await json(res), JSON.parse(cli.stdout), {
      'policies/seed004-scorecard.tier.yaml': 'seed004-scorecard@1',
      'policies/retail-scorecard.tier.yaml': 'retail-scorecard@1',
      ...DATASETS,
    });
  }, 60_000);

  it('POST /v1/calibrate on customers uploaded in the request', async () => {
    const csv = [
      '客户编号,购买行为得分,消费金额得分,购买频率得分,客户满意度得分,客户推荐意愿得分',
      ...Array.from(
        { length: 200 },
        (_, i) => `C${i},${i % 100},${(i * 3) % 100},${(i * 7) % 100},80,${(i * 11) % 100}`,
      ),
    ].join('\n');
    const res = await post('/v1/calibrate', {
      version: 'seed001-five-factor@1',
      data: csv,
      targets: [{ tier: 'vip', share: 0.1 }],
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.thresholds[0].tier).toBe('vip');
    expect(JSON.stringify(body)).not.toContain('tierwise-upload-');
  });

  it('refuses a request without data, or with both kinds, and a dataset that does not exist', async () => {
    const none = await post('/v1/simulate', { version: 'seed004-scorecard@1' });
    expect(none.status).toBe(400);
    expect((await json(none)).diagnostics[0].code).toBe('TW1310');
    const both = await post('/v1/simulate', { version: 'seed004-scorecard@1', dataset: 'ds-1', data: 'a,b' });
    expect((await json(both)).diagnostics[0]).toMatchObject({ code: 'TW1310', pointer: '/data' });
    const missing = await post('/v1/simulate', {
      version: 'seed004-scorecard@1',
      dataset: '../../etc/passwd',
    });
    expect(missing.status).toBe(404);
  });

  it('reports unreadable uploaded data by the name the client knows, and stores nothing', async () => {
    const res = await post('/v1/simulate', { version: 'seed001-five-factor@1', data: 'no,key\n1,2\n' });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.diagnostics.map((d: Json) => d.file)).toContain('data');
    expect(JSON.stringify(body)).not.toMatch(/tierwise-upload-|\/tmp\//);
  });
});
