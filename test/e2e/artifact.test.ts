import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN, policyTree, tamperByte } from '../artifact/fixtures.js';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

let tree: ReturnType<typeof policyTree>;
let keys: string;

/**
 * tierwise() passes this process's environment on and inProcess() reads it; each test sets what it
 * needs and no more.
 */
async function withEnv<T>(env: Record<string, string>, run: () => T | Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

beforeAll(() => {
  delete process.env.TIERWISE_VERIFY_KEY;
  delete process.env.SOURCE_DATE_EPOCH;
  tree = policyTree();
  keys = mkdtempSync(join(tmpdir(), 'tierwise-e2e-keys-'));
  for (const name of ['release', 'other']) {
    const run = tierwise(['keygen', '--out', join(keys, name)]);
    expect(run.code, run.stderr).toBe(0);
  }
});

afterEach(() => {
  delete process.env.TIERWISE_VERIFY_KEY;
});

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const key = (name: string, half: 'key' | 'pub') => join(keys, `${name}.${half}.pem`);

describe('tierwise keygen / build / verify', () => {
  it('keygen writes a private key only its owner can read, and never overwrites', async () => {
    expect(statSync(key('release', 'key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(key('release', 'pub'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = await inProcess(['keygen', '--out', join(keys, 'release')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; no key was written');
  });

  it('builds a signed artifact under its default name and verifies it with the key', async () => {
    const built = await withEnv(EPOCH, () =>
      tierwise(['build', tree.variant, '--sign', key('release', 'key')], { cwd: tree.dir }),
    );
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('built test-variant-2.0.0.tierpkg.tgz');
    expect(built.stdout).toContain('2 files; build time 2026-01-01T00:00:00Z (from SOURCE_DATE_EPOCH)');
    const artifact = join(tree.dir, 'test-variant-2.0.0.tierpkg.tgz');
    const verified = tierwise(['verify', artifact, '--key', key('release', 'pub')]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /^verified .*: 2 files match the manifest; signature verified \(key sha256:/,
    );
    expect(verified.stdout).toContain(
      'test-variant 2.0.0  policy/bu/test-variant.tier.yaml  extends test-policy 1.0.0',
    );
  });

  it('without a key verifies the files and says plainly that the signature was not checked', async () => {
    const artifact = await buildTo('plain.tgz');
    const run = await inProcess(['verify', artifact]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('NOT signature-checked');
    expect(run.stderr).toContain('warning[TW1013]');
  });

  it('refuses a tampered byte (TW1007), with or without the key', async () => {
    const artifact = await buildTo('tampered.tgz', key('release', 'key'));
    writeFileSync(artifact, tamperByte(readFileSync(artifact), 'minScore: 85'));
    for (const args of [['--key', key('release', 'pub')], []]) {
      const run = await inProcess(['verify', artifact, ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'error[TW1007]: policy/bu/test-variant.tier.yaml does not match the manifest',
      );
      expect(run.stdout).toMatch(/^REFUSED /);
    }
  });

  it('refuses an unsigned artifact when a key is given, by flag or by TIERWISE_VERIFY_KEY (TW1010)', async () => {
    const artifact = await buildTo('unsigned.tgz');
    const byFlag = await inProcess(['verify', artifact, '--key', key('release', 'pub')]);
    expect(byFlag.code).toBe(1);
    expect(byFlag.stderr).toContain('error[TW1010]');
    const byEnv = await withEnv({ TIERWISE_VERIFY_KEY: key('release', 'pub') }, () =>
      inProcess(['verify', artifact]),
    );
    expect(byEnv.code).toBe(1);
    expect(byEnv.stderr).toContain('error[TW1010]');
  });

  it('refuses an artifact signed with another key (TW1011)', async () => {
    const artifact = await buildTo('other.tgz', key('other', 'key'));
    const run = await inProcess(['verify', artifact, '--key', key('release', 'pub')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[TW1011]: the signature does not verify');
    expect((await inProcess(['verify', artifact, '--key', key('other', 'pub')])).code).toBe(0);
  });

  it('gives the same bytes from two builds, and from a copy of the tree in another directory', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'tierwise-e2e-copy-'));
    cpSync(tree.dir, copy, { recursive: true });
    const a = await buildTo('a.tgz', key('release', 'key'));
    const b = await buildTo('b.tgz', key('release', 'key'));
    const c = join(copy, 'c.tgz');
    const run = await withEnv(EPOCH, () =>
      inProcess([
        'build',
        join(copy, 'bu', 'test-variant.tier.yaml'),
        '--out',
        c,
        '--sign',
        key('release', 'key'),
      ]),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
    expect(readFileSync(c).equals(readFileSync(a))).toBe(true);
  });

  it('refuses to pack a policy with errors and writes nothing', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'tierwise-e2e-broken-'));
    writeFileSync(join(broken, 'test-policy.tier.yaml'), BROKEN);
    const out = join(broken, 'out.tgz');
    const run = await inProcess(['build', broken, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[TW0203]');
    expect(run.stderr).toContain('error[TW1002]: nothing was built: 1 of 1 policies have errors');
    expect(existsSync(out)).toBe(false);
  });
});

async function buildTo(name: string, signingKey?: string): Promise<string> {
  const out = join(tree.dir, name);
  const sign = signingKey ? ['--sign', signingKey] : [];
  const run = await withEnv(EPOCH, () => inProcess(['build', tree.variant, '--out', out, ...sign]));
  expect(run.code, run.stderr).toBe(0);
  return out;
}
