import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { tierwiseInProcess } from './cli.js';

const tierwise = (...args: string[]) => tierwiseInProcess(args);

const SCHEMA = fileURLToPath(new URL('../../schemas/policy.schema.json', import.meta.url));

const MESSY = `kind: TierPolicy   # the only kind
apiVersion: tierwise/v1
metadata:
    version: 1.0.0
    name: messy
facts:
    spend12m:
        unit: CNY
        type: number
`;

let dir: string;
let messy: string;
let tidy: string;
let expected: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-fmt-'));
  mkdirSync(join(dir, 'retail'));
  messy = join(dir, 'retail', 'messy.tier.yaml');
  tidy = join(dir, 'tidy.tier.yaml');
  expected = [
    `# yaml-language-server: $schema=${relative(join(dir, 'retail'), SCHEMA)}`,
    'apiVersion: tierwise/v1',
    'kind: TierPolicy # the only kind',
    'metadata: { name: messy, version: 1.0.0 }',
    'facts:',
    '  spend12m: { type: number, unit: CNY }',
    '',
  ].join('\n');
  writeFileSync(messy, MESSY);
  writeFileSync(tidy, MESSY);
  await tierwise('fmt', tidy);
});

describe('tierwise fmt', () => {
  it('rewrites files in place, names them, and leaves formatted files alone', async () => {
    const run = await tierwise('fmt', dir);
    expect(run).toEqual({ code: 0, stdout: `${messy}\n`, stderr: '' });
    expect(readFileSync(messy, 'utf8')).toBe(expected);
    expect(readdirSync(join(dir, 'retail'))).toEqual(['messy.tier.yaml']);
    expect(await tierwise('fmt', dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--check writes nothing and exits 1 listing the files that would change', async () => {
    const run = await tierwise('fmt', '--check', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${messy}\n`);
    expect(run.stderr).toContain('1 file is not formatted');
    expect(readFileSync(messy, 'utf8')).toBe(MESSY);
    expect((await tierwise('fmt', '--check', tidy)).code).toBe(0);
  });

  it('--stdout prints the formatted text and writes nothing', async () => {
    const run = await tierwise('fmt', '--stdout', messy);
    expect(run).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(readFileSync(messy, 'utf8')).toBe(MESSY);
    expect((await tierwise('fmt', '--stdout', '--check', messy)).code).toBe(2);
  });

  it('leaves a file with YAML errors as it is and exits 1 with a located diagnostic', async () => {
    const broken = join(dir, 'broken.tier.yaml');
    writeFileSync(broken, 'kind: TierPolicy\nmetadata: [\n');
    const run = await tierwise('fmt', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TW0004');
    expect(run.stderr).toContain(`${broken}:3:1`);
    expect(readFileSync(broken, 'utf8')).toBe('kind: TierPolicy\nmetadata: [\n');
    // the other files are still formatted
    expect(readFileSync(messy, 'utf8')).toBe(expected);
  });

  it('exits 2 on a file it cannot read, and on a directory without policies', async () => {
    const run = await tierwise('fmt', join(dir, 'missing.tier.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TW0001');
    mkdirSync(join(dir, 'empty'));
    expect((await tierwise('fmt', join(dir, 'empty'))).code).toBe(2);
  });
});
