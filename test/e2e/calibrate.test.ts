import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIX, THREE } from '../simulate/fixtures.js';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-calibrate-'));
const DATA = [
  '--data',
  'examples/data/customers.csv',
  '--transactions',
  'examples/data/transactions.csv',
  '--as-of',
  '2026-11-01',
];

describe('tierwise calibrate: targets it cannot search, thresholds that break a tier', () => {
  // In this process (the calibration over 3,000 customers is the point); the next test takes the
  // built binary.
  it('a criteria policy with --target: says why (TW0802) and exits with 1, the report still written', async () => {
    const run = await inProcess([
      'calibrate',
      '--policy',
      'policies/seed001-five-levels.tier.yaml',
      ...DATA,
      '--target',
      'vip=10%',
      '--format',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      "error[TW0802]: tiers decided by method 'criteria' have no score threshold to search",
    );
    const c = JSON.parse(run.stdout);
    expect(c.customers).toBe(3000);
    expect(c.thresholds).toHaveLength(1);
    expect(c.thresholds[0].problems.map((d: { code: string }) => d.code)).toEqual(['TW0802']);
  });

  it('a threshold below the next tier’s is flagged in the table and on stderr (TW0803), not offered silently', async () => {
    writeFileSync(join(dir, 'three.tier.yaml'), THREE());
    writeFileSync(join(dir, 'six.csv'), SIX);
    const run = tierwise([
      'calibrate',
      '--policy',
      join(dir, 'three.tier.yaml'),
      '--data',
      join(dir, 'six.csv'),
      '--target',
      'vip=60%',
    ]);
    // A warning: the search did what was asked, and says what the answer costs.
    expect(run.code, run.stderr).toBe(0);
    const flag = "'vip' at 60 is at or below the threshold of 'key' (70): 'key' can no longer be reached";
    expect(run.stderr).toContain(`warning[TW0803]: ${flag}`);
    expect(run.stdout).toContain(flag);
    const zh = await inProcess([
      'calibrate',
      '--policy',
      join(dir, 'three.tier.yaml'),
      '--data',
      join(dir, 'six.csv'),
      '--target',
      'vip=60%',
      '--lang',
      'zh-CN',
      '--format',
      'md',
    ]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain("'vip' 的阈值 60 不高于 'key' 的阈值（70）：'key' 将无法达到");
  });
});
