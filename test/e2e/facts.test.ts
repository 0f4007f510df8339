import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

let dir: string;
const FACTS = `facts:
  customerId: { type: string, key: true, column: 客户编号, label: { zh-CN: 客户编号, en: Customer id } }
  contact: { type: string, pii: true, column: 联系人, label: { zh-CN: 联系人, en: Contact } }
  company: { type: string, column: 客户名称 }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true, aggregate: sum, of: amount, window: P12M, label: { zh-CN: 近12个月消费, en: 12-month spend } }
  lastDays: { type: integer, unit: days, min: 0, aggregate: daysSinceLast }
sources:
  transactions: { customer: 客户编号, date: 交易日期, fields: { amount: { column: 金额 } } }
`;
const TIERED = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: fx, version: 1.0.0 }
${FACTS}dimensions:
  value:
    weight: 100
    metrics: { spend12m: { weight: 100, missing: { points: 0 }, score: { linear: { from: 0, to: 1000000 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, minScore: 50 }
    - { id: watch }
`;
const TIERLESS = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: fx-facts, version: 1.0.0 }
${FACTS}classifiers:
  size:
    rules:
      - { id: big, when: { fact: spend12m, operator: greaterThanInclusive, value: 100000 } }
    otherwise: { id: small }
`;

const path = (name: string) => join(dir, name);
const TX = ['--as-of', '2026-11-01'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-facts-'));
  writeFileSync(path('p.tier.yaml'), TIERED);
  writeFileSync(path('facts.tier.yaml'), TIERLESS);
  writeFileSync(
    path('customers.csv'),
    '客户编号,联系人,客户名称\nC1,张三丰,=HYPERLINK("http://x")\nC2,李四,北方机械\nC3,王五,南方贸易\n',
  );
  // C9 buys but is not in the customer file; the log names C2 before C1.
  writeFileSync(
    path('log.csv'),
    '客户编号,交易日期,金额\nC2,2026-03-01,900000\nC1,2026-05-01,1000.5\nC9,2026-06-01,20\nC2,2026-10-01,100000\n',
  );
});

describe('tierwise facts', () => {
  it('writes every customer’s facts as CSV, key first, personal data masked, formulas guarded (built CLI)', () => {
    const run = tierwise([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--data',
      path('customers.csv'),
      '--transactions',
      path('log.csv'),
      ...TX,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\r\n')).toEqual([
      'customerId,contact,company,spend12m,lastDays',
      `C1,张**,"'=HYPERLINK(""http://x"")",1000.5,184`,
      'C2,李*,北方机械,1000000,31',
      'C3,王*,南方贸易,0,',
      '',
    ]);
    expect(run.stderr).toContain('facts of 3 customers (5 facts each) from 3 rows');
  });

  it('writes NDJSON and JSON with null for a missing value', async () => {
    const base = ['facts', '--policy', path('p.tier.yaml'), '--data', path('customers.csv'), ...TX];
    const ndjson = await inProcess([...base, '--format', 'ndjson']);
    expect(ndjson.code, ndjson.stderr).toBe(0);
    const lines = ndjson.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      customerId: 'C1',
      contact: '张**',
      company: '=HYPERLINK("http://x")',
      spend12m: null,
      lastDays: null,
    });
    expect(ndjson.stderr).toContain('(streamed)');
    const json = await inProcess([...base, '--format', 'json', '--transactions', path('log.csv')]);
    const doc = JSON.parse(json.stdout);
    expect(doc.asOf).toBe('2026-11-01');
    expect(doc.facts.map((f: { id: string }) => f.id)).toEqual([
      'customerId',
      'contact',
      'company',
      'spend12m',
      'lastDays',
    ]);
    expect(doc.customers[2]).toEqual({
      customerId: 'C3',
      contact: '王*',
      company: '南方贸易',
      spend12m: 0,
      lastDays: null,
    });
  });

  it('names the CSV columns by label in --lang with --labels', async () => {
    const run = await inProcess([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--data',
      path('customers.csv'),
      '--labels',
      '--lang',
      'zh-CN',
      ...TX,
    ]);
    expect(run.stdout.split('\r\n')[0]).toBe('客户编号,联系人,company,近12个月消费,lastDays');
  });

  it('writes --out atomically with a BOM, and leaves it as it was when the run fails', async () => {
    const out = path('facts.csv');
    const ok = await inProcess([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--data',
      path('customers.csv'),
      '--out',
      out,
      ...TX,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('');
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFFcustomerId,')).toBe(true);
    expect(ok.stderr).toContain(out);
    writeFileSync(path('bad.csv'), '客户编号,联系人,客户名称\nC1,张三,甲\n,李四,乙\n');
    const failed = await inProcess([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--data',
      path('bad.csv'),
      '--on-error',
      'fail',
      '--out',
      out,
      ...TX,
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('TW0605');
    expect(readFileSync(out, 'utf8')).toBe(written);
  });

  it('takes the customers from the log alone, in the order it first names them', async () => {
    const run = await inProcess([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--transactions',
      path('log.csv'),
      ...TX,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\r\n').slice(1, 4)).toEqual([
      'C2,,,1000000,31',
      'C1,,,1000.5,184',
      'C9,,,20,153',
    ]);
    expect(run.stderr).toContain('info[TW0641]');
    expect(run.stderr).toContain('the column facts contact, company have no values');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const run = await inProcess([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--transactions',
      path('log.csv'),
      '--lang',
      'zh-CN',
      ...TX,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('没有客户文件：客户取自交易记录');
    expect(run.stderr).toContain('已写出 3 位客户的事实（每位 5 项）');
  });

  it('exits 1 for a --customer the data does not have, after writing the ones it has', async () => {
    const run = await inProcess([
      'facts',
      '--policy',
      path('p.tier.yaml'),
      '--data',
      path('customers.csv'),
      '--customer',
      'C2',
      'C404',
      ...TX,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\r\n').slice(1, -1)).toEqual(['C2,李*,北方机械,,']);
    expect(run.stderr).toContain('error[TW0642]: no customer C404');
  });

  it('refuses bad input with a usage error: no data at all, a bad as-of, a bad format, a missing file', async () => {
    const policy = ['--policy', path('p.tier.yaml')];
    const none = await inProcess(['facts', ...policy, ...TX]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error[TW0640]');
    expect(
      (await inProcess(['facts', ...policy, '--data', path('customers.csv'), '--as-of', '2026-02-30'])).code,
    ).toBe(2);
    expect(
      (await inProcess(['facts', ...policy, '--data', path('customers.csv'), '--format', 'table'])).code,
    ).toBe(2);
    const missing = await inProcess(['facts', ...policy, '--data', path('nope.csv'), ...TX]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TW0601');
  });
});

describe('eval --facts', () => {
  const base = () => [
    'eval',
    '--policy',
    path('p.tier.yaml'),
    '--data',
    path('customers.csv'),
    '--transactions',
    path('log.csv'),
    ...TX,
  ];

  it('adds every fact but the key to each CSV row as facts.<id>, masked the same way', async () => {
    const run = await inProcess([...base(), '--format', 'csv', '--facts']);
    expect(run.code, run.stderr).toBe(0);
    const [header, first] = run.stdout.split('\r\n');
    expect(header!.endsWith(',problems,facts.contact,facts.company,facts.spend12m,facts.lastDays')).toBe(
      true,
    );
    expect(first!.endsWith(`,张**,"'=HYPERLINK(""http://x"")",1000.5,184`)).toBe(true);
    const without = await inProcess([...base(), '--format', 'csv']);
    expect(without.stdout.split('\r\n')[0]).not.toContain('facts.');
  });

  it('nests them under facts in NDJSON, streamed or not', async () => {
    const run = await inProcess([
      'eval',
      '--policy',
      path('p.tier.yaml'),
      '--data',
      path('customers.csv'),
      ...TX,
      '--format',
      'ndjson',
      '--facts',
    ]);
    // Without the log spend12m is missing: its missing-value rule gives 0 points, so everyone is 'watch'.
    expect(run.code, run.stderr).toBe(0);
    const first = JSON.parse(run.stdout.split('\n')[0]!);
    expect(first.facts).toEqual({
      contact: '张**',
      company: '=HYPERLINK("http://x")',
      spend12m: null,
      lastDays: null,
    });
  });

  it('is a usage error with a table or --summary', async () => {
    expect((await inProcess([...base(), '--facts'])).code).toBe(2);
    expect((await inProcess([...base(), '--format', 'csv', '--summary', '--facts'])).code).toBe(2);
  });

  it('evaluates the customers of the log alone when --data is left out', async () => {
    const run = await inProcess([
      'eval',
      '--policy',
      path('p.tier.yaml'),
      '--transactions',
      path('log.csv'),
      ...TX,
      '--format',
      'ndjson',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).customer),
    ).toEqual(['C2', 'C1', 'C9']);
  });
});

describe('a policy without tiers', () => {
  const data = () => ['--data', path('customers.csv'), '--transactions', path('log.csv'), ...TX];

  it('checks with an info and exit 0 (built CLI)', () => {
    const run = tierwise(['check', path('facts.tier.yaml')]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('info[TW0323]');
  });

  it('exports its facts', async () => {
    const run = await inProcess(['facts', '--policy', path('facts.tier.yaml'), ...data()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\r\n')).toHaveLength(5);
  });

  it('evaluates to classes and no tier, and exits 0: no one counts as untiered', async () => {
    const run = await inProcess([
      'eval',
      '--policy',
      path('facts.tier.yaml'),
      ...data(),
      '--format',
      'ndjson',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const results = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results.map((r) => [r.customer, r.tier, r.classes.size])).toEqual([
      ['C1', undefined, ['small']],
      ['C2', undefined, ['big']],
      ['C3', undefined, ['small']],
    ]);
    expect(run.stderr).not.toContain('TW0702');
    expect(run.stderr).not.toContain('TW0704');
    const table = await inProcess(['eval', '--policy', path('facts.tier.yaml'), ...data()]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).not.toMatch(/tier/i);
  });

  it('is tested by its classes, and built into an artifact that facts reads', async () => {
    writeFileSync(
      path('facts.test.yaml'),
      `policy: ./facts.tier.yaml
cases:
  - name: a big spender is big, and has no tier
    facts: { customerId: T1, spend12m: 250000 }
    expect:
      classes: { size: big }
`,
    );
    const test = await inProcess(['test', path('facts.test.yaml')]);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    const artifact = path('facts.tierpkg.tgz');
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    let build: Awaited<ReturnType<typeof inProcess>>;
    try {
      build = await inProcess(['build', path('facts.tier.yaml'), '--out', artifact]);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    expect(build.code, build.stderr).toBe(0);
    const run = await inProcess(['facts', '--policy', artifact, ...data(), '--format', 'ndjson']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('is refused by simulate, diff and calibrate with TW0320 (exit 1)', async () => {
    const simulate = await inProcess(['simulate', '--policy', path('facts.tier.yaml'), ...data()]);
    expect(simulate.code).toBe(1);
    expect(simulate.stderr).toContain('error[TW0320]');
    const diff = await inProcess([
      'diff',
      '--from',
      path('p.tier.yaml'),
      '--to',
      path('facts.tier.yaml'),
      ...data(),
    ]);
    expect(diff.code).toBe(1);
    expect(diff.stderr).toContain('error[TW0320]');
    const calibrate = await inProcess(['calibrate', '--policy', path('facts.tier.yaml'), ...data()]);
    expect(calibrate.code).toBe(1);
    expect(calibrate.stderr).toContain('error[TW0320]');
  });
});

describe('--data optional with --transactions', () => {
  it('is a usage error (TW0640) on every population command when neither is given', async () => {
    for (const command of [
      ['eval', '--policy', path('p.tier.yaml')],
      ['simulate', '--policy', path('p.tier.yaml')],
      ['calibrate', '--policy', path('p.tier.yaml')],
      ['data', 'profile', '--policy', path('p.tier.yaml')],
    ]) {
      const run = await inProcess([...command, ...TX]);
      expect(run.code, command.join(' ')).toBe(2);
      expect(run.stderr, command.join(' ')).toContain('TW0640');
    }
  });

  it('lets simulate and data profile read the customers from the log', async () => {
    const simulate = await inProcess([
      'simulate',
      '--policy',
      path('p.tier.yaml'),
      '--transactions',
      path('log.csv'),
      ...TX,
      '--format',
      'json',
    ]);
    expect(simulate.code, simulate.stderr).toBe(0);
    const simulation = JSON.parse(simulate.stdout);
    expect(simulation.customers).toBe(3);
    expect(simulation.data).toEqual({ transactions: path('log.csv') });
    const profile = await inProcess([
      'data',
      'profile',
      '--policy',
      path('p.tier.yaml'),
      '--transactions',
      path('log.csv'),
      ...TX,
      '--format',
      'json',
    ]);
    expect(profile.code, profile.stderr).toBe(0);
  });
});
