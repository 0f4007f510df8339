import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact } from '../../src/artifact/build.js';
import { canonicalJson } from '../../src/artifact/manifest.js';
import { verifyArtifact, verifyArtifactBytes } from '../../src/artifact/verify.js';
import {
  EPOCH_ENV,
  entriesOf,
  type FakeEntry,
  keyPair,
  policyTree,
  repack,
  tamperByte,
  writeTemp,
} from './fixtures.js';

let dir: string;
let keys: { privateKey: string; publicKey: string };
let otherKeys: { privateKey: string; publicKey: string };
let signed: Uint8Array;
let unsigned: Uint8Array;

beforeAll(async () => {
  const tree = policyTree();
  dir = mkdtempSync(join(tmpdir(), 'tierwise-verify-'));
  keys = keyPair(dir, 'release');
  otherKeys = keyPair(dir, 'other');
  signed = (await buildArtifact([tree.variant], { env: EPOCH_ENV, signingKey: keys.privateKey })).bytes!;
  unsigned = (await buildArtifact([tree.variant], { env: EPOCH_ENV })).bytes!;
});

const codes = async (bytes: Uint8Array, key?: string) =>
  (await verifyArtifactBytes(bytes, 'a.tgz', { key })).diagnostics.map((d) => d.code);

async function edited(bytes: Uint8Array, change: (entries: FakeEntry[]) => FakeEntry[]): Promise<Uint8Array> {
  return repack(change(await entriesOf(bytes)));
}

describe('verifyArtifact: what passes', () => {
  it('accepts the signed artifact with its key, and says so', async () => {
    const result = await verifyArtifactBytes(signed, 'a.tgz', { key: keys.publicKey });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ ok: true, signature: 'verified', signed: true });
    expect([...result.files.keys()]).toEqual([
      'policy/base/test-policy.tier.yaml',
      'policy/bu/test-variant.tier.yaml',
    ]);
  });

  it('without a key checks every file but says it is not signature-checked', async () => {
    for (const bytes of [signed, unsigned]) {
      const result = await verifyArtifactBytes(bytes, 'a.tgz');
      expect(result.ok).toBe(true);
      expect(result.signature).toBe('not-checked');
      expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['TW1013', 'warning']]);
      expect(result.diagnostics[0]!.message).toContain('not signature-checked');
    }
  });

  it('reads from a file, and refuses what is not an artifact', async () => {
    expect((await verifyArtifact(writeTemp(dir, 'ok.tgz', signed), { key: keys.publicKey })).ok).toBe(true);
    expect((await verifyArtifact(join(dir, 'missing.tgz'))).diagnostics.map((d) => d.code)).toEqual([
      'TW1001',
    ]);
    expect(await codes(new TextEncoder().encode('apiVersion: tierwise/v1\n'))).toEqual(['TW1001']);
    expect(await codes(gzipSync(Buffer.from('not a tar archive at all'.repeat(30))))).toContain('TW1001');
  });
});

describe('verifyArtifact: what is refused, each for its own reason', () => {
  it('a tampered byte in a policy: TW1007, with or without a key', async () => {
    const tampered = tamperByte(signed, 'minScore: 85');
    expect(await codes(tampered, keys.publicKey)).toEqual(['TW1007']);
    expect(await codes(tampered)).toEqual(['TW1013', 'TW1007']);
    const result = await verifyArtifactBytes(tampered, 'a.tgz', { key: keys.publicKey });
    expect(result.diagnostics[0]!.file).toBe('a.tgz!policy/bu/test-variant.tier.yaml');
    expect(result.ok).toBe(false);
  });

  it('a tampered manifest: TW1011 with the key', async () => {
    // Re-hashing the tampered file keeps the manifest consistent; only the signature can tell.
    const forged = await edited(signed, (entries) =>
      entries.map((e) => {
        if (e.header.name !== 'manifest.json') return e;
        const manifest = JSON.parse(Buffer.from(e.bytes!).toString('utf8'));
        manifest.buildTime = '2030-01-01T00:00:00Z';
        return { ...e, bytes: Buffer.from(canonicalJson(manifest)) };
      }),
    );
    expect(await codes(forged, keys.publicKey)).toEqual(['TW1011']);
    expect(await codes(forged)).toEqual(['TW1013']);
  });

  it('a manifest rewritten in another spelling: TW1006 even without a key', async () => {
    const respelled = await edited(unsigned, (entries) =>
      entries.map((e) =>
        e.header.name === 'manifest.json'
          ? { ...e, bytes: Buffer.from(JSON.stringify(JSON.parse(Buffer.from(e.bytes!).toString('utf8')))) }
          : e,
      ),
    );
    expect(await codes(respelled)).toEqual(['TW1006', 'TW1013']);
  });

  it('a missing signature when a key is given: TW1010 (never skipped because manifest.sig is absent)', async () => {
    expect(await codes(unsigned, keys.publicKey)).toEqual(['TW1010']);
    const stripped = await edited(signed, (entries) =>
      entries.filter((e) => e.header.name !== 'manifest.sig'),
    );
    const result = await verifyArtifactBytes(stripped, 'a.tgz', { key: keys.publicKey });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW1010']);
    expect(result).toMatchObject({ ok: false, signature: 'failed' });
  });

  it('a wrong key: TW1011', async () => {
    expect(await codes(signed, otherKeys.publicKey)).toEqual(['TW1011']);
  });

  it('a garbled signature: TW1011', async () => {
    const garbled = await edited(signed, (entries) =>
      entries.map((e) => (e.header.name === 'manifest.sig' ? { ...e, bytes: Buffer.from('AAAA\n') } : e)),
    );
    expect(await codes(garbled, keys.publicKey)).toEqual(['TW1011']);
  });

  it('a key that is not Ed25519 or not a key: TW1012', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(await codes(signed, writeTemp(dir, 'rsa.pub.pem', Buffer.from(rsa)))).toEqual(['TW1012']);
    expect(await codes(signed, writeTemp(dir, 'junk.pem', Buffer.from('hello')))).toEqual(['TW1012']);
  });

  it('an added file: TW1008', async () => {
    const added = await edited(signed, (entries) => [
      ...entries,
      { header: { name: 'policy/extra.tier.yaml', type: 'file' }, bytes: Buffer.from('x: 1\n') },
    ]);
    expect(await codes(added, keys.publicKey)).toEqual(['TW1008']);
  });

  it('a removed file: TW1009', async () => {
    const removed = await edited(signed, (entries) =>
      entries.filter((e) => e.header.name !== 'policy/base/test-policy.tier.yaml'),
    );
    expect(await codes(removed, keys.publicKey)).toEqual(['TW1009']);
  });

  it('path traversal, absolute names and backslashes: TW1003', async () => {
    for (const name of [
      '../evil.tier.yaml',
      'policy/../../evil',
      '/etc/passwd',
      'C:/x',
      'policy\\..\\x',
      'policy//x',
    ]) {
      const bad = await edited(signed, (entries) => [
        ...entries,
        { header: { name, type: 'file' }, bytes: Buffer.from('x') },
      ]);
      expect(await codes(bad, keys.publicKey), name).toEqual(['TW1003']);
    }
  });

  it('duplicate names, including names that differ only in case: TW1003, and neither copy is trusted', async () => {
    const twice = await edited(signed, (entries) => [
      ...entries,
      { header: { name: 'policy/bu/test-variant.tier.yaml', type: 'file' }, bytes: Buffer.from('evil') },
    ]);
    const result = await verifyArtifactBytes(twice, 'a.tgz', { key: keys.publicKey });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW1003']);
    expect(result.files.has('policy/bu/test-variant.tier.yaml')).toBe(false);
    const cased = await edited(signed, (entries) => [
      ...entries,
      { header: { name: 'policy/BU/test-variant.tier.yaml', type: 'file' }, bytes: Buffer.from('x') },
    ]);
    expect(await codes(cased, keys.publicKey)).toEqual(['TW1003']);
  });

  it('symlinks, hard links and directories: TW1004', async () => {
    const kinds: FakeEntry[] = [
      { header: { name: 'policy/link.tier.yaml', type: 'symlink', linkname: '/etc/passwd' } },
      { header: { name: 'policy/hard.tier.yaml', type: 'link', linkname: 'manifest.json' } },
      { header: { name: 'policy/sub/', type: 'directory' } },
    ];
    for (const entry of kinds) {
      const bad = await edited(signed, (entries) => [...entries, entry]);
      expect(await codes(bad, keys.publicKey), entry.header.type!).toEqual(['TW1004']);
    }
  });

  it('an entry over the size limit: TW1005', async () => {
    const big = await edited(signed, (entries) => [
      ...entries,
      { header: { name: 'policy/big.tier.yaml', type: 'file' }, bytes: Buffer.alloc(1024 * 1024 + 1, 0x61) },
    ]);
    const result = await verifyArtifactBytes(big, 'a.tgz', { key: keys.publicKey });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW1005']);
  });

  it('a gzip bomb stops at the unpacked-size limit: TW1001', async () => {
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024));
    expect(await codes(bomb)).toEqual(['TW1001']);
  });

  it('no manifest: TW1006', async () => {
    const bare = await edited(unsigned, (entries) =>
      entries.filter((e) => e.header.name !== 'manifest.json'),
    );
    expect(await codes(bare)).toEqual(['TW1006', 'TW1013']);
  });

  it('reports every problem at once, a bad signature included', async () => {
    const many = tamperByte(
      await edited(signed, (entries) => [
        ...entries,
        { header: { name: '../x', type: 'file' }, bytes: Buffer.from('x') },
      ]),
      'minScore: 85',
    );
    expect((await codes(many, otherKeys.publicKey)).sort()).toEqual(['TW1003', 'TW1007', 'TW1011']);
    expect(gunzipSync(many).byteLength).toBeGreaterThan(0);
  });
});
