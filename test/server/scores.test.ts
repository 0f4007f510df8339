import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { type Json, json, POLICIES, VIEWER } from './fixture-deps.js';
import { SAMPLE_CUSTOMERS, sampledDeps } from './shared-sample.js';

// The stored datasets are a sample of the bundled data: the bins, tiers and a draft's moves are
// the same arithmetic on every customer, and the sample has customers in every tier and bar used.
let server: ServerApp;
beforeAll(async () => {
  server = createApp(await sampledDeps());
});

const post = (body: unknown, language = 'en') =>
  server.app.request('/v1/scores', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'accept-language': language, ...VIEWER },
  });

const DATA = { dataset: 'ds-1', transactionsDataset: 'ds-2', asOf: '2025-01-01' };
const SCORECARD = readFileSync(join(POLICIES, 'seed004-scorecard.tier.yaml'), 'utf8');

describe('POST /v1/scores', () => {
  it('draws a stored version’s scores on stored datasets: bins that add up, customers per tier', async () => {
    const res = await post({ version: 'seed004-scorecard@1', ...DATA, bins: 10 });
    expect(res.status).toBe(200);
    const body: Json = await json(res);
    expect(body.policy).toBe('seed004-scorecard@1');
    expect(body.edges).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(body.counts).toHaveLength(10);
    expect(body.counts.reduce((a: number, b: number) => a + b, 0)).toBe(body.scored);
    expect(body.tiers.map((t: Json) => t.tier)).toEqual(['vip', 'key', 'standard', 'watch']);
    expect(body.tiers.reduce((a: number, t: Json) => a + t.customers, 0) + body.untiered).toBe(
      body.customers,
    );
    expect(body.customers).toBe(SAMPLE_CUSTOMERS);
  }, 60_000);

  it('draws a draft as it is being edited: VIP from 85 puts more customers in VIP', async () => {
    const stored: Json = await json(await post({ version: 'seed004-scorecard@1', ...DATA }));
    const draft = SCORECARD.replace('minScore: 90', 'minScore: 85');
    const res = await post({ draft: { content: draft, fileName: 'seed004-scorecard.tier.yaml' }, ...DATA });
    expect(res.status).toBe(200);
    const body: Json = await json(res);
    expect(body.policy).toBe('seed004-scorecard.tier.yaml');
    // The same scores, split differently: only the tiers move.
    expect(body.counts).toEqual(stored.counts);
    expect(body.tiers[0].customers).toBeGreaterThanOrEqual(stored.tiers[0].customers);
    expect(body.tierCounts[17][0]).toBe(body.counts[17]); // 85–90 is all VIP now
  }, 60_000);

  it('refuses a draft with errors with its diagnostics at their lines in the draft', async () => {
    const broken = SCORECARD.replace(
      'weight: 50\n    label: { zh-CN: 客户价值',
      'weight: 55\n    label: { zh-CN: 客户价值',
    );
    const res = await post({ draft: { content: broken }, ...DATA });
    expect(res.status).toBe(400);
    const body: Json = await json(res);
    expect(body.diagnostics[0].code).toBe('TW1200');
    const sum = body.diagnostics.find((d: Json) => d.code === 'TW0203');
    expect(sum).toMatchObject({ pointer: '/dimensions', range: { start: { line: 140 } } });
  });

  it('refuses a draft beside a stored policy (TW1340), and a policy without scores (TW1341), in the reader’s language', async () => {
    const both = await post({ draft: { content: SCORECARD }, version: 'seed004-scorecard@1', ...DATA });
    expect(both.status).toBe(400);
    expect(((await json(both)) as Json).diagnostics[0]).toMatchObject({ code: 'TW1340', pointer: '/draft' });
    const unscored = await post({ version: 'seed000-classifiers@1', ...DATA }, 'zh-CN');
    expect(unscored.status).toBe(400);
    const diagnostic = ((await json(unscored)) as Json).diagnostics[0];
    expect(diagnostic.code).toBe('TW1341');
    expect(diagnostic.message).toContain('没有维度');
  });

  it('refuses no policy (TW1312) and no data (TW1310)', async () => {
    expect(((await json(await post({ ...DATA }))) as Json).diagnostics[0].code).toBe('TW1312');
    expect(((await json(await post({ version: 'seed004-scorecard@1' }))) as Json).diagnostics[0].code).toBe(
      'TW1310',
    );
  });
});
