import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit, positionOf, VALID } from '../helpers/policy.js';
import { tierwise } from './cli.js';

let repo: string;
const write = (name: string, text: string) => writeFileSync(join(repo, name), text);
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
const THRESHOLD = (v: string) =>
  edit(edit(VALID, 'minScore: 90', 'minScore: 85'), 'version: 1.0.0', `version: ${v}`);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'tierwise-e2e-semver-'));
  mkdirSync(join(repo, 'policies'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  write('policies/x.tier.yaml', VALID);
  git('add', '.');
  git('commit', '-q', '-m', 'x 1.0.0');
});

const semver = (...args: string[]) => tierwise(['diff', '--semver', ...args], { cwd: repo });

describe('tierwise diff --semver (the real CLI)', () => {
  it('fails, exit 1, when a threshold changed but only the patch number went up', () => {
    const text = THRESHOLD('1.0.1');
    write('policies/x.tier.yaml', text);
    const run = semver('main:policies/x.tier.yaml', 'policies/x.tier.yaml');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('### Minor changes\n\n- tier vip: minScore 90 → 85 (line');
    expect(run.stdout).toContain(
      'error[TW1101]: version 1.0.0 → 1.0.1 allows patch changes only, but the policy has minor changes',
    );
    expect(run.stdout).toContain(`--> policies/x.tier.yaml:${positionOf(text, '1.0.1')}`);
    expect(run.stdout).toMatch(/needs a minor version, at least 1\.1\.0\n$/);
  });

  it('passes, exit 0, once the version says minor', () => {
    write('policies/x.tier.yaml', THRESHOLD('1.1.0'));
    const run = semver('main:policies/x.tier.yaml', 'policies/x.tier.yaml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 change (1 minor): version 1.0.0 → 1.1.0 is enough');
  });

  it('exit 1 when the version goes down', () => {
    write('policies/x.tier.yaml', edit(VALID, 'version: 1.0.0', 'version: 0.9.0'));
    const run = semver('main:policies/x.tier.yaml', 'policies/x.tier.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error[TW1102]: version 0.9.0 is lower than 1.0.0');
  });

  it('json, github and sarif carry the finding and each change', () => {
    write('policies/x.tier.yaml', THRESHOLD('1.0.1'));
    const json = semver('main:policies/x.tier.yaml', 'policies/x.tier.yaml', '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'not-bumped',
      level: 'minor',
      allowed: 'patch',
      suggested: '1.1.0',
      changes: [{ kind: 'minor', pointer: '/tiers/levels/0/minScore', old: 90, new: 85 }],
      diagnostics: [{ code: 'TW1101', pointer: '/metadata/version' }],
    });
    const github = semver('main:policies/x.tier.yaml', 'policies/x.tier.yaml', '--format', 'github');
    expect(github.stdout).toMatch(/^::error file=policies\/x.tier.yaml,line=5,/m);
    expect(github.stdout).toMatch(
      /^::notice file=policies\/x.tier.yaml,line=\d+.*::minor: tier vip: minScore 90 → 85$/m,
    );
    const sarif = JSON.parse(
      semver('main:policies/x.tier.yaml', 'policies/x.tier.yaml', '--format', 'sarif').stdout,
    );
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['TW1101', 'TW1103']);
  });

  it('a policy new on the branch is fine', () => {
    write('policies/new.tier.yaml', VALID);
    const run = semver('main:policies/new.tier.yaml', 'policies/new.tier.yaml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'policies/new.tier.yaml (1.0.0): new policy, not in main; nothing to compare',
    );
  });

  it('exit 2 for what cannot be read, and for diff without a mode', () => {
    const missing = semver('policies/none.tier.yaml', 'policies/x.tier.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[TW0001]');
    expect(semver('no-branch:policies/x.tier.yaml', 'policies/x.tier.yaml').code).toBe(2);
    const bare = tierwise(['diff', 'a', 'b'], { cwd: repo });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--semver');
  });
});
