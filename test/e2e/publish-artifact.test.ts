import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tierwiseAsync } from './cli.js';

/**
 * CI's way into the registry, with the real processes: keygen, build --sign, then
 * `tierwise publish` to a `tierwise serve --trust-key` → a change request in review, authored by
 * the CI token; a second person approves and publishes over HTTP; evaluate answers with it.
 */
const BIN = join(ROOT, 'dist/cli/bin.js');
let server: ChildProcess;
let url = '';
let dir = '';
const tokens: Record<string, string> = {};

// T0006 of policies/retail-scorecard.test.yaml: 83 points, key in retail while VIP starts at 85.
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

async function call(method: string, path: string, token: string, body?: unknown, ifMatch?: string) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[token] ?? token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
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

/** A repository with the company base and the retail variant (VIP from 80, version 1.1.0). */
function repository(): { variant: string } {
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  copyFileSync(join(ROOT, 'policies/seed004-scorecard.tier.yaml'), join(repo, 'seed004-scorecard.tier.yaml'));
  const variant = readFileSync(join(ROOT, 'policies/retail-scorecard.tier.yaml'), 'utf8')
    .replace('{ id: vip, minScore: 85 }', '{ id: vip, minScore: 80 }')
    .replace('version: 1.0.0', 'version: 1.1.0');
  writeFileSync(join(repo, 'retail-scorecard.tier.yaml'), variant);
  return { variant: join(repo, 'retail-scorecard.tier.yaml') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-publish-e2e-'));
  const keygen = await tierwiseAsync(['keygen', '--out', join(dir, 'ci')]);
  expect(keygen.code, keygen.stderr).toBe(0);
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
      '--trust-key',
      join(dir, 'ci.pub.pem'),
    ],
    { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /serves (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found && /signed with sha256:/.test(out)) {
        url = found[1]!;
        for (const m of out.matchAll(/^ {2}(demo-\w+) \([^)]*\): (tw_\S+)$/gm)) tokens[m[1]!] = m[2]!;
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const ci = await call('POST', '/v1/tokens', 'demo-admin', {
    name: 'ci-job',
    role: 'analyst',
    businessUnits: ['retail'],
  });
  tokens['ci-job'] = ci.body.secret;
}, 120_000);

afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

describe('tierwise publish', () => {
  it('sends a signed artifact that becomes a change request in review; a second person approves and publishes it', async () => {
    const { variant } = repository();
    const artifact = join(dir, 'retail.tierpkg.tgz');
    const built = await tierwiseAsync([
      'build',
      variant,
      '--sign',
      join(dir, 'ci.key.pem'),
      '--out',
      artifact,
    ]);
    expect(built.code, built.stderr).toBe(0);

    const before = await call('POST', '/v1/evaluate', 'demo-analyst', {
      businessUnit: 'retail',
      facts: T0006,
    });
    expect(before.body.tier).toBe('key');

    const published = await tierwiseAsync([
      'publish',
      artifact,
      '--server',
      url,
      '--token',
      tokens['ci-job']!,
    ]);
    expect(published.code, published.stderr).toBe(0);
    const id = /change request (cr-\d+) for retail-scorecard: in_review/.exec(published.stdout)?.[1];
    expect(id, published.stdout).toBeDefined();
    expect(published.stdout).toMatch(/signed by sha256:[0-9a-f]{64}/);

    const request = await call('GET', `/v1/change-requests/${id}`, 'demo-approver');
    expect(request.body).toMatchObject({ author: 'ci-job', state: 'in_review', policy: 'retail-scorecard' });
    expect(request.body.description).toMatch(/artifact: sha256:[0-9a-f]{64}/);

    const approved = await call(
      'POST',
      `/v1/change-requests/${id}/approve`,
      'demo-approver',
      {},
      request.etag!,
    );
    expect(approved.status).toBe(200);
    const live = await call('POST', `/v1/change-requests/${id}/publish`, 'demo-approver', {}, approved.etag!);
    expect(live.status).toBe(201);
    const after = await call('POST', '/v1/evaluate', 'demo-analyst', {
      businessUnit: 'retail',
      facts: T0006,
    });
    expect(after.body.tier).toBe('vip');

    // The same artifact again: its policy is now the latest version, so nothing is proposed.
    const again = await tierwiseAsync(['publish', artifact, '--server', url, '--token', tokens['ci-job']!]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('retail-scorecard 1.1.0: unchanged');
    // A token the server does not know is a usage error, like a wrong URL.
    const stranger = await tierwiseAsync(['publish', artifact, '--server', url, '--token', 'tw_nobody']);
    expect(stranger.code).toBe(2);
    expect(stranger.stdout + stranger.stderr).toContain('TW1301');
  });

  it('refuses an unsigned artifact (exit 1) and an unreachable server (exit 2); nothing is created', async () => {
    const { variant } = repository();
    const unsigned = join(dir, 'unsigned.tierpkg.tgz');
    expect((await tierwiseAsync(['build', variant, '--out', unsigned])).code).toBe(0);
    const count = (await call('GET', '/v1/change-requests', 'demo-approver')).body.changeRequests.length;
    const refused = await tierwiseAsync(['publish', unsigned, '--server', url, '--token', tokens['ci-job']!]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('TW1010');
    expect((await call('GET', '/v1/change-requests', 'demo-approver')).body.changeRequests).toHaveLength(
      count,
    );

    const gone = await tierwiseAsync(['publish', unsigned, '--server', 'http://127.0.0.1:1', '--token', 'x']);
    expect(gone.code).toBe(2);
    expect(gone.stdout + gone.stderr).toContain('TW1225');
  });
});
