import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, type Header, pack } from 'tar-stream';
import { edit, VALID } from '../helpers/policy.js';

export const EPOCH_ENV = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z

export const VARIANT = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: test-variant
  version: 2.0.0
  extends: ../base/test-policy.tier.yaml
tiers:
  levels: [ { id: vip, minScore: 85 } ]
`;

export const TESTS = `cases:
  - name: a big spender is VIP
    facts: { customerId: C1, spend12m: 500000, orders12m: 20, industry: high }
    expect: { tier: vip }
`;

/**
 * A policy tree in a fresh directory outside any git work tree:
 * base/test-policy.tier.yaml (+ its test file) and bu/test-variant.tier.yaml extending it.
 * An empty `.git` folder makes the directory the policy root, as a repository would be (a base
 * in a sibling folder is outside the variant's own folder); git does not take it for a repository.
 */
export function policyTree(): { dir: string; base: string; variant: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-artifact-test-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'base'));
  mkdirSync(join(dir, 'bu'));
  writeFileSync(join(dir, 'base', 'test-policy.tier.yaml'), VALID);
  writeFileSync(join(dir, 'base', 'test-policy.test.yaml'), TESTS);
  writeFileSync(join(dir, 'base', 'notes.md'), 'not packed\n');
  writeFileSync(join(dir, 'bu', 'test-variant.tier.yaml'), VARIANT);
  return {
    dir,
    base: join(dir, 'base', 'test-policy.tier.yaml'),
    variant: join(dir, 'bu', 'test-variant.tier.yaml'),
  };
}

export const BROKEN = edit(VALID, 'weight: 30\n', 'weight: 20\n');

/** An Ed25519 key pair written as PEM files. */
export function keyPair(dir: string, name: string): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  const privateKey = join(dir, `${name}.key.pem`);
  const publicKey = join(dir, `${name}.pub.pem`);
  writeFileSync(privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey };
}

/** Flips one byte of the uncompressed tar at the first occurrence of `needle`, headers untouched. */
export function tamperByte(artifact: Uint8Array, needle: string): Uint8Array {
  const tar = gunzipSync(artifact);
  const at = tar.indexOf(Buffer.from(needle, 'utf8'));
  if (at < 0) throw new Error(`needle ${needle} not in the tar`);
  tar[at] = tar[at]! ^ 0x01;
  return new Uint8Array(gzipSync(tar));
}

export interface FakeEntry {
  header: Partial<Header> & Pick<Header, 'name'>;
  bytes?: Uint8Array;
}

/** The artifact's entries, as an attacker would see them before repacking. */
export async function entriesOf(artifact: Uint8Array): Promise<FakeEntry[]> {
  const out: FakeEntry[] = [];
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on('data', (c: unknown) => parts.push(c as Buffer));
      stream.on('end', () => {
        out.push({ header, bytes: new Uint8Array(Buffer.concat(parts)) });
        next();
      });
    });
    reader.on('finish', resolve);
    reader.on('error', reject);
  });
  reader.end(gunzipSync(artifact));
  await done;
  return out;
}

/** Packs entries as given — any name, type or order — the way a hostile tool could. */
export async function repack(entries: readonly FakeEntry[]): Promise<Uint8Array> {
  const tar = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of tar) chunks.push(chunk as Buffer);
  })();
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const bytes = entry.bytes ? Buffer.from(entry.bytes) : undefined;
      const callback = (error?: Error | null) => (error ? reject(error) : resolve());
      const header = { ...entry.header, mtime: entry.header.mtime ?? new Date(0) };
      if (bytes) tar.entry({ ...header, size: bytes.byteLength }, bytes, callback);
      else tar.entry({ ...header, size: 0 }, callback);
    });
  }
  tar.finalize();
  await collected;
  return new Uint8Array(gzipSync(Buffer.concat(chunks)));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
