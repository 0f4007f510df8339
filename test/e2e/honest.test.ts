import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

const DATA = ['--data', 'examples/data/customers.csv'];
const LOG = ['--transactions', 'examples/data/transactions.csv', '--as-of', '2026-11-01'];

// The exit codes are runCli's, which bin.ts sets as the process's: one case goes through the built
// binary, the rest run in this process (a process start is most of what a refusal costs).
describe('a run that decided nothing does not exit 0', () => {
  it('refuses a forgotten transaction log before reading a row, on every eval path and in simulate', async () => {
    for (const extra of [[], ['--summary'], ['--format', 'csv']]) {
      const args = ['eval', '--policy', 'policies/seed004-rfm.tier.yaml', ...DATA, ...extra];
      const run = extra.length === 0 ? tierwise(args) : await inProcess(args);
      expect(run.code, extra.join(' ')).toBe(1);
      expect(run.stderr).toContain('error[TW0602]');
      expect(run.stderr).toContain('no transaction log was given');
    }
    const simulate = await inProcess(['simulate', '--policy', 'policies/seed004-rfm.tier.yaml', ...DATA]);
    expect(simulate.code).toBe(1);
  });

  it('fails when customers go without a tier, says why, and passes when they are allowed', async () => {
    const args = ['eval', '--policy', 'policies/seed001-five-levels-literal.tier.yaml', ...DATA, ...LOG];
    const strict = await inProcess([...args, '--summary']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error[TW0704]');
    expect(strict.stderr).toMatch(/without a tier\n {2}[\d,]+ /);
    const allowed = await inProcess([...args, '--summary', '--allow-untiered', 'all']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('without a tier');
    expect((await inProcess([...args, '--allow-untiered', '5 percent'])).code).toBe(2);
  });

  it('fails a calibration whose policy leaves customers untiered unless they are allowed', async () => {
    const args = ['calibrate', '--policy', 'policies/seed001-five-levels-literal.tier.yaml', ...DATA, ...LOG];
    const strict = await inProcess([...args, '--format', 'json']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error[TW0704]');
    expect(JSON.parse(strict.stdout).untiered.customers).toBeGreaterThan(0);
    expect((await inProcess([...args, '--format', 'json', '--allow-untiered', 'all'])).code).toBe(0);
  });

  it('treats a date that does not exist as a usage error', async () => {
    const run = await inProcess([
      'eval',
      '--policy',
      'policies/seed001-five-factor.tier.yaml',
      ...DATA,
      '--as-of',
      '2026-02-30',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2026-02-30');
    expect(run.stdout).toBe('');
  });

  it('fails a test run that found no test cases unless told that is expected', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tierwise-no-tests-'));
    const run = await inProcess(['test', empty]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('TW0907');
    expect((await inProcess(['test', empty, '--pass-with-no-tests'])).code).toBe(0);
  });

  it('speaks Chinese in check when asked', async () => {
    const run = await inProcess(['check', 'policies/seed004-rfm.tier.yaml', '--lang', 'zh-CN']);
    expect(run.stdout).toContain('已检查 1 个文件');
  });
});
