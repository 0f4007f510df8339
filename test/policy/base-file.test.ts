import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_ROOT_ENV, policyRoots } from '../../src/policy/base-file.js';
import type { CheckedPolicy } from '../../src/policy/check.js';
import { loadPolicy } from '../../src/policy/load.js';
import { VALID } from '../helpers/policy.js';

/** What a file outside the root holds; no message may ever show any of it. */
const SECRET = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n';

let top: string;
let repo: string;
let outside: string;

const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
const variantOf = (base: string) =>
  `apiVersion: tierwise/v1\nkind: TierPolicy\nmetadata:\n  name: retail\n  version: 1.1.0\n  extends: ${JSON.stringify(base)}\n`;
let count = 0;
/** Loads a fresh variant in repo/policies that extends `base`. */
const extending = (base: string, options = {}) =>
  loadPolicy(write(join(repo, 'policies', `v${count++}.tier.yaml`), variantOf(base)), options);

/** Everything a user could see of a result: messages, help, and the texts code frames quote. */
const shown = (result: CheckedPolicy) => JSON.stringify([result.diagnostics, [...result.sources.values()]]);
const codes = (result: CheckedPolicy) => result.diagnostics.map((d) => d.code);

beforeAll(() => {
  top = realpathSync(mkdtempSync(join(tmpdir(), 'tierwise-base-')));
  repo = join(top, 'repo');
  outside = join(top, 'outside');
  mkdirSync(join(repo, '.git'), { recursive: true });
  write(join(outside, 'passwd'), SECRET);
  write(join(outside, 'passwd.yaml'), SECRET);
  write(join(outside, 'company.tier.yaml'), VALID);
  write(join(repo, 'shared', 'company.tier.yaml'), VALID);
  write(join(repo, 'notes.txt'), SECRET);
  write(join(repo, 'secrets.yaml'), SECRET);
  write(join(repo, 'config.yaml'), 'token: abc123\nlist: [1, 2\n');
  mkdirSync(join(repo, 'folder.yaml'));
  symlinkSync(join(outside, 'passwd.yaml'), join(repo, 'link.yaml'));
});

describe('the policy root', () => {
  it('is the repository of the policy: a base in a sibling folder of the repository is read', async () => {
    const result = await extending('../shared/company.tier.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(await policyRoots(join(repo, 'policies', 'x.tier.yaml'), {})).toEqual([repo]);
  });

  it('is the policy’s folder outside a repository', async () => {
    expect(await policyRoots(join(outside, 'x.tier.yaml'), {})).toEqual([outside]);
  });

  it('is the folders of $TIERWISE_POLICY_ROOT when it is set', async () => {
    const env = { [POLICY_ROOT_ENV]: [repo, outside].join(delimiter) };
    expect(await policyRoots(join(repo, 'policies', 'x.tier.yaml'), env)).toEqual([repo, outside]);
    const result = await extending(join(outside, 'company.tier.yaml'), { policyRoots: [repo, outside] });
    expect(result.diagnostics).toEqual([]);
  });
});

describe('a base outside the root (issue 12: extends read any file)', () => {
  it.each([
    ['climbing out', '../../outside/passwd'],
    ['climbing out to a .yaml', '../../outside/passwd.yaml'],
    ['an absolute path', '<top>/outside/passwd.yaml'],
    ['a symbolic link that leads out', '../link.yaml'],
    ['a policy outside', '../../outside/company.tier.yaml'],
  ])('is refused unread: %s', async (_, base) => {
    const result = await extending(base.replace('<top>', top));
    expect(codes(result)).toEqual(['TW0010']);
    expect(result.diagnostics[0]!.message).toMatch(
      /is outside the policy root \(.*repo\/\); it was not read$/,
    );
    expect(shown(result)).not.toContain('root:x');
  });
});

describe('a base inside the root that is not a policy file', () => {
  it.each([
    ['a text file', '../notes.txt', /is not a \.yaml or \.yml file/],
    ['YAML that is not a policy', '../secrets.yaml', /is not a tierwise policy .*its content is not shown/],
    ['broken YAML that is not a policy', '../config.yaml', /is not a tierwise policy/],
    ['a directory', '../folder.yaml', /is a directory, not a file/],
    ['a name with NUL', '../secrets\0.yaml', /holds a NUL character/],
  ])('is refused without its content: %s', async (_, base, words) => {
    const result = await extending(base);
    expect(codes(result)).toEqual(['TW0011']);
    expect(result.diagnostics[0]!.message).toMatch(words);
    expect(shown(result)).not.toMatch(/root:x|token|abc123/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', async () => {
    execFileSync('mkfifo', [join(repo, 'pipe.yaml')]);
    const result = await extending('../pipe.yaml');
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TW0011', expect.stringMatching(/pipe\.yaml is a named pipe \(FIFO\), not a file; it was not read$/)],
    ]);
  });

  it('still shows the findings of a base that is a policy with errors', async () => {
    write(join(repo, 'broken.tier.yaml'), VALID.replace('weight: 70', "weight: 'x'"));
    const result = await extending('../broken.tier.yaml');
    expect(codes(result).sort()).toEqual(['TW0102', 'TW0505']);
  });
});
