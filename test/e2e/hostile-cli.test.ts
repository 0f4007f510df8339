import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSample } from '../helpers/sample-data.js';
import { tierwiseInProcess as inProcess, ROOT } from './cli.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const POLICY = 'policies/seed004-scorecard.tier.yaml';
// Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1): a FIFO or a key that is
// no key is refused whatever the data, and a report that cannot be written is one whatever its size.
const SAMPLE = bundledSample();
const DATA = ['--data', SAMPLE.customers, '--transactions', SAMPLE.transactions];
let dir: string;
/** An unsigned artifact of POLICY, built once for the tests that need one. */
let artifact: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tw-hostile-cli-'));
  artifact = join(dir, 'unsigned.tierpkg.tgz');
  expect((await inProcess(['build', POLICY, '--out', artifact])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The built CLI with a hang guard: a FIFO nobody writes to blocked these commands forever, so a
 * regression must fail the test (status null after the kill) rather than stall the suite.
 */
function guarded(args: string[]): { code: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

function fifo(name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

describe('a FIFO or endless device where a file is expected', () => {
  it.each(['eval', 'simulate'])('%s --policy FIFO is refused, not waited on', (command) => {
    const path = fifo(`policy-${command}.tier.yaml`);
    const run = guarded([command, '--policy', path, ...DATA, '--as-of', '2026-11-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TW0001');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('diff --from FIFO is refused', () => {
    const path = fifo('from.tier.yaml');
    const run = guarded(['diff', '--from', path, '--to', POLICY, ...DATA, '--as-of', '2026-11-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TW0001');
  });

  it.each([
    ['a FIFO', () => fifo('key.pem')],
    ['/dev/zero', () => '/dev/zero'],
  ])('eval --key %s is refused as not a key file', (_, path) => {
    const run = guarded(['eval', '--policy', artifact, ...DATA, '--key', path(), '--as-of', '2026-11-01']);
    // A policy that cannot be loaded exits 1, as a policy with errors does.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TW1012');
  });

  it('verify --key FIFO is refused', () => {
    const run = guarded(['verify', POLICY, '--key', fifo('verify-key.pem')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TW1012');
  });
});

describe('a report that cannot be written', () => {
  it('says why in words, with the path’s control characters spelled out', async () => {
    const out = join(dir, 'no-such-folder', '\x1b]8;;http://evil\x07x.csv');
    const run = await inProcess(['eval', '--policy', POLICY, ...DATA, '--out', out, '--as-of', '2026-11-01']);
    expect(run.code).toBe(2);
    // Before: "ENOENT: no such file or directory, open '…/.x.csv.tierwise-123-ab.tmp'" and a raw ESC.
    expect(run.stderr).toContain(': no such file; nothing was written');
    expect(run.stderr).not.toContain('ENOENT');
    expect(run.stderr).not.toContain('\x1b');
    expect(run.stderr).toContain('\\u001b]8;;');
  });
});

describe('option values that used to switch a safeguard off', () => {
  it.each(['abc', 'NaN', '', '-1', '0', '1e309', '1.5', '12 MB'])(
    '--max-bytes %j is a usage error',
    async (value) => {
      const run = await inProcess(['check', POLICY, '--max-bytes', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--max-bytes');
    },
  );

  it('--max-bytes takes a binary unit and still enforces the limit', async () => {
    expect((await inProcess(['check', POLICY, '--max-bytes', '1MiB'])).code).toBe(0);
    const small = await inProcess(['check', POLICY, '--max-bytes', '1KiB']);
    expect(small.code).toBe(1);
    expect(small.stderr + small.stdout).toContain('TW0002');
  });

  it.each([
    ['eval', ['eval', '--policy', POLICY, ...DATA, '--key', '']],
    ['verify', ['verify', POLICY, '--key', '']],
    ['eval --out', ['eval', '--policy', POLICY, ...DATA, '--out', '']],
  ])('%s with an empty value is a usage error in both languages', async (_, args) => {
    const en = await inProcess(args);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('empty');
    const zh = await inProcess([...args, '--lang', 'zh-CN']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('值为空');
  });

  it('an unsigned artifact does not verify through an empty --key', async () => {
    const run = await inProcess(['verify', artifact, '--key', '']);
    expect(run.code).toBe(2);
  });
});
