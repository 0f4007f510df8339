import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { tierwiseInProcess } from '../e2e/cli.js';
import { fixtureDeps, type Json, json, VIEWER } from './fixture-deps.js';

let server: ServerApp;
beforeAll(async () => {
  server = createApp(await fixtureDeps());
});

const post = (body: unknown, headers: Record<string, string> = VIEWER) =>
  server.app.request('/v1/evaluate', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

const AS_OF = '2025-01-01';
const LOOKUP = { version: 'seed004-scorecard@1', dataset: 'ds-1', transactionsDataset: 'ds-2', asOf: AS_OF };

describe('POST /v1/evaluate looks a customer up in a stored dataset', () => {
  it('answers what `tierwise eval --explain` says of that customer in the same files, personal data masked', async () => {
    const res = await post({ ...LOOKUP, customer: 'C2012004', explain: true });
    expect(res.status).toBe(200);
    const body = await json(res);
    // --customer: eval still evaluates everyone, and explains only the customer asked for, rather
    // than all 3,000 (most of the command's time) to throw all but one explanation away.
    const cli = await tierwiseInProcess([
      'eval',
      '--policy',
      'policies/seed004-scorecard.tier.yaml',
      '--data',
      'examples/data/customers.csv',
      '--transactions',
      'examples/data/transactions.csv',
      '--as-of',
      AS_OF,
      '--customer',
      'C2012004',
      '--explain',
      '--format',
      'json',
    ]);
    const { row, ...expected } = JSON.parse(cli.stdout).customers.find(
      (c: Json) => c.customer === 'C2012004',
    );
    expect(body).toMatchObject(expected);
    expect(body.row).toBe(row);
    expect(body.decidedBy).toMatchObject({ method: 'thresholds', tier: body.tier });
    expect(body.facts.contactName).not.toBe('程宇航');
    expect(body.facts.contactPhone).toMatch(/\*/);
    expect(JSON.stringify(body)).not.toContain('138-0000-2618');
    expect(body.dimensions.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/\/tmp\/|examples\/data/);
  }, 60_000);

  it('says what it takes to move up', async () => {
    const body = await json(await post({ ...LOOKUP, customer: 'C2012002', explain: true }));
    if (body.tier === 'vip') expect(body.moveUp).toBeUndefined();
    // The next tier by its id and its bilingual label, so a surface can name it without the policy.
    else
      expect(body.moveUp).toMatchObject({
        tier: expect.any(String),
        tierLabel: { en: expect.any(String), 'zh-CN': expect.any(String) },
      });
  }, 60_000);

  it('answers 404 with TW1351 for a customer the dataset does not hold', async () => {
    const res = await post({ ...LOOKUP, customer: 'C9999999' }, { ...VIEWER, 'accept-language': 'zh-CN' });
    expect(res.status).toBe(404);
    const [problem] = (await json(res)).diagnostics;
    expect(problem).toMatchObject({ code: 'TW1351', pointer: '/customer' });
    expect(problem.message).toContain('ds-1');
    expect(problem.message).toContain('C9999999');
  }, 60_000);

  it('refuses a lookup without an id, or with the customer given another way too (TW1352)', async () => {
    const cases: [unknown, string][] = [
      [{ version: 'seed004-scorecard@1', dataset: 'ds-1' }, '/customer'],
      [{ version: 'seed004-scorecard@1', dataset: 'ds-1', customer: 'C2012001', facts: {} }, '/facts'],
      [
        { version: 'seed004-scorecard@1', transactionsDataset: 'ds-2', customer: 'C2012001' },
        '/transactionsDataset',
      ],
    ];
    for (const [body, pointer] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await json(res)).diagnostics[0]).toMatchObject({ code: 'TW1352', pointer });
    }
    expect((await post({ ...LOOKUP, dataset: 'ds-404', customer: 'C1' })).status).toBe(404);
  });
});
