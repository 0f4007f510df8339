import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALID } from '../helpers/policy.js';
import { tierwiseInProcess as inProcess, type Run, tierwise } from './cli.js';

/**
 * Hostile policy files through the real commands (issue 12): each one was a crash with a stack
 * (exit 70), or printed the lines of a file outside the repository. Each must be a finding with a
 * code, exit 1 (2 for diff --semver, whose usage it is), and show nothing it was not meant to.
 */

/** A file outside the policy root, shaped like /etc/passwd; none of it may be printed. */
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n';

let dir: string;
let repo: string;
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
const variantOf = (base: string) =>
  `apiVersion: tierwise/v1\nkind: TierPolicy\nmetadata:\n  name: retail\n  version: 1.1.0\n  extends: ${JSON.stringify(base)}\n`;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'tierwise-hostile-')));
  repo = join(dir, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  write(join(dir, 'etc', 'passwd'), PASSWD);
  write(join(dir, 'etc', 'passwd.yaml'), PASSWD);
  write(join(repo, 'cycle.tier.yaml'), 'a: &a [ *a ]\n');
  write(join(repo, 'data.csv'), 'customerId,spend12m,orders12m,industry\nC1,1000,2,high\n');
  write(join(repo, 'policies', 'passwd.tier.yaml'), variantOf('../../etc/passwd'));
  write(join(repo, 'policies', 'absolute.tier.yaml'), variantOf(join(dir, 'etc', 'passwd.yaml')));
  write(join(repo, 'users.yaml'), PASSWD.replaceAll(':x:', ': x'));
  write(join(repo, 'policies', 'not-policy.tier.yaml'), variantOf('../users.yaml'));
  write(join(repo, 'policies', 'nul.tier.yaml'), variantOf('base\0.tier.yaml'));
  write(join(repo, 'shared', 'company.tier.yaml'), VALID);
  write(join(repo, 'policies', 'good.tier.yaml'), variantOf('../shared/company.tier.yaml'));
});

/** A finding, not a crash: no stack, no Node-internal words. */
function expectFinding(run: Run, code: string, exit = 1): void {
  const output = run.stdout + run.stderr;
  // The text format writes error[CODE], GitHub annotations title=CODE.
  expect(output).toMatch(new RegExp(`\\[${code}\\]|title=${code} `));
  expect(output).not.toMatch(/internal error|Maximum call stack|\n\s+at |null bytes|ERR_/);
  expect(run.code).toBe(exit);
}

describe('an alias cycle (a: &a [ *a ]) in every command that reads a policy', () => {
  const cycle = () => join(repo, 'cycle.tier.yaml');
  // check through the built binary, the others in this process: the parser is the point.
  it('check', () => expectFinding(tierwise(['check', cycle()]), 'TW0013'));
  it('fmt', async () => expectFinding(await inProcess(['fmt', cycle()]), 'TW0013'));
  it('build', async () =>
    expectFinding(await inProcess(['build', cycle(), '--out', join(dir, 'out.tierpkg.tgz')]), 'TW0013'));
  it('eval', async () =>
    expectFinding(
      await inProcess(['eval', '--policy', cycle(), '--data', join(repo, 'data.csv')]),
      'TW0013',
    ));
  it('diff --semver', async () =>
    expectFinding(await inProcess(['diff', '--semver', cycle(), cycle()]), 'TW0013', 2));
});

describe('YAML fmt could not write back', () => {
  it('an alias without anchor, a standard tag its value does not fit, nesting 1,000 deep', async () => {
    const file = (name: string, text: string) => write(join(repo, name), text);
    expectFinding(await inProcess(['fmt', file('alias.tier.yaml', 'a: *nope\n')]), 'TW0014');
    expectFinding(await inProcess(['fmt', file('tag.tier.yaml', 'a: !!float "x"\n')]), 'TW0008');
    expectFinding(await inProcess(['check', file('tag.tier.yaml', 'a: !!float "x"\n')]), 'TW0008');
    const deep = file('deep.tier.yaml', `a: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    const run = await inProcess(['check', deep]);
    expectFinding(run, 'TW0012');
    expect(run.stdout).toContain('more than 100 levels deep');
  });
});

describe('extends reads only policies inside the policy root', () => {
  it.each(['text', 'github'])(
    'refuses a passwd-like file outside, and prints none of it (--format %s)',
    async (format) => {
      const run = await inProcess(['check', '--format', format, join(repo, 'policies', 'passwd.tier.yaml')]);
      expectFinding(run, 'TW0010');
      expect(run.stdout + run.stderr).not.toMatch(/root:x|root: x|\/bin\/bash/);
    },
  );

  it('refuses an absolute path outside, a file inside that is not a policy, and NUL in the name', async () => {
    for (const [name, code] of [
      ['absolute', 'TW0010'],
      ['not-policy', 'TW0011'],
      ['nul', 'TW0011'],
    ] as const) {
      const run = await inProcess([
        'check',
        '--format',
        'github',
        join(repo, 'policies', `${name}.tier.yaml`),
      ]);
      expect(run.stdout).toContain(`title=${code} `);
      expectFinding(run, code);
      expect(run.stdout + run.stderr).not.toMatch(/root:x|root: x|\/bin\/bash|nologin/);
    }
  });

  // The last run goes through the built binary: the variable must reach it from the environment.
  it('reads a base anywhere in the repository, and outside it when $TIERWISE_POLICY_ROOT says so', async () => {
    expect((await inProcess(['check', join(repo, 'policies', 'good.tier.yaml')])).code).toBe(0);
    write(join(dir, 'etc', 'company.tier.yaml'), VALID);
    const outside = write(
      join(repo, 'policies', 'outside.tier.yaml'),
      variantOf('../../etc/company.tier.yaml'),
    );
    expectFinding(await inProcess(['check', outside]), 'TW0010');
    process.env.TIERWISE_POLICY_ROOT = join(dir, 'etc');
    try {
      expect(tierwise(['check', outside]).code).toBe(0);
    } finally {
      delete process.env.TIERWISE_POLICY_ROOT;
    }
  });
});
