import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArtifact } from '../../src/artifact/build.js';
import { keyFingerprint, readPublicKey } from '../../src/artifact/keys.js';
import { EPOCH_ENV, entriesOf, keyPair, repack, tamperByte } from '../artifact/fixtures.js';
import { ROOT } from '../e2e/cli.js';
import { actor, freshRegistry, ok, policyText, publishText, refused, withVersion } from './fixture.js';

const ci = actor('ci-job', 'analyst');
const author = actor('alice', 'analyst');
const approver = actor('bob', 'approver');

/**
 * A repository-like folder (`.git` marks its root) with the named bundled policies, maybe edited;
 * the company base is always there (the variant extends it), but only the named policies are packed.
 */
function repo(files: Record<string, string | undefined>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-publish-'));
  mkdirSync(join(dir, '.git'));
  copyFileSync(
    join(ROOT, 'policies', 'seed004-scorecard.tier.yaml'),
    join(dir, 'seed004-scorecard.tier.yaml'),
  );
  for (const [name, text] of Object.entries(files)) {
    const file = `${name}.tier.yaml`;
    if (text === undefined) copyFileSync(join(ROOT, 'policies', file), join(dir, file));
    else writeFileSync(join(dir, file), text);
  }
  return Object.keys(files).map((name) => join(dir, `${name}.tier.yaml`));
}

async function signed(paths: string[], privateKey: string): Promise<Uint8Array> {
  const built = await buildArtifact(paths, { signingKey: privateKey, env: EPOCH_ENV });
  if (!built.bytes) throw new Error(built.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
  return built.bytes;
}

/** A registry where the company base is published, and a key pair the server trusts. */
async function setup() {
  const fresh = await freshRegistry();
  await publishText(fresh.registry, author, approver, policyText('seed004-scorecard'));
  const keys = keyPair(fresh.dir, 'ci');
  return { ...fresh, keys };
}

const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);

describe('submitArtifact', () => {
  it('turns a signed artifact into change requests in review, authored by the CI token, and skips what is already latest', async () => {
    const { registry, keys } = await setup();
    const bytes = await signed(
      repo({ 'seed004-scorecard': undefined, 'retail-scorecard': undefined }),
      keys.privateKey,
    );
    const result = ok(await registry.submitArtifact(ci, { bytes, name: 'ci.tierpkg.tgz' }, [keys.publicKey]));
    const fingerprint = keyFingerprint((await readPublicKey(keys.publicKey)).key!);
    expect(result.signedBy).toBe(fingerprint);
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.unchanged).toEqual([{ policy: 'seed004-scorecard', version: '1.0.0' }]);
    expect(result.changeRequests).toHaveLength(1);
    const request = result.changeRequests[0]!.value;
    expect(request).toMatchObject({
      policy: 'retail-scorecard',
      businessUnit: 'retail',
      author: 'ci-job',
      state: 'in_review',
    });
    expect(request.content).toBe(policyText('retail-scorecard'));
    expect(request.description).toContain(result.digest);
    expect(request.description).toContain(fingerprint);
    const audit = await registry.listAudit({ subject: request.id });
    expect(audit.map((e) => e.action)).toEqual(['cr.create', 'cr.submit']);
    expect(audit[1]!.reason).toContain(result.digest);
    expect(audit[1]!.reason).toContain(fingerprint);

    // CI running twice proposes nothing new while the first change request is open.
    const again = ok(await registry.submitArtifact(ci, { bytes }, [keys.publicKey]));
    expect(again.changeRequests).toEqual([]);
    expect(again.pending).toEqual([{ policy: 'retail-scorecard', changeRequest: request.id }]);
    expect(await registry.listChangeRequests()).toHaveLength(2);

    // Four-eyes still holds: CI cannot approve its own change; a second person can, then publish.
    expect(
      refused(await registry.approve(actor('ci-job', 'approver'), request.id, request.revision))
        .diagnostics[0]!.code,
    ).toBe('TW1203');
    const approved = ok(await registry.approve(approver, request.id, request.revision));
    const published = ok(await registry.publish(approver, request.id, { ifMatch: approved.value.revision }));
    expect(published.version.policy).toBe('retail-scorecard');
  });

  it('accepts a signature by any of several trusted keys', async () => {
    const { registry, keys, dir } = await setup();
    const other = keyPair(dir, 'other');
    const bytes = await signed(repo({ 'retail-scorecard': undefined }), keys.privateKey);
    const result = ok(await registry.submitArtifact(ci, { bytes }, [other.publicKey, keys.publicKey]));
    expect(result.changeRequests).toHaveLength(1);
  });

  it.each([
    ['unsigned', 'TW1010'],
    ['tampered', 'TW1007'],
    ['wrong key', 'TW1227'],
    ['not an artifact', 'TW1001'],
  ])('refuses an artifact that is %s and creates nothing', async (how, code) => {
    const { registry, keys, dir } = await setup();
    const policies = repo({ 'retail-scorecard': undefined });
    let bytes: Uint8Array;
    if (how === 'unsigned') bytes = (await buildArtifact(policies, { env: EPOCH_ENV })).bytes!;
    else if (how === 'tampered') bytes = tamperByte(await signed(policies, keys.privateKey), 'minScore');
    else if (how === 'wrong key') bytes = await signed(policies, keyPair(dir, 'stranger').privateKey);
    else bytes = new TextEncoder().encode('apiVersion: tierwise/v1\n');
    const refusal = refused(await registry.submitArtifact(ci, { bytes }, [keys.publicKey]));
    expect(refusal.refused).toBe('invalid');
    expect(codes(refusal.diagnostics)).toContain(code);
    // The server's key file is never named to the uploader.
    expect(JSON.stringify(refusal.diagnostics)).not.toContain(keys.publicKey);
    expect(await registry.listChangeRequests()).toHaveLength(1);
  });

  it('refuses a signed artifact repacked with an edited policy file', async () => {
    const { registry, keys } = await setup();
    const bytes = await signed(repo({ 'retail-scorecard': undefined }), keys.privateKey);
    const entries = await entriesOf(bytes);
    const file = entries.find((e) => e.header.name.endsWith('retail-scorecard.tier.yaml'))!;
    file.bytes = new TextEncoder().encode(
      new TextDecoder().decode(file.bytes).replace('version: 1.0.0', 'version: 9.0.0'),
    );
    const refusal = refused(
      await registry.submitArtifact(ci, { bytes: await repack(entries) }, [keys.publicKey]),
    );
    expect(codes(refusal.diagnostics)).toContain('TW1007');
    expect(await registry.listChangeRequests()).toHaveLength(1);
  });

  it('refuses every artifact when the server trusts no key', async () => {
    const { registry, keys } = await setup();
    const bytes = await signed(repo({ 'retail-scorecard': undefined }), keys.privateKey);
    const refusal = refused(await registry.submitArtifact(ci, { bytes }, []));
    expect(refusal.refused).toBe('forbidden');
    expect(codes(refusal.diagnostics)).toEqual(['TW1226']);
  });

  it('refuses the whole artifact when one policy fails the checks, and creates nothing', async () => {
    const { registry, keys } = await setup();
    // The company base changed without raising its version: TW1211; the valid variant is not submitted either.
    const base = policyText('seed004-scorecard').replace('owner: customer-success', 'owner: ops');
    const bytes = await signed(
      repo({ 'seed004-scorecard': base, 'retail-scorecard': undefined }),
      keys.privateKey,
    );
    const before = await registry.listAudit();
    const refusal = refused(await registry.submitArtifact(ci, { bytes }, [keys.publicKey]));
    expect(refusal.refused).toBe('invalid');
    expect(codes(refusal.diagnostics)).toEqual(['TW1228', 'TW1211']);
    expect(refusal.diagnostics[0]!.message).toContain('seed004-scorecard');
    expect(await registry.listChangeRequests()).toHaveLength(1);
    expect(await registry.listAudit()).toEqual(before);
  });

  it('refuses a policy whose base is not in the registry, and one outside the token’s business units', async () => {
    const { registry, keys } = await setup();
    const bytes = await signed(
      repo({
        'seed004-scorecard': withVersion(policyText('seed004-scorecard'), '1.1.0'),
        'retail-scorecard': undefined,
      }),
      keys.privateKey,
    );
    const retailOnly = actor('ci-retail', 'analyst', ['retail']);
    const refusal = refused(await registry.submitArtifact(retailOnly, { bytes }, [keys.publicKey]));
    expect(refusal.refused).toBe('forbidden');
    expect(codes(refusal.diagnostics)).toEqual(['TW1228', 'TW1202']);
    expect(await registry.listChangeRequests()).toHaveLength(1);

    const { registry: empty, keys: k2 } = await (async () => {
      const fresh = await freshRegistry();
      return { registry: fresh.registry, keys: keyPair(fresh.dir, 'ci') };
    })();
    const baseAndVariant = await signed(
      repo({ 'seed004-scorecard': undefined, 'retail-scorecard': undefined }),
      k2.privateKey,
    );
    const noBase = refused(await empty.submitArtifact(ci, { bytes: baseAndVariant }, [k2.publicKey]));
    expect(codes(noBase.diagnostics)).toContain('TW1228');
    expect(noBase.diagnostics.find((d) => d.code === 'TW1228')!.message).toContain('retail-scorecard');
    expect(await empty.listChangeRequests()).toEqual([]);
  });
});
