import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { argvLanguage } from '../../src/cli/help.js';
import { type Run, tierwiseInProcess } from '../e2e/cli.js';
import { bundledSample } from '../helpers/sample-data.js';
import { untranslated } from '../helpers/untranslated.js';

/**
 * The lines the CLI itself writes — summary lines, "wrote" lines, usage errors, commander's errors
 * and help — in the language of `--lang` or $TIERWISE_LANG. Reports and findings are checked where
 * their renderers are; here each test picks the lines the command writes on its own.
 */

const POLICY = 'policies/seed004-scorecard.tier.yaml';
// What the CLI says does not depend on how many customers it says it about: a sample of the bundled data.
const SAMPLE = bundledSample();
const DATA = ['--data', SAMPLE.customers, '--transactions', SAMPLE.transactions];
const rowsOf = (file: string) =>
  (readFileSync(file, 'utf8').trimEnd().split('\n').length - 1).toLocaleString('en');
const CUSTOMERS = rowsOf(SAMPLE.customers);
const TRANSACTIONS = rowsOf(SAMPLE.transactions);
const AS_OF = ['--as-of', '2026-11-01'];
const COMMANDS = [
  'build',
  'calibrate',
  'check',
  'data',
  'diff',
  'eval',
  'facts',
  'fmt',
  'keygen',
  'override',
  'plan',
  'publish',
  'registry',
  'replay',
  'rerate',
  'serve',
  'simulate',
  'sql',
  'test',
  'token',
  'verify',
];
/** Sizes read in bytes, KB and MB in Chinese too. */
const UNITS = ['B', 'KB', 'MB'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-language-'));
  delete process.env.TIERWISE_LANG;
});

afterEach(() => {
  delete process.env.TIERWISE_LANG;
});

/** Both ways of asking for Chinese: the flag, and the environment variable alone. */
const WAYS = [
  { way: '--lang zh-CN', run: (args: string[]) => tierwiseInProcess([...args, '--lang', 'zh-CN']) },
  {
    way: 'TIERWISE_LANG=zh-CN',
    run: async (args: string[]) => {
      process.env.TIERWISE_LANG = 'zh-CN';
      try {
        return await tierwiseInProcess(args);
      } finally {
        delete process.env.TIERWISE_LANG;
      }
    },
  },
];

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const lineStarting = (run: Run, prefix: string) => lines(run.stderr).find((l) => l.startsWith(prefix));

/**
 * A flag's value placeholder (`<file>`), a quoted value ("table") and an argument's name
 * (`[paths...]`) are what the user types, as the flags themselves are.
 */
const typed = (text: string) =>
  text
    .replace(/<[^>\s]+>/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\[[a-z.]+\]/g, ' ');

describe.each(WAYS)('the CLI in Chinese ($way)', ({ run }) => {
  it('eval: the summary line', async () => {
    const r = await run(['eval', '--policy', POLICY, ...DATA, ...AS_OF, '--summary']);
    expect(r.code, r.stderr).toBe(0);
    const summary = lines(r.stderr).at(-1) ?? '';
    expect(summary).toBe(
      `已评估 ${CUSTOMERS} 位客户，读取 ${CUSTOMERS} 行；${TRANSACTIONS} 笔交易；截至 2026-11-01（Asia/Shanghai）`,
    );
    expect(untranslated(summary)).toEqual([]);
  });

  it('eval: the written line, with the report written to --out', async () => {
    const out = join(dir, `eval-${Math.random().toString(36).slice(2)}.csv`);
    const r = await run([
      'eval',
      '--policy',
      POLICY,
      ...DATA,
      ...AS_OF,
      '--summary',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const written = lineStarting(r, '已写入');
    expect(written, r.stderr).toContain(out);
    expect(untranslated(written ?? '', UNITS)).toEqual([]);
    expect(readFileSync(out, 'utf8')).not.toBe('');
  });

  it('eval: a report that cannot be written', async () => {
    const out = join(dir, 'missing-dir', 'x.csv');
    const r = await run(['eval', '--policy', POLICY, ...DATA, ...AS_OF, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(2);
    const line = lineStarting(r, 'tierwise：无法写入');
    expect(line, r.stderr).toBeDefined();
    // the reason is the operating system's (ENOENT …); the sentence around it is ours
    expect(untranslated(line!.replace(/：ENOENT.*?；/, '：；'))).toEqual([]);
  });

  it('data profile: the profiled line', async () => {
    const r = await run(['data', 'profile', '--policy', POLICY, ...DATA, ...AS_OF, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr).at(-1)).toBe(
      `已剖析 ${CUSTOMERS} 位客户，读取 ${CUSTOMERS} 行；截至 2026-11-01（Asia/Shanghai）`,
    );
  });

  it('simulate: the written line', async () => {
    const out = join(dir, `simulate-${Math.random().toString(36).slice(2)}.json`);
    const r = await run([
      'simulate',
      '--policy',
      POLICY,
      ...DATA,
      ...AS_OF,
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const written = lineStarting(r, '已写入');
    expect(written, r.stderr).toBeDefined();
    expect(untranslated(written!, UNITS)).toEqual([]);
  });

  it.each([
    ['diff --semver without OLD and NEW', ['diff', '--semver']],
    ['diff --semver with a population format', ['diff', '--semver', 'a', 'b', '--format', 'csv']],
    ['diff with nothing to compare', ['diff']],
    [
      'diff in population mode without --to',
      ['diff', '--from', POLICY, '--data', 'examples/data/customers.csv'],
    ],
    ['calibrate with a bad --step', ['calibrate', '--policy', POLICY, ...DATA, '--step', '0']],
    ['calibrate with a bad --target', ['calibrate', '--policy', POLICY, ...DATA, '--target', 'vip']],
    ['test with a bad --threshold', ['test', POLICY, '--threshold', 'most']],
    ['test with a bad --run', ['test', POLICY, '--run', '(']],
  ])('a usage error: %s (exit 2)', async (_, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
    expect(untranslated(r.stderr, ['diff', 'calibrate', 'vip', 'most'])).toEqual([]);
  });

  // The finding itself (TW0506) is worded where --as-of is read; the CLI owns its exit code.
  it('a bad --as-of stays a usage error (exit 2) on every population command', async () => {
    for (const command of [['eval'], ['simulate'], ['calibrate']]) {
      const r = await run([...command, '--policy', POLICY, ...DATA, '--as-of', '2026-02-30']);
      expect(r.code, r.stderr).toBe(2);
      // the language reaches the finding's renderer: its heading is in Chinese
      expect(r.stderr).toMatch(/^错误\[TW0506\]/);
    }
  });

  it('check and fmt: no policy files', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    for (const command of ['check', 'fmt']) {
      const r = await run([command, empty]);
      expect(r.code).toBe(2);
      expect(untranslated(r.stderr), r.stderr).toEqual([]);
      expect(r.stderr).toContain('*.tier.yaml');
    }
  });

  it('fmt --check: the files not formatted', async () => {
    const file = join(mkdtempSync(join(dir, 'fmt-')), 'p.tier.yaml');
    // kind before apiVersion: valid, but not the canonical order
    writeFileSync(
      file,
      readFileSync(POLICY, 'utf8').replace(
        'apiVersion: tierwise/v1\nkind: TierPolicy\n',
        'kind: TierPolicy\napiVersion: tierwise/v1\n',
      ),
    );
    const r = await run(['fmt', '--check', file]);
    const line = lines(r.stderr).at(-1) ?? '';
    expect(line, r.stderr).toContain('tierwise fmt');
    expect(untranslated(line)).toEqual([]);
  });

  it('keygen, build and verify: what they say they did', async () => {
    const work = mkdtempSync(join(dir, 'artifact-'));
    const keygen = await run(['keygen', '--out', join(work, 'release')]);
    expect(keygen.code, keygen.stderr).toBe(0);
    expect(lines(keygen.stdout)).toHaveLength(3);
    expect(untranslated(keygen.stdout.replace(/sha256:[0-9a-f]+/g, ' '))).toEqual([]);

    const several = await run([
      'build',
      'policies/seed004-rfm.tier.yaml',
      'policies/seed004-quota.tier.yaml',
    ]);
    expect(several.code).toBe(2);
    expect(untranslated(several.stderr)).toEqual([]);

    const artifact = join(work, 'rfm.tierpkg.tgz');
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    let build: Run;
    try {
      build = await run([
        'build',
        'policies/seed004-rfm.tier.yaml',
        '--out',
        artifact,
        '--sign',
        join(work, 'release.key.pem'),
      ]);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    expect(build.code, build.stderr).toBe(0);
    // Git is a product's name, as Excel is
    const ids = ['seed004-rfm', 'rfm', 'Git'];
    expect(untranslated(build.stdout.replace(/sha256:[0-9a-f]+/g, ' '), [...ids, ...UNITS])).toEqual([]);

    for (const key of [[], ['--key', join(work, 'release.pub.pem')]]) {
      const verify = await run(['verify', artifact, ...key]);
      expect(verify.code, verify.stderr).toBe(0);
      expect(untranslated(verify.stdout.replace(/sha256:[0-9a-f]+/g, ' '), ids)).toEqual([]);
    }
  });

  it.each([
    ['a required option missing', ['calibrate', ...DATA], '错误：未指定必需的选项'],
    ['an unknown option', ['check', '--colour'], '错误：未知选项'],
    ['an invalid choice', ['eval', '--policy', POLICY, ...DATA, '--format', 'xml'], '错误：选项'],
    ['a value its parser refuses', ['simulate', '--policy', POLICY, ...DATA, '--workers', '0'], '错误：选项'],
    [
      'an allowance it cannot read',
      ['simulate', '--policy', POLICY, ...DATA, '--allow-untiered', 'most'],
      '错误：选项',
    ],
    ['a required argument missing', ['verify'], '错误：缺少必需的参数'],
    ['too many arguments', ['verify', 'a.tgz', 'b.tgz'], '错误：'],
    ['options that exclude each other', ['fmt', '--check', '--stdout'], '错误：选项'],
    ['an unknown command', ['evaluate'], '错误：未知命令'],
    ['an option without its value', ['check', '--format'], '错误：选项'],
  ])("commander's error for %s, exit 2", async (_, args, start) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(start), r.stderr).toBe(true);
    expect(untranslated(typed(r.stderr), ['artifact', 'verify', 'eval', 'evaluate', 'xml', 'most'])).toEqual(
      [],
    );
  });

  it.each([
    [[]],
    ...COMMANDS.map((c) => [[c]]),
    [['data', 'profile']],
    [['token', 'create']],
    [['registry', 'verify']],
    [['override', 'propose']],
  ])('help of tierwise %s: headings and descriptions', async (command) => {
    const r = await run([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法： tierwise/);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).not.toMatch(/\[options\]|\[command\]|Usage:|Options:|Commands:|Arguments:/);
    const names = [
      ...COMMANDS,
      'profile',
      'create',
      'list',
      'revoke',
      'verify',
      'id',
      'help',
      'paths',
      'old',
      'new',
      'artifact',
      'V',
      // tierwise override's subcommands
      'propose',
      'approve',
      'reject',
      'withdraw',
      'show',
    ];
    expect(untranslated(typed(r.stdout), names)).toEqual([]);
    // wrapped between Chinese characters too, counting each as two columns of the terminal
    const columns = (line: string) =>
      [...line].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
    expect(lines(r.stdout).filter((line) => columns(line) > 80)).toEqual([]);
  });
});

describe('the CLI in English', () => {
  it('says 1 customer, 1 row and 1 transaction', async () => {
    const customers = readFileSync('examples/data/customers.csv', 'utf8').split('\n');
    const transactions = readFileSync('examples/data/transactions.csv', 'utf8').split('\n');
    const id = customers[1]!.split(',')[0]!;
    writeFileSync(join(dir, 'one.csv'), `${customers[0]}\n${customers[1]}\n`);
    writeFileSync(
      join(dir, 'one-tx.csv'),
      `${transactions[0]}\n${transactions.find((l) => l.startsWith(`${id},2026-`))}\n`,
    );
    const r = await tierwiseInProcess([
      'eval',
      '--policy',
      POLICY,
      '--data',
      join(dir, 'one.csv'),
      '--transactions',
      join(dir, 'one-tx.csv'),
      ...AS_OF,
      '--allow-untiered',
      'all',
    ]);
    expect(r.stderr).toContain(
      'evaluated 1 customer from 1 row; 1 transaction; as of 2026-11-01 (Asia/Shanghai)',
    );
  });

  it('is the default, and what a --lang en overrides $TIERWISE_LANG with', async () => {
    const english = await tierwiseInProcess(['calibrate', '--data', 'x.csv']);
    expect(english.stderr).toBe("error: required option '--policy <file>' not specified\n");
    process.env.TIERWISE_LANG = 'zh-CN';
    const flag = await tierwiseInProcess(['calibrate', '--data', 'x.csv', '--lang', 'en']);
    expect(flag.stderr).toBe("error: required option '--policy <file>' not specified\n");
    expect(flag.code).toBe(2);
  });

  it('keeps commander’s wording, with its suggestion', async () => {
    const r = await tierwiseInProcess(['check', '--deny-warning']);
    expect(r.stderr).toBe("error: unknown option '--deny-warning'\n(Did you mean --deny-warnings?)\n");
    const choice = await tierwiseInProcess(['check', '--lang', 'fr']);
    expect(choice.stderr).toBe(
      "error: option '--lang <language>' argument 'fr' is invalid. Allowed choices are en, zh-CN.\n",
    );
  });
});

describe('the language of a command line, before it is parsed', () => {
  it('is the last valid --lang, else $TIERWISE_LANG, else English', () => {
    expect(argvLanguage(['eval', '--lang', 'zh-CN'], {})).toBe('zh-CN');
    expect(argvLanguage(['eval', '--lang=zh-CN', '--lang', 'en'], { TIERWISE_LANG: 'zh-CN' })).toBe('en');
    expect(argvLanguage(['eval', '--lang', 'fr'], { TIERWISE_LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(argvLanguage(['eval'], {})).toBe('en');
    expect(argvLanguage(['eval', '--', '--lang', 'zh-CN'], {})).toBe('en');
  });
});
