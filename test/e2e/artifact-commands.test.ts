import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledSample } from '../helpers/sample-data.js';
import { tierwiseInProcess as inProcess } from './cli.js';

/** eval, simulate, diff and calibrate take a policy artifact wherever they take a policy file. */
const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-artifact-commands-'));
// Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1): what is compared is
// where the policy comes from, not how many customers it rates; the sample still has VIPs and
// customers that move between the two policies.
const SAMPLE = bundledSample();
const DATA = ['--data', SAMPLE.customers, '--transactions', SAMPLE.transactions, '--as-of', '2026-11-01'];
const signed = join(dir, 'retail-signed.tierpkg.tgz');
const unsigned = join(dir, 'retail-unsigned.tierpkg.tgz');
const pub = join(dir, 'release.pub.pem');

beforeAll(async () => {
  delete process.env.TIERWISE_VERIFY_KEY;
  for (const args of [
    ['keygen', '--out', join(dir, 'release')],
    ['build', 'policies/retail-scorecard.tier.yaml', '--out', signed, '--sign', join(dir, 'release.key.pem')],
    ['build', 'policies/retail-scorecard.tier.yaml', '--out', unsigned],
  ]) {
    const run = await inProcess(args);
    expect(run.code, run.stderr).toBe(0);
  }
});

describe('population commands and eval on artifacts', () => {
  it('give the same answers from a signed artifact, verified with the key, as from the file', async () => {
    const fromFile = await inProcess([
      'simulate',
      '--policy',
      'policies/retail-scorecard.tier.yaml',
      ...DATA,
      '--format',
      'json',
    ]);
    const fromArtifact = await inProcess([
      'simulate',
      '--policy',
      signed,
      '--key',
      pub,
      ...DATA,
      '--format',
      'json',
    ]);
    expect(fromArtifact.code, fromArtifact.stderr).toBe(0);
    const strip = (text: string) => {
      const s = JSON.parse(text);
      return { tiers: s.tiers, totals: s.totals };
    };
    expect(strip(fromArtifact.stdout)).toEqual(strip(fromFile.stdout));
    const summary = await inProcess(['eval', '--policy', signed, '--key', pub, ...DATA, '--summary']);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('VIP');
    const diff = await inProcess([
      'diff',
      '--from',
      'policies/seed004-scorecard.tier.yaml',
      '--to',
      signed,
      ...DATA,
      '--format',
      'json',
    ]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout).moversTotal).toBeGreaterThan(0);
  });

  it('refuse an unsigned artifact, and a plain file, when a key is configured', async () => {
    const run = await inProcess(['simulate', '--policy', unsigned, '--key', pub, ...DATA]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TW1010');
    expect(run.stdout).toBe('');
    process.env.TIERWISE_VERIFY_KEY = pub;
    try {
      const plain = await inProcess([
        'eval',
        '--policy',
        'policies/retail-scorecard.tier.yaml',
        ...DATA,
        '--summary',
      ]);
      expect(plain.code).toBe(1);
      expect(plain.stderr).toContain('only signed artifacts are accepted');
      const calibrated = await inProcess(['calibrate', '--policy', unsigned, ...DATA]);
      expect(calibrated.code).toBe(1);
    } finally {
      delete process.env.TIERWISE_VERIFY_KEY;
    }
  });

  // In process, as the rest of this file: the built binary reads artifacts in artifact.test.ts and
  // hostile-cli.test.ts.
  it('say an unsigned artifact was not signature-checked when no key is configured', async () => {
    const run = await inProcess(['eval', '--policy', unsigned, ...DATA, '--summary']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('TW1013');
  });
});
