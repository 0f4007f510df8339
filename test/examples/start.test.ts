import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/cli.js';

/**
 * The README's quick start, `npm start`, as a fresh clone runs it: every step must pass, and a
 * bundled policy that leaves customers untiered on purpose must say how many and why.
 */
describe('npm start', () => {
  it('checks, tests, evaluates, simulates and compares the bundled policies and exits 0', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stdout.slice(-2000)).toBe(0);
    expect(run.stdout).toMatch(/checked, tested and evaluated \d+ policies/);
    expect(run.stdout).toMatch(/^[\d,]+ customers of [\d,]+ \([\d.]+%\) without a tier$/m);
  });
});
