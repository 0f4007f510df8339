import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact } from '../../src/artifact/build.js';
import { loadPolicyFrom } from '../../src/artifact/load.js';
import { canonicalJson, sha256Hex } from '../../src/artifact/manifest.js';
import { loadPolicy } from '../../src/policy/load.js';
import {
  BROKEN,
  EPOCH_ENV,
  entriesOf,
  keyPair,
  policyTree,
  repack,
  tamperByte,
  VARIANT,
  writeTemp,
} from './fixtures.js';

let tree: ReturnType<typeof policyTree>;
let dir: string;
let keys: { privateKey: string; publicKey: string };
let other: { privateKey: string; publicKey: string };
let signedBoth: string;
let signedVariant: string;
let unsignedBase: string;

beforeAll(async () => {
  tree = policyTree();
  dir = mkdtempSync(join(tmpdir(), 'tierwise-load-'));
  keys = keyPair(dir, 'release');
  other = keyPair(dir, 'other');
  const build = async (paths: string[], signingKey?: string) =>
    (await buildArtifact(paths, { env: EPOCH_ENV, signingKey })).bytes!;
  signedBoth = writeTemp(dir, 'both.tgz', await build([tree.variant, tree.base], keys.privateKey));
  signedVariant = writeTemp(dir, 'variant.tgz', await build([tree.variant], keys.privateKey));
  unsignedBase = writeTemp(dir, 'base.tgz', await build([tree.base]));
});

const NO_ENV = { env: {} };

describe('loadPolicyFrom', () => {
  it('loads a plain policy file exactly as loadPolicy does', async () => {
    expect(await loadPolicyFrom(tree.variant, NO_ENV)).toEqual(await loadPolicy(tree.variant));
  });

  it('loads a variant from a signed artifact: the same policy as from the sources', async () => {
    const loaded = await loadPolicyFrom(signedVariant, { key: keys.publicKey, env: {} });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.policy).toEqual((await loadPolicy(tree.variant)).policy);
    expect(loaded.artifact).toMatchObject({ signature: 'verified', policy: { id: 'test-variant' } });
    expect([...loaded.sources.keys()].sort()).toEqual([
      `${signedVariant}!policy/base/test-policy.tier.yaml`,
      `${signedVariant}!policy/bu/test-variant.tier.yaml`,
    ]);
  });

  it('chooses a policy by id when the artifact holds several, and lists the ids otherwise', async () => {
    const base = await loadPolicyFrom(signedBoth, { key: keys.publicKey, policy: 'test-policy', env: {} });
    expect(base.policy?.metadata.name).toBe('test-policy');
    const unnamed = await loadPolicyFrom(signedBoth, { key: keys.publicKey, env: {} });
    expect(unnamed.policy).toBeUndefined();
    expect(unnamed.diagnostics.map((d) => d.code)).toEqual(['TW1014']);
    expect(unnamed.diagnostics[0]!.help).toBe('name one by its id: test-variant 2.0.0, test-policy 1.0.0');
    const unknown = await loadPolicyFrom(signedBoth, { key: keys.publicKey, policy: 'nope', env: {} });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['TW1014']);
  });

  it('without a key loads an unsigned artifact with the not-signature-checked warning', async () => {
    const loaded = await loadPolicyFrom(unsignedBase, NO_ENV);
    expect(loaded.policy?.metadata.name).toBe('test-policy');
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['TW1013']);
    expect(loaded.artifact?.signature).toBe('not-checked');
  });

  it('with a key configured refuses an unsigned artifact, and one signed with another key', async () => {
    const unsigned = await loadPolicyFrom(unsignedBase, { key: keys.publicKey, env: {} });
    expect(unsigned.policy).toBeUndefined();
    expect(unsigned.diagnostics.map((d) => d.code)).toEqual(['TW1010']);
    const wrong = await loadPolicyFrom(signedVariant, { key: other.publicKey, env: {} });
    expect(wrong.policy).toBeUndefined();
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(['TW1011']);
  });

  it('takes the key from TIERWISE_VERIFY_KEY when none is passed', async () => {
    const loaded = await loadPolicyFrom(unsignedBase, { env: { TIERWISE_VERIFY_KEY: keys.publicKey } });
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['TW1010']);
  });

  it('refuses a tampered artifact even without a key', async () => {
    const tampered = writeTemp(dir, 'tampered.tgz', tamperByte(readFileSync(unsignedBase), 'minScore: 90'));
    const loaded = await loadPolicyFrom(tampered, NO_ENV);
    expect(loaded.policy).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['TW1013', 'TW1007']);
  });

  it('refuses plain files when only artifacts are allowed', async () => {
    const loaded = await loadPolicyFrom(tree.base, { requireArtifact: true, env: {} });
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['TW1010']);
  });

  it('runs every policy check on the packed policy, with findings named inside the artifact', async () => {
    // A consistent but hostile artifact: the manifest lists a broken policy with its true hash.
    const entries = await entriesOf(readFileSync(unsignedBase));
    const bytes = Buffer.from(BROKEN);
    const path = 'policy/test-policy.tier.yaml';
    const forged = entries.map((e) => {
      if (e.header.name === path) return { ...e, bytes };
      if (e.header.name !== 'manifest.json') return e;
      const manifest = JSON.parse(Buffer.from(e.bytes!).toString('utf8'));
      const file = manifest.files.find((f: { path: string }) => f.path === path);
      Object.assign(file, { sha256: sha256Hex(bytes), size: bytes.byteLength });
      manifest.policies[0].sha256 = sha256Hex(bytes);
      return { ...e, bytes: Buffer.from(canonicalJson(manifest)) };
    });
    const artifact = writeTemp(dir, 'forged.tgz', await repack(forged));
    const loaded = await loadPolicyFrom(artifact, NO_ENV);
    expect(loaded.policy).toBeUndefined();
    expect(loaded.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['TW1013', artifact],
      ['TW0203', `${artifact}!${path}`],
    ]);
  });

  it('refuses a variant whose base lies outside the artifact, even when that file exists', async () => {
    const variantPath = 'policy/bu/test-variant.tier.yaml';
    const hostile = Buffer.from(VARIANT.replace('../base/test-policy.tier.yaml', tree.base));
    const entries = await entriesOf(readFileSync(signedVariant));
    const forged = entries
      .filter((e) => e.header.name !== 'manifest.sig')
      .map((e) => {
        if (e.header.name === variantPath) return { ...e, bytes: hostile };
        if (e.header.name !== 'manifest.json') return e;
        const manifest = JSON.parse(Buffer.from(e.bytes!).toString('utf8'));
        const file = manifest.files.find((f: { path: string }) => f.path === variantPath);
        Object.assign(file, { sha256: sha256Hex(hostile), size: hostile.byteLength });
        manifest.policies[0].sha256 = sha256Hex(hostile);
        return { ...e, bytes: Buffer.from(canonicalJson(manifest)) };
      });
    const artifact = writeTemp(dir, 'outside.tgz', await repack(forged));
    const loaded = await loadPolicyFrom(artifact, NO_ENV);
    expect(loaded.policy).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['TW1013', 'TW1007']);
    expect(loaded.diagnostics[1]!.message).toBe(
      `the variant's base ${tree.base} is not a file of the artifact`,
    );
  });
});
