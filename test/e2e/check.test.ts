import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit, VALID } from '../helpers/policy.js';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-'));
  writeFileSync(join(dir, 'good.tier.yaml'), VALID);
  writeFileSync(
    join(dir, 'warn.tier.yaml'),
    edit(VALID, 'label: { zh-CN: 重点客户, en: Key }', 'label: { zh-CN: 重点客户 }'),
  );
  writeFileSync(join(dir, 'bad.tier.yaml'), edit(VALID, 'weight: 30\n', 'weight: 20\n'));
  writeFileSync(join(dir, 'notes.yaml'), 'not: a policy\n');
});

describe('tierwise check', () => {
  it('passes the bundled policies', () => {
    const run = tierwise(['check', 'policies']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^checked \d+ files: /m);
  });

  it('keeps the bundled policies canonical: fmt --check passes', () => {
    const run = tierwise(['fmt', '--check', 'policies']);
    expect(run.stdout + run.stderr).not.toContain('not formatted');
    expect(run.code).toBe(0);
  });

  it('exits 0 on a clean policy and 1 on errors, with a code frame at file:line:col', async () => {
    expect((await inProcess(['check', join(dir, 'good.tier.yaml')])).code).toBe(0);
    const run = await inProcess(['check', join(dir, 'bad.tier.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error[TW0203]: dimension weights sum to 90, not 100 (value 70 + potential 20)',
    );
    expect(run.stdout).toContain(`--> ${join(dir, 'bad.tier.yaml')}:12:1`);
    expect(run.stdout).toContain('12 | dimensions:');
  });

  it('passes warnings unless --deny-warnings', async () => {
    const file = join(dir, 'warn.tier.yaml');
    expect((await inProcess(['check', file])).code).toBe(0);
    expect((await inProcess(['check', '--deny-warnings', file])).code).toBe(1);
  });

  it('searches directories for *.tier.yaml only', async () => {
    const run = await inProcess(['check', '--format', 'json', dir]);
    const report = JSON.parse(run.stdout) as { files: string[]; diagnostics: { code: string }[] };
    expect(report.files.map((f) => f.split('/').pop()).sort()).toEqual([
      'bad.tier.yaml',
      'good.tier.yaml',
      'warn.tier.yaml',
    ]);
    expect(report.diagnostics.map((d) => d.code).sort()).toEqual(['TW0203', 'TW0501']);
  });

  it('writes SARIF and GitHub annotations', async () => {
    const sarif = JSON.parse(
      (await inProcess(['check', '--format', 'sarif', join(dir, 'bad.tier.yaml')])).stdout,
    ) as {
      version: string;
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['TW0203']);
    const github = (await inProcess(['check', '--format', 'github', join(dir, 'bad.tier.yaml')])).stdout;
    expect(github).toMatch(/^::error file=.*bad\.tier\.yaml,line=12,col=1,.*title=TW0203/m);
  });

  it('exits 2 on a missing file and on a bad option', () => {
    const missing = tierwise(['check', join(dir, 'nope.tier.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('TW0001');
    expect(tierwise(['check', '--format', 'xml', dir]).code).toBe(2);
    expect(tierwise(['frobnicate']).code).toBe(2);
  });

  it('checks a non-policy file named explicitly, and explains what is wrong', async () => {
    const run = await inProcess(['check', join(dir, 'notes.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("missing required property 'apiVersion'");
  });
});
