import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArtifact } from '../../src/artifact/build.js';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { createApp } from '../../src/server/app.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { EPOCH_ENV, keyPair } from '../artifact/fixtures.js';
import { ROOT } from '../e2e/cli.js';
import { actor, freshRegistry, ok, policyText, publishText } from '../registry/fixture.js';

/** POST /v1/artifacts in process, over a real registry: roles, media types, keys, the answer's shape. */
async function serverWith(trust: 'key' | 'none') {
  const { registry, dir } = await freshRegistry();
  await publishText(
    registry,
    actor('alice', 'analyst'),
    actor('bob', 'approver'),
    policyText('seed004-scorecard'),
  );
  const keys = keyPair(dir, 'ci');
  const secret = async (role: 'viewer' | 'analyst') =>
    ok(await registry.createToken(LOCAL_ADMIN, { name: `ci-${role}`, role, businessUnits: ['retail'] }))
      .secret;
  const app = createApp(
    registryDeps(registry),
    {},
    registryRoutes(registry, { trustedKeys: trust === 'key' ? [keys.publicKey] : [] }),
  ).app;
  const repo = mkdtempSync(join(tmpdir(), 'tierwise-artifact-route-'));
  mkdirSync(join(repo, '.git'));
  for (const name of ['seed004-scorecard', 'retail-scorecard'])
    copyFileSync(join(ROOT, 'policies', `${name}.tier.yaml`), join(repo, `${name}.tier.yaml`));
  const built = await buildArtifact([join(repo, 'retail-scorecard.tier.yaml')], {
    signingKey: keys.privateKey,
    env: EPOCH_ENV,
  });
  const send = async (token: string, type = 'application/gzip') =>
    app.request('/v1/artifacts?name=retail.tierpkg.tgz', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: built.bytes!,
    });
  return { registry, send, analyst: await secret('analyst'), viewer: await secret('viewer') };
}

describe('POST /v1/artifacts', () => {
  it('answers 201 with the change requests in review', async () => {
    const { send, analyst } = await serverWith('key');
    const res = await send(analyst);
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      changeRequests: { changeRequest: Record<string, unknown> }[];
      unchanged: unknown[];
      signedBy: string;
    };
    expect(body.changeRequests).toHaveLength(1);
    expect(body.changeRequests[0]!.changeRequest).toMatchObject({
      policy: 'retail-scorecard',
      state: 'in_review',
      author: 'ci-analyst',
    });
    expect(body.unchanged).toEqual([]);
    expect(body.signedBy).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses a viewer (403), another media type (415) and every artifact when no key is trusted (403, TW1226)', async () => {
    const trusted = await serverWith('key');
    expect((await trusted.send(trusted.viewer)).status).toBe(403);
    expect((await trusted.send(trusted.analyst, 'application/json')).status).toBe(415);
    const untrusting = await serverWith('none');
    const res = await untrusting.send(untrusting.analyst);
    expect(res.status).toBe(403);
    const refusal = (await res.json()) as { diagnostics: { code: string }[] };
    expect(refusal.diagnostics.map((d) => d.code)).toEqual(['TW1226']);
    expect(await untrusting.registry.listChangeRequests()).toHaveLength(1);
  });
});
