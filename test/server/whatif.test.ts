import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { tierwiseInProcess } from '../e2e/cli.js';
import { type Json, json, POLICIES, ROOT, VIEWER } from './fixture-deps.js';
import { type SeededApp, seededApp } from './seeded-app.js';
import { SAMPLE, sampledDeps } from './shared-sample.js';

const text = (name: string) => readFileSync(join(POLICIES, `${name}.tier.yaml`), 'utf8');
const VIP_85 = text('seed004-scorecard').replace('minScore: 90', 'minScore: 85');
const AS_OF = '2025-01-01';
const DATA = { dataset: 'ds-1', transactionsDataset: 'ds-2', asOf: AS_OF };

// The stored datasets and the CLI read the same sample of the bundled data: a draft must answer
// as the stored policy or the CLI does on the same files, which needs every tier, not every row.
let server: ServerApp;
let dir: string;
beforeAll(async () => {
  server = createApp(await sampledDeps());
  dir = mkdtempSync(join(tmpdir(), 'tierwise-whatif-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (path: string, body: unknown, headers: Record<string, string> = VIEWER, app = server) =>
  app.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the population endpoints run a draft in place of a stored policy', () => {
  it('POST /v1/diff of a draft against what headquarters publishes is the CLI’s diff of the two files', async () => {
    const res = await post('/v1/diff', {
      from: { businessUnit: 'headquarters', policy: 'seed004-scorecard' },
      to: { content: VIP_85, fileName: 'vip85.tier.yaml' },
      ...DATA,
      limit: 50,
    });
    expect(res.status).toBe(200);
    const file = join(dir, 'vip85.tier.yaml');
    writeFileSync(file, VIP_85);
    const cli = await tierwiseInProcess([
      'diff',
      '--from',
      'policies/seed004-scorecard.tier.yaml',
      '--to',
      relative(ROOT, file),
      '--data',
      SAMPLE.customers,
      '--transactions',
      SAMPLE.transactions,
      '--as-of',
      AS_OF,
      '--limit',
      '50',
      '--format',
      'json',
    ]);
    const expected = cli.stdout
      .replaceAll('"policies/seed004-scorecard.tier.yaml"', '"seed004-scorecard@1"')
      .replaceAll(JSON.stringify(relative(ROOT, file)), '"vip85.tier.yaml"')
      .replaceAll(JSON.stringify(SAMPLE.customers), '"ds-1"')
      .replaceAll(JSON.stringify(SAMPLE.transactions), '"ds-2"');
    const body = await json(res);
    expect(body).toEqual(JSON.parse(expected));
    expect(body.moversTotal).toBeGreaterThan(0);
    expect(body.movers.every((m: Json) => m.direction === 'up')).toBe(true);
  }, 60_000);

  it('POST /v1/simulate of a draft equals the stored version with the same text', async () => {
    const stored = await post('/v1/simulate', { version: 'seed004-scorecard@1', ...DATA });
    const draft = await post('/v1/simulate', { draft: { content: text('seed004-scorecard') }, ...DATA });
    expect(draft.status).toBe(200);
    expect(await json(draft)).toEqual(await json(stored));
  }, 60_000);

  it('POST /v1/calibrate of a draft: the suggested threshold and the weight sensitivity', async () => {
    const res = await post('/v1/calibrate', {
      draft: { content: VIP_85 },
      ...DATA,
      targets: [{ tier: 'vip', share: 0.1 }],
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.policy.file).toBe('draft.tier.yaml');
    expect(body.thresholds[0]).toMatchObject({ tier: 'vip', current: 85, target: { share: 0.1 } });
    expect(typeof body.thresholds[0].value).toBe('number');
    expect(body.thresholds[0].achieved.share).toBeGreaterThanOrEqual(0.1);
    expect(body.sensitivity.rows.map((r: Json) => r.weight)).toContain('value');
  }, 60_000);

  it('refuses a draft with errors with its diagnostics, pointed at the draft', async () => {
    const broken = VIP_85.replace('minScore: 85', 'minScore: high');
    const res = await post('/v1/diff', {
      from: { version: 'seed004-scorecard@1' },
      to: { content: broken, fileName: 'broken.tier.yaml' },
      ...DATA,
    });
    expect(res.status).toBe(400);
    const { diagnostics } = await json(res);
    expect(diagnostics[0]).toMatchObject({ code: 'TW1200', pointer: '/to/content' });
    expect(diagnostics.find((d: Json) => d.code === 'TW0102')).toMatchObject({
      file: 'broken.tier.yaml',
      range: { start: { line: 221 } },
    });
    const simulate = await post('/v1/simulate', { draft: { content: broken }, ...DATA });
    expect((await json(simulate)).diagnostics[0]).toMatchObject({
      code: 'TW1200',
      pointer: '/draft/content',
    });
  });

  it('refuses a draft given together with a stored choice (TW1350), in Chinese when asked', async () => {
    const res = await post(
      '/v1/calibrate',
      { version: 'seed004-scorecard@1', draft: { content: VIP_85 }, ...DATA },
      { ...VIEWER, 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(400);
    const [problem] = (await json(res)).diagnostics;
    expect(problem).toMatchObject({ code: 'TW1350', pointer: '/draft' });
    expect(problem.message).toContain('草稿');
    const side = await post('/v1/diff', {
      from: { version: 'seed004-scorecard@1' },
      to: { version: 'seed004-scorecard@1', content: VIP_85 },
      ...DATA,
    });
    expect((await json(side)).diagnostics[0]).toMatchObject({ code: 'TW1350', pointer: '/to' });
  });
});

describe('a variant draft against what its business unit publishes (a real registry)', () => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await seededApp();
  }, 60_000);
  afterAll(() => seeded?.close());

  it('is merged with its base from the registry, and its movers are counted', async () => {
    const draft = text('retail-scorecard').replace('minScore: 85', 'minScore: 80');
    const res = await post(
      '/v1/diff',
      {
        from: { businessUnit: 'retail', policy: 'retail-scorecard' },
        to: { content: draft, fileName: 'retail-scorecard.tier.yaml' },
        dataset: 'ds-3',
        transactionsDataset: 'ds-4',
        asOf: AS_OF,
        limit: 5,
      },
      seeded.as('demo-analyst'),
      seeded.server,
    );
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.from.file).toBe('retail-scorecard@1');
    expect(body.to.file).toBe('retail-scorecard.tier.yaml');
    expect(body.moversTotal).toBeGreaterThan(0);
    expect(body.movers).toHaveLength(Math.min(5, body.moversTotal));
    expect(body.matrix.upgrades).toBe(body.moversTotal);
  }, 60_000);
});
