import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderIds } from '../helpers/policy-ids.js';
import { bundledSample } from '../helpers/sample-data.js';
import { untranslated } from '../helpers/untranslated.js';
import { tierwiseInProcess as inProcess, type Run } from './cli.js';

/**
 * Every command's output read in Chinese: what the CLI, the reports, the explanations and the
 * findings say, on the bundled policies and data, and on the usual mistakes. What may stay Latin
 * is what the user wrote (ids, test case names, file names), codes, flags, units and numbers.
 */
// What the commands say does not depend on how many customers they say it about.
const SAMPLE_DATA = bundledSample();
const DATA = ['--data', SAMPLE_DATA.customers];
const LOG = ['--transactions', SAMPLE_DATA.transactions, '--as-of', '2026-11-01'];
const SCORECARD = 'policies/seed004-scorecard.tier.yaml';
const VARIANT = 'policies/retail-scorecard.tier.yaml';
const ZH = ['--lang', 'zh-CN'];

const KEYS = readFileSync('examples/data/customers.csv', 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0]!)
  .filter((key) => key !== '');
// Customer keys of the example data (C2012001…) are data, shown as they are.
const ids = new Set([...folderIds('policies'), ...KEYS]);
// Explanations of every customer are test/engine/explain/bundled.test.ts's; here a spread of them
// through the real command is enough to read its words.
const SAMPLE = ['--customer', ...KEYS.filter((_, i) => i % 60 === 0)];

/** What a reader sees of an HTML report: its text, without the inlined scripts and styles. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

function expectChinese(run: Run, what: string, text = `${run.stdout}\n${run.stderr}`): void {
  expect(text.trim(), `${what} printed nothing`).not.toBe('');
  const english = untranslated(text, ids);
  // The first findings are enough to act on; the count says how far off the whole output is.
  expect(english.slice(0, 15), `${what}: ${english.length} lines with English`).toEqual([]);
}

const COMMANDS: [string, string[]][] = [
  ['check', ['check', 'policies']],
  ['test', ['test']],
  ['test --coverage', ['test', '--coverage']],
  ['eval (table)', ['eval', '--policy', SCORECARD, ...DATA, ...LOG]],
  ['eval --explain, scorecard', ['eval', '--policy', SCORECARD, ...DATA, ...LOG, '--explain', ...SAMPLE]],
  [
    'eval --explain, RFM',
    ['eval', '--policy', 'policies/seed004-rfm.tier.yaml', ...DATA, ...LOG, '--explain', ...SAMPLE],
  ],
  [
    'eval --explain, quota',
    ['eval', '--policy', 'policies/seed004-quota.tier.yaml', ...DATA, ...LOG, '--explain', ...SAMPLE],
  ],
  [
    'eval --explain, criteria',
    ['eval', '--policy', 'policies/seed001-five-levels.tier.yaml', ...DATA, ...LOG, '--explain', ...SAMPLE],
  ],
  [
    'eval --explain, matrix and classifiers',
    ['eval', '--policy', 'policies/seed000-classifiers.tier.yaml', ...DATA, ...LOG, '--explain', ...SAMPLE],
  ],
  ['eval --summary', ['eval', '--policy', SCORECARD, ...DATA, ...LOG, '--summary']],
  ['eval without its transaction log', ['eval', '--policy', SCORECARD, ...DATA, '--summary']],
  [
    'eval leaving customers untiered',
    ['eval', '--policy', 'policies/seed001-five-levels-literal.tier.yaml', ...DATA, ...LOG, '--summary'],
  ],
  ['eval on a date that does not exist', ['eval', '--policy', SCORECARD, ...DATA, '--as-of', '2026-02-30']],
  ['eval without --data', ['eval', '--policy', SCORECARD]],
  ['an unknown option', ['eval', '--policy', SCORECARD, ...DATA, '--no-such-option']],
  ['eval --help', ['eval', '--help']],
  ['simulate', ['simulate', '--policy', SCORECARD, ...DATA, ...LOG]],
  ['simulate --format md', ['simulate', '--policy', SCORECARD, ...DATA, ...LOG, '--format', 'md']],
  ['diff', ['diff', '--from', SCORECARD, '--to', VARIANT, ...DATA, ...LOG]],
  ['diff --format md', ['diff', '--from', SCORECARD, '--to', VARIANT, ...DATA, ...LOG, '--format', 'md']],
  ['diff --semver', ['diff', '--semver', SCORECARD, VARIANT]],
  ['calibrate', ['calibrate', '--policy', SCORECARD, ...DATA, ...LOG]],
  [
    'calibrate of a criteria policy',
    ['calibrate', '--policy', 'policies/seed001-five-levels.tier.yaml', ...DATA, ...LOG],
  ],
  ['data profile', ['data', 'profile', '--policy', SCORECARD, ...DATA, ...LOG]],
];

describe('every command reads in Chinese with --lang zh-CN', () => {
  it.each(COMMANDS)('%s', async (what, args) => {
    expectChinese(await inProcess([...args, ...ZH]), what);
  });

  it.each([
    ['simulate', ['simulate', '--policy', SCORECARD, ...DATA, ...LOG]],
    ['diff', ['diff', '--from', SCORECARD, '--to', VARIANT, ...DATA, ...LOG]],
    ['calibrate', ['calibrate', '--policy', SCORECARD, ...DATA, ...LOG]],
    ['data profile', ['data', 'profile', '--policy', SCORECARD, ...DATA, ...LOG]],
  ])('the HTML report of %s', async (what, args) => {
    const run = await inProcess([...args, ...ZH, '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    expectChinese(run, `${what} HTML`, visibleText(run.stdout));
  });

  it('fmt --check of a file that needs formatting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-zh-'));
    const file = join(dir, 'messy.tier.yaml');
    writeFileSync(file, readFileSync(VARIANT, 'utf8').replace('metadata:\n', 'metadata:   \n\n\n'));
    const run = await inProcess(['fmt', '--check', file, ...ZH]);
    expect(run.code).toBe(1);
    expectChinese(run, 'fmt --check');
  });

  it('keygen, build and verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-zh-'));
    const artifact = join(dir, 'retail.tgz');
    for (const args of [
      ['keygen', '--out', join(dir, 'release')],
      ['build', VARIANT, '--out', artifact, '--sign', join(dir, 'release.key.pem')],
      ['verify', artifact, '--key', join(dir, 'release.pub.pem')],
      ['verify', artifact],
    ])
      expectChinese(await inProcess([...args, ...ZH]), args[0]!);
  });
});
