import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildArtifact } from '../../src/artifact/build.js';
import { SCHEMA_ID } from '../../src/policy/schema/policy.js';
import { BROKEN, EPOCH_ENV, entriesOf, keyPair, policyTree } from './fixtures.js';

describe('buildArtifact', () => {
  it('packs a variant with its base and the base’s tests; names are relative to the tree', async () => {
    const tree = policyTree();
    const built = await buildArtifact([tree.variant, tree.base], { env: EPOCH_ENV });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const entries = await entriesOf(built.bytes!);
    expect(entries.map((e) => e.header.name)).toEqual([
      'manifest.json',
      'policy/base/test-policy.test.yaml',
      'policy/base/test-policy.tier.yaml',
      'policy/bu/test-variant.tier.yaml',
    ]);
    expect(built.manifest!.policies).toEqual([
      expect.objectContaining({
        id: 'test-variant',
        version: '2.0.0',
        path: 'policy/bu/test-variant.tier.yaml',
        extends: [{ id: 'test-policy', version: '1.0.0', path: 'policy/base/test-policy.tier.yaml' }],
        tests: [],
      }),
      expect.objectContaining({ id: 'test-policy', tests: ['policy/base/test-policy.test.yaml'] }),
    ]);
    expect(built.manifest).toMatchObject({
      format: 'tierwise-artifact/1',
      schema: SCHEMA_ID,
      buildTime: '2026-01-01T00:00:00Z',
      buildTimeSource: 'SOURCE_DATE_EPOCH',
    });
    expect(built.manifest!.git).toBeUndefined();
    expect(built.fileName).toBeUndefined();
  });

  it('names the artifact after its one policy', async () => {
    const tree = policyTree();
    const built = await buildArtifact([tree.base], { env: EPOCH_ENV });
    expect(built.fileName).toBe('test-policy-1.0.0.tierpkg.tgz');
  });

  it('gives the same bytes twice, and from a copy of the tree elsewhere', async () => {
    const tree = policyTree();
    const copy = mkdtempSync(join(tmpdir(), 'tierwise-artifact-copy-'));
    cpSync(tree.dir, copy, { recursive: true });
    const first = await buildArtifact([tree.variant], { env: EPOCH_ENV });
    const second = await buildArtifact([tree.variant], { env: EPOCH_ENV });
    const elsewhere = await buildArtifact([join(copy, 'bu', 'test-variant.tier.yaml')], { env: EPOCH_ENV });
    expect(Buffer.from(second.bytes!).equals(Buffer.from(first.bytes!))).toBe(true);
    expect(Buffer.from(elsewhere.bytes!).equals(Buffer.from(first.bytes!))).toBe(true);
    // A different build time must change the bytes, or the comparison above proves nothing.
    const later = await buildArtifact([tree.variant], { env: { SOURCE_DATE_EPOCH: '1767225601' } });
    expect(Buffer.from(later.bytes!).equals(Buffer.from(first.bytes!))).toBe(false);
  });

  it('writes a gzip header without a timestamp or platform, and fixed tar owners, modes and times', async () => {
    const tree = policyTree();
    const { bytes } = await buildArtifact([tree.base], { env: EPOCH_ENV });
    expect([...bytes!.slice(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
    for (const { header } of await entriesOf(bytes!)) {
      expect(header).toMatchObject({ type: 'file', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '' });
      expect(header.mtime!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    }
    expect(gunzipSync(bytes!).byteLength % 512).toBe(0);
  });

  it('signs deterministically: the same key gives the same signed bytes', async () => {
    const tree = policyTree();
    const keys = keyPair(tree.dir, 'k');
    const a = await buildArtifact([tree.base], { env: EPOCH_ENV, signingKey: keys.privateKey });
    const b = await buildArtifact([tree.base], { env: EPOCH_ENV, signingKey: keys.privateKey });
    expect((await entriesOf(a.bytes!)).map((e) => e.header.name)).toContain('manifest.sig');
    expect(Buffer.from(a.bytes!).equals(Buffer.from(b.bytes!))).toBe(true);
    expect(a.signedBy).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses a policy with errors, with the findings of `tierwise check`', async () => {
    const tree = policyTree();
    writeFileSync(tree.base, BROKEN);
    const built = await buildArtifact([tree.base], { env: EPOCH_ENV });
    expect(built.bytes).toBeUndefined();
    expect(built.diagnostics.map((d) => d.code)).toEqual(['TW0203', 'TW1002']);
  });

  it('refuses a variant whose base has errors', async () => {
    const tree = policyTree();
    writeFileSync(tree.base, BROKEN);
    const built = await buildArtifact([tree.variant], { env: EPOCH_ENV });
    expect(built.bytes).toBeUndefined();
    expect(built.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['TW0203', tree.base],
      ['TW1002', undefined],
    ]);
  });

  it('refuses a public key for signing, and an unknown --time', async () => {
    const tree = policyTree();
    const keys = keyPair(tree.dir, 'k');
    const wrongKey = await buildArtifact([tree.base], { env: EPOCH_ENV, signingKey: keys.publicKey });
    expect(wrongKey.diagnostics.map((d) => d.code)).toEqual(['TW1012']);
    const badTime = await buildArtifact([tree.base], { time: 'yesterday' });
    expect(badTime.diagnostics.map((d) => d.code)).toEqual(['TW1002']);
  });

  it('warns and uses the fixed epoch when nothing gives a build time', async () => {
    const tree = policyTree();
    const built = await buildArtifact([tree.base], { env: {} });
    expect(built.manifest).toMatchObject({ buildTime: '1970-01-01T00:00:00Z', buildTimeSource: 'none' });
    expect(built.diagnostics.map((d) => d.code)).toEqual(['TW1015']);
  });

  it('records the git commit of a clean work tree and takes its commit time', async () => {
    const built = await buildArtifact(['policies/seed004-rfm.tier.yaml'], { env: {} });
    // .git is a file, not a directory, in a linked work tree: ask git rather than read .git/HEAD.
    if (!built.manifest?.git)
      throw new Error(
        `not built inside a git work tree? ${execFileSync('git', ['status', '--branch', '--short'])}`,
      );
    expect(built.manifest.git.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(built.manifest.buildTimeSource).toBe(built.manifest.git.dirty ? 'none' : 'git');
  });
});
