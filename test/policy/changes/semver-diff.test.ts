import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isGitRevision, semverDiff } from '../../../src/policy/changes/index.js';
import { edit, positionOf, VALID } from '../../helpers/policy.js';

const version = (text: string, v: string) => edit(text, 'version: 1.0.0', `version: ${v}`);
const THRESHOLD = (text: string) => edit(text, 'minScore: 90', 'minScore: 85');

let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' }).toString();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-semver-'));
});

describe('semverDiff: is the version bumped enough?', () => {
  it('1.0.0 → 1.0.1 is enough for a label, not for a threshold', async () => {
    const old = file('old.tier.yaml', VALID);
    const label = file('label.tier.yaml', version(edit(VALID, 'en: VIP }', 'en: VIP customer }'), '1.0.1'));
    expect(await semverDiff(old, label)).toMatchObject({ status: 'ok', allowed: 'patch', diagnostics: [] });

    const text = version(THRESHOLD(VALID), '1.0.1');
    const threshold = file('threshold.tier.yaml', text);
    const diff = await semverDiff(old, threshold);
    expect(diff).toMatchObject({ status: 'not-bumped', allowed: 'patch', suggested: '1.1.0' });
    expect(diff.report.level).toBe('minor');
    const [finding] = diff.diagnostics;
    expect(finding).toMatchObject({
      code: 'TW1101',
      severity: 'error',
      message: 'version 1.0.0 → 1.0.1 allows patch changes only, but the policy has minor changes',
      file: threshold,
      pointer: '/metadata/version',
    });
    expect(`${finding!.range?.start.line}:${finding!.range?.start.column}`).toBe(positionOf(text, '1.0.1'));
    expect(finding!.help).toContain('tier vip: minScore 90 → 85');
    // Each change is located in the new file.
    expect(diff.report.changes[0]).toMatchObject({
      file: threshold,
      range: { start: { line: Number(positionOf(text, '85').split(':')[0]) } },
    });
  });

  it('a version that stays, or goes down, fails; one that goes up with no change passes', async () => {
    const old = file('v2.tier.yaml', version(VALID, '2.0.0'));
    expect(
      (await semverDiff(old, file('same.tier.yaml', version(THRESHOLD(VALID), '2.0.0')))).diagnostics[0],
    ).toMatchObject({
      code: 'TW1101',
      message: 'version stays 2.0.0, but the policy has minor changes',
    });
    const lower = await semverDiff(old, file('lower.tier.yaml', version(VALID, '1.9.0')));
    expect(lower).toMatchObject({ status: 'lowered', diagnostics: [{ code: 'TW1102' }] });
    expect(await semverDiff(old, file('up.tier.yaml', version(VALID, '2.0.1')))).toMatchObject({
      status: 'ok',
    });
    expect(await semverDiff(old, old)).toMatchObject({
      status: 'ok',
      report: { level: 'none', changes: [] },
    });
  });

  it('below 1.0.0 a patch number carries a threshold, but a renamed tier needs the minor number', async () => {
    const old = file('zero.tier.yaml', version(VALID, '0.3.1'));
    expect(await semverDiff(old, file('z1.tier.yaml', version(THRESHOLD(VALID), '0.3.2')))).toMatchObject({
      status: 'ok',
    });
    const renamed = edit(VALID, 'id: key\n', 'id: important\n');
    expect(await semverDiff(old, file('z2.tier.yaml', version(renamed, '0.3.2')))).toMatchObject({
      status: 'not-bumped',
      suggested: '0.4.0',
    });
    expect(await semverDiff(old, file('z3.tier.yaml', version(renamed, '0.4.0')))).toMatchObject({
      status: 'ok',
    });
  });

  it('an unreadable or broken side is unreadable, with the reason', async () => {
    const old = file('base.tier.yaml', VALID);
    const missing = await semverDiff(old, join(dir, 'nope.tier.yaml'));
    expect(missing).toMatchObject({ status: 'unreadable', diagnostics: [{ code: 'TW0001' }] });
    const broken = await semverDiff(
      file('broken.tier.yaml', edit(VALID, 'weight: 30\n', 'weight: 20\n')),
      old,
    );
    expect(broken).toMatchObject({ status: 'unreadable', diagnostics: [{ code: 'TW0203' }] });
  });
});

describe('semverDiff with a git revision as OLD', () => {
  let repo: string;
  beforeAll(() => {
    repo = join(dir, 'repo');
    mkdirSync(join(repo, 'policies'), { recursive: true });
    dir = repo;
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    file('policies/base.tier.yaml', VALID);
    file(
      'policies/variant.tier.yaml',
      'apiVersion: tierwise/v1\nkind: TierPolicy\nmetadata:\n  name: variant\n  version: 1.0.0\n  extends: ./base.tier.yaml\n',
    );
    git('add', '.');
    git('commit', '-q', '-m', 'policies');
  });

  it('reads REF:path with git show, and holds the work tree’s version to it', async () => {
    file('policies/base.tier.yaml', version(THRESHOLD(VALID), '1.0.1'));
    const diff = await semverDiff('main:policies/base.tier.yaml', 'policies/base.tier.yaml', { cwd: repo });
    expect(diff).toMatchObject({
      status: 'not-bumped',
      old: { source: 'main:policies/base.tier.yaml', version: '1.0.0' },
      new: { source: 'policies/base.tier.yaml', version: '1.0.1' },
      diagnostics: [{ code: 'TW1101', file: 'policies/base.tier.yaml' }],
    });
    file('policies/base.tier.yaml', version(THRESHOLD(VALID), '1.1.0'));
    expect(
      await semverDiff('main:policies/base.tier.yaml', 'policies/base.tier.yaml', { cwd: repo }),
    ).toMatchObject({
      status: 'ok',
    });
  });

  it('resolves a variant’s base inside the same revision', async () => {
    // The work tree's base changed (above); the variant at HEAD still sees the committed base.
    const diff = await semverDiff('HEAD:policies/variant.tier.yaml', 'policies/variant.tier.yaml', {
      cwd: repo,
    });
    expect(diff.report.changes.map((c) => c.message)).toEqual(['tier vip: minScore 90 → 85']);
    expect(diff.status).toBe('not-bumped');
  });

  it('a file the revision does not have is a new policy; an unknown revision is unreadable', async () => {
    file('policies/fresh.tier.yaml', VALID);
    expect(
      await semverDiff('main:policies/fresh.tier.yaml', 'policies/fresh.tier.yaml', { cwd: repo }),
    ).toMatchObject({
      status: 'new',
      diagnostics: [],
    });
    const unknown = await semverDiff('no-such-branch:policies/base.tier.yaml', 'policies/base.tier.yaml', {
      cwd: repo,
    });
    expect(unknown).toMatchObject({ status: 'unreadable', diagnostics: [{ code: 'TW0001' }] });
    expect(unknown.diagnostics[0]!.message).toContain('no-such-branch is not a git revision');
  });

  it('takes an existing file for a file, even with a colon in its name', () => {
    file('policies/a:b.tier.yaml', VALID);
    expect(isGitRevision('policies/a:b.tier.yaml', repo)).toBe(false);
    expect(isGitRevision('main:policies/base.tier.yaml', repo)).toBe(true);
    expect(isGitRevision('C:\\policies\\x.tier.yaml', repo)).toBe(false);
  });
});
