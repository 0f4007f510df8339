import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSample } from '../helpers/sample-data.js';
import { ROOT, tierwiseAsync } from './cli.js';

/**
 * The review journey over HTTP against the real `tierwise serve` process, seeded as `npm start`
 * seeds it: an analyst drafts a retail variant, a second person approves, it is published, and
 * evaluate answers with the new tier; edits after approval, stale writes, rollback and as-of.
 */
const BIN = join(ROOT, 'dist/cli/bin.js');
let server: ChildProcess;
let url = '';
const tokens: Record<string, string> = {};

// T0006 of policies/retail-scorecard.test.yaml: 83 points, key in retail (VIP from 85).
const T0006 = {
  customerId: 'T0006',
  spend12m: 100000,
  avgOrderValue: 50000,
  industryGrowth: 12,
  orderGrowthRate: 30,
  newNeeds12m: 5,
  repurchaseRate: 80,
  referralRate: 20,
  complaintRate: 3,
};
const variant = readFileSync(join(ROOT, 'policies/retail-scorecard.tier.yaml'), 'utf8');
const vipFrom80 = variant
  .replace('{ id: vip, minScore: 85 }', '{ id: vip, minScore: 80 }')
  .replace('version: 1.0.0', 'version: 1.1.0');

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[token] ?? token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text ? JSON.parse(text) : undefined,
  };
}

const evaluate = (extra: Record<string, unknown> = {}) =>
  call('POST', '/v1/evaluate', 'demo-analyst', { businessUnit: 'retail', facts: T0006, ...extra });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-serve-'));
  server = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 'registry.db'),
      '--data-dir',
      join(dir, 'data'),
      '--seed',
      join(ROOT, 'policies'),
      '--seed-data',
      join(ROOT, 'examples/data/customers.csv'),
    ],
    { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /serves (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) {
        url = found[1]!;
        for (const m of out.matchAll(/^ {2}(demo-\w+) \([^)]*\): (tw_\S+)$/gm)) tokens[m[1]!] = m[2]!;
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const admin = await call('POST', '/v1/tokens', 'demo-admin', {
    name: 'lin',
    role: 'approver',
    businessUnits: ['retail'],
  });
  tokens.lin = admin.body.secret;
}, 120_000);

afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

describe('the registry over HTTP', () => {
  it('drafts, reviews by a second person, publishes, and evaluate answers with the new tier', async () => {
    const before = await evaluate();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ tier: 'key', score: 83, policy: { version: 'retail-scorecard@1' } });

    const draft = await call('POST', '/v1/change-requests', 'demo-analyst', {
      content: vipFrom80,
      title: 'VIP from 80',
    });
    expect(draft.status).toBe(201);
    expect(draft.etag).toBe('"1"');
    const id = draft.body.changeRequest.id as string;
    expect(draft.body.changeRequest).toMatchObject({
      state: 'draft',
      author: 'demo-analyst',
      baseVersion: 'retail-scorecard@1',
    });

    expect((await call('POST', `/v1/change-requests/${id}/submit`, 'demo-analyst', {})).status).toBe(428);
    expect(
      (await call('POST', `/v1/change-requests/${id}/submit`, 'demo-analyst', {}, { 'if-match': '"9"' }))
        .status,
    ).toBe(412);
    const submitted = await call(
      'POST',
      `/v1/change-requests/${id}/submit`,
      'demo-analyst',
      {},
      { 'if-match': '"1"' },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.changeRequest.state).toBe('in_review');

    const analystApproves = await call(
      'POST',
      `/v1/change-requests/${id}/approve`,
      'demo-analyst',
      {},
      { 'if-match': '"2"' },
    );
    expect(analystApproves.status).toBe(403);

    const approved = await call(
      'POST',
      `/v1/change-requests/${id}/approve`,
      'demo-approver',
      { comment: 'ok' },
      { 'if-match': '"2"' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.changeRequest.approval).toMatchObject({ by: 'demo-approver', comment: 'ok' });

    // an edit after approval clears it: the change goes back to review
    const edited = await call(
      'PATCH',
      `/v1/change-requests/${id}`,
      'demo-analyst',
      { content: `${vipFrom80}# reviewed on the retail what-if\n` },
      { 'if-match': approved.etag! },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.changeRequest.state).toBe('in_review');
    expect(edited.body.changeRequest.approval).toBeUndefined();
    const tooEarly = await call(
      'POST',
      `/v1/change-requests/${id}/publish`,
      'demo-approver',
      {},
      { 'if-match': edited.etag! },
    );
    expect(tooEarly.status).toBe(409);

    const again = await call(
      'POST',
      `/v1/change-requests/${id}/approve`,
      'demo-approver',
      {},
      { 'if-match': edited.etag! },
    );
    const published = await call(
      'POST',
      `/v1/change-requests/${id}/publish`,
      'demo-approver',
      {},
      { 'if-match': again.etag! },
    );
    expect(published.status).toBe(201);
    expect(published.body.version).toMatchObject({ id: 'retail-scorecard@2', semver: '1.1.0' });

    const after = await evaluate();
    expect(after.body).toMatchObject({ tier: 'vip', score: 83, policy: { version: 'retail-scorecard@2' } });
    // as of a moment before the publication, the version then in force answers
    const justBefore = new Date(Date.parse(published.body.publication.effectiveFrom) - 1).toISOString();
    const replay = await evaluate({ at: justBefore });
    expect(replay.body).toMatchObject({ tier: 'key', policy: { version: 'retail-scorecard@1' } });

    const decision = await call('GET', `/v1/decisions/${after.body.decision}`, 'demo-analyst');
    // read-your-writes: the decision is answered while it still waits in the log's batch
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ policy: 'retail-scorecard', version: 'retail-scorecard@2' });
  });

  it('refuses an approver’s approval of their own change (four-eyes)', async () => {
    const content = vipFrom80.replace('version: 1.1.0', 'version: 1.2.0');
    const draft = await call('POST', '/v1/change-requests', 'lin', { content, title: 'mine' });
    await call(
      'POST',
      `/v1/change-requests/${draft.body.changeRequest.id}/submit`,
      'lin',
      {},
      { 'if-match': '"1"' },
    );
    const own = await call(
      'POST',
      `/v1/change-requests/${draft.body.changeRequest.id}/approve`,
      'lin',
      {},
      { 'if-match': '"2"' },
    );
    expect(own.status).toBe(403);
    expect(own.body.diagnostics[0].code).toBe('TW1203');
  });

  it('rolls back with a reason, and evaluate follows; the audit chain verifies', async () => {
    const policy = await call('GET', '/v1/policies/retail-scorecard', 'demo-analyst');
    const back = await call(
      'POST',
      '/v1/policies/retail-scorecard/rollback',
      'demo-approver',
      { toVersion: 'retail-scorecard@1', reason: 'too many VIPs for the service team' },
      { 'if-match': policy.etag! },
    );
    expect(back.status).toBe(201);
    expect(back.body.version).toMatchObject({ id: 'retail-scorecard@3', rollbackOf: 'retail-scorecard@1' });
    expect((await evaluate()).body).toMatchObject({ tier: 'key', policy: { version: 'retail-scorecard@3' } });
    const verify = await call('GET', '/v1/audit/verify', 'demo-admin');
    expect(verify.body.diagnostics).toEqual([]);
    const audit = await call('GET', '/v1/audit?subject=retail-scorecard%403', 'demo-analyst');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'version.create',
      actor: 'demo-approver',
      reason: 'too many VIPs for the service team',
    });
  });

  it('eval --server runs what the business unit has in force, as the same file would run locally', async () => {
    // Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1): what is compared is
    // where the policy comes from, and the sample's summary has every tier.
    const sample = bundledSample();
    const data = [
      '--data',
      sample.customers,
      '--transactions',
      sample.transactions,
      '--as-of',
      '2026-11-01',
      '--summary',
    ];
    const remote = await tierwiseAsync([
      'eval',
      '--server',
      url,
      '--business-unit',
      'retail',
      '--token',
      tokens['demo-analyst']!,
      ...data,
    ]);
    const local = await tierwiseAsync(['eval', '--policy', 'policies/retail-scorecard.tier.yaml', ...data]);
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toBe(local.stdout);
    expect(remote.stderr).toMatch(/using retail-scorecard@3 \(sha256:[0-9a-f]{64}\) from http/);
    const nothing = await tierwiseAsync(['eval', ...data]);
    expect([nothing.code, nothing.stderr]).toEqual([
      2,
      'give --policy FILE, or --server URL with --business-unit\n',
    ]);
    const unauthorized = await tierwiseAsync([
      'eval',
      '--server',
      url,
      '--business-unit',
      'retail',
      '--token',
      'tw_wrong',
      ...data,
    ]);
    expect(unauthorized.code).toBe(2);
    expect(unauthorized.stderr).toContain('TW1301');
  });

  it('publishes for a date to come: before it the old version is in force, from it the new one', async () => {
    // The next minor version of whatever the bundled file is at.
    const quota = readFileSync(join(ROOT, 'policies/seed004-quota.tier.yaml'), 'utf8').replace(
      /version: (\d+)\.(\d+)\.\d+/,
      (_, major, minor) => `version: ${major}.${Number(minor) + 1}.0`,
    );
    const draft = await call('POST', '/v1/change-requests', 'demo-admin', {
      content: quota,
      title: 'next year',
    });
    const id = draft.body.changeRequest.id;
    await call('POST', `/v1/change-requests/${id}/submit`, 'demo-admin', {}, { 'if-match': '"1"' });
    await call('POST', `/v1/change-requests/${id}/approve`, 'demo-approver', {}, { 'if-match': '"2"' });
    const published = await call(
      'POST',
      `/v1/change-requests/${id}/publish`,
      'demo-approver',
      { effectiveFrom: '2099-01-01T00:00:00+08:00' },
      { 'if-match': '"3"' },
    );
    expect(published.status).toBe(201);
    const at = (time: string) =>
      call(
        'GET',
        `/v1/resolve?businessUnit=headquarters&policy=seed004-quota&at=${encodeURIComponent(time)}`,
        'demo-analyst',
      );
    expect((await at('2098-12-31T15:59:59Z')).body.version.id).toBe('seed004-quota@1');
    expect((await at('2098-12-31T16:00:00Z')).body.version.id).toBe('seed004-quota@2');
  });

  it('lists every registry route in /openapi.json', async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const path of [
      '/v1/change-requests/{id}/approve',
      '/v1/policies/{name}/rollback',
      '/v1/audit/verify',
      '/v1/datasets',
      '/v1/tokens',
    ])
      expect(Object.keys(document.paths)).toContain(path);
    expect(JSON.stringify(document.paths['/v1/datasets'])).toContain('"in":"query"');
  });
});
