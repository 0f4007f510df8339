import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

/** Hostile customer files and logs through the real commands (issue 12). */

let dir: string;
const at = (name: string) => join(dir, name);

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: hostile, version: 1.0.0, labels: { zh-CN: 测试, en: Test } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  contact: { type: string, pii: true, column: 联系人 }
  phone: { type: string, pii: true, column: 电话 }
  repurchaseRate: { type: number, unit: percent, min: 0, max: 100, column: 复购率 }
  industryGrowth: { type: number, unit: percent, min: -100, column: 行业增速 }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true, column: 近12个月消费金额 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 100, score: { linear: { from: 0, to: 1000000 } }, missing: { points: 0 } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

const LOG_POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: hostile-log, version: 1.0.0, labels: { zh-CN: 测试, en: Test } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true, from: transactions, aggregate: sum, of: amount, window: P12M }
sources:
  transactions: { customer: 客户编号, date: 交易日期, fields: { amount: { column: 金额 } } }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend12m: { weight: 100, score: { linear: { from: 0, to: 1000000 } }, missing: { points: 0 } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

const HEADER = '客户编号,联系人,电话,复购率,行业增速,近12个月消费金额';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-hostile-data-'));
  writeFileSync(at('p.tier.yaml'), POLICY);
  writeFileSync(at('log.tier.yaml'), LOG_POLICY);
  writeFileSync(
    at('pii.ndjson'),
    [
      '{"客户编号":"C1","联系人":"李四","电话":"13900000000","复购率":50,"行业增速":3,"近12个月消费金额":800000}',
      '{"客户编号":"C2","联系人": 张三丰,"电话":"13812345678","近12个月消费金额":100}',
      '',
    ].join('\n'),
  );
  const rows = ['C1,李四,139,50,3,800000', 'C2,王五,138,20,1,100000', 'C3,赵六,137,30,2,600000'];
  writeFileSync(at('mac.csv'), `${[HEADER, ...rows].join('\r')}\r`);
  writeFileSync(
    at('domain.csv'),
    `${[HEADER, 'C1,李四,139,850,3,800000', 'C2,王五,138,20,-500,900000', 'C3,赵六,137,30,2,600000'].join('\n')}\n`,
  );
  writeFileSync(at('ok.csv'), `${[HEADER, ...rows].join('\n')}\n`);
  writeFileSync(at('customers.csv'), '客户编号\nC1\nC2\n');
  writeFileSync(
    at('tx.csv'),
    '客户编号,交易日期,金额\nC1,2024-01-15,900000\nC1,2024-02-20,-99999999\nC2,2024-02-01,800000\n',
  );
  const deep = `{"客户编号":"C2","近12个月消费金额":5,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  writeFileSync(at('deep.ndjson'), `{"客户编号":"C1","近12个月消费金额":5}\n${deep}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PII = ['张三丰', '张', '13812345678', '3812345678', '812345678'];

describe('personal data in a JSON syntax error', () => {
  it.each([
    ['eval', ['eval', '--policy']],
    ['simulate', ['simulate', '--policy']],
    ['data profile', ['data', 'profile', '--policy']],
  ])('%s says line and column, never the text around the error', async (name, command) => {
    // Before: "Unexpected token '张', …"联系人": 张三丰,"电话":"13812345…" is not valid JSON".
    for (const lang of ['en', 'zh-CN']) {
      const args = [...command, at('p.tier.yaml'), '--data', at('pii.ndjson'), '--lang', lang];
      // One run through the built binary; the rest in this process, which is the same code.
      const run = name === 'eval' && lang === 'en' ? tierwise(args) : await inProcess(args);
      expect(run.code).not.toBe(70);
      const output = run.stdout + run.stderr;
      for (const pii of PII) expect(output).not.toContain(pii);
      expect(output).not.toContain('Unexpected token');
      expect(run.stderr).toContain('TW0606');
      expect(run.stderr).toContain(lang === 'en' ? 'at column 21' : '第 21 个字符');
    }
  });
});

describe('NDJSON nested 100,000 levels deep', () => {
  // Through the built binary: the stack it would overflow is the process's.
  it('is a skipped row (TW0630), not a stack overflow', () => {
    // Before: exit 70, "RangeError: Maximum call stack size exceeded" and a stack trace.
    const run = tierwise(['eval', '--policy', at('p.tier.yaml'), '--data', at('deep.ndjson')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('error[TW0630]');
    expect(run.stderr).toContain('more than 64 levels deep');
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
    expect(run.stdout).toContain('C1');
  });
});

describe('a CSV whose lines end in CR alone', () => {
  it('evaluates every customer, as the same file with LF does', async () => {
    // Before: the whole file was one header line: 0 customers, or a missing column.
    const mac = await inProcess([
      'eval',
      '--policy',
      at('p.tier.yaml'),
      '--data',
      at('mac.csv'),
      '--format',
      'json',
    ]);
    const unix = await inProcess([
      'eval',
      '--policy',
      at('p.tier.yaml'),
      '--data',
      at('ok.csv'),
      '--format',
      'json',
    ]);
    expect(mac.code).toBe(0);
    expect(mac.stderr).toContain('evaluated 3 customers from 3 rows');
    const tiers = (out: string) =>
      (JSON.parse(out).customers as { customer: string; tier: string }[]).map((r) => [r.customer, r.tier]);
    expect(tiers(mac.stdout)).toEqual(tiers(unix.stdout));
    expect(tiers(mac.stdout)).toHaveLength(3);
  });
});

describe('declared min and max', () => {
  it('a cell outside is TW0631 and left missing; --on-error skip drops the row, fail stops', async () => {
    const base = ['eval', '--policy', at('p.tier.yaml'), '--data', at('domain.csv')];
    const report = await inProcess(base);
    expect(report.stderr).toContain(
      'error[TW0631]: repurchaseRate: 850 is above 100, the largest value the fact declares (max)',
    );
    expect(report.stderr).toContain(
      'error[TW0631]: industryGrowth: -500 is below -100, the smallest value the fact declares (min)',
    );
    expect(report.stderr).toContain('domain.csv row 2, column 复购率');
    const skip = await inProcess([...base, '--on-error', 'skip', '--format', 'json']);
    expect(skip.stderr).toContain('2 rows skipped: TW0631 ×2');
    expect(JSON.parse(skip.stdout).customers.map((r: { customer: string }) => r.customer)).toEqual(['C3']);
    const fail = await inProcess([...base, '--on-error', 'fail']);
    expect(fail.code).toBe(1);
  });

  it('a transaction that takes an aggregate out of its domain is TW0632 naming the log row, and is no revenue', async () => {
    // Before: spend12m −99,099,999 (min 0) was evaluated and summed as revenue.
    const args = [
      'simulate',
      '--policy',
      at('log.tier.yaml'),
      '--data',
      at('customers.csv'),
      '--transactions',
      at('tx.csv'),
      '--as-of',
      '2024-03-01',
      '--format',
      'json',
    ];
    const run = await inProcess(args);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'error[TW0632]: customer C1: spend12m, computed from the transaction log, -99099999 is below 0',
    );
    expect(run.stderr).toContain('tx.csv row 3');
    const report = JSON.parse(run.stdout);
    expect(report.transactionsSummary.byCode).toEqual({ TW0632: 1 });
    expect(report.tiers.map((t: { tier: string; revenue: number }) => [t.tier, t.revenue])).toEqual([
      ['vip', 800000],
      ['watch', 0],
    ]);
    const fail = await inProcess([...args, '--on-error', 'fail']);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('TW0632');
    // The DuckDB engine reports the same, and stops the same way.
    const duck = await inProcess([...args, '--engine', 'duckdb']);
    expect(duck.code).toBe(0);
    expect(duck.stderr).toContain('evaluated on DuckDB');
    expect(duck.stderr).toContain(
      'error[TW0632]: customer C1: spend12m, computed from the transaction log, -99099999 is below 0',
    );
    expect(duck.stderr).toContain('tx.csv row 3');
    expect(JSON.parse(duck.stdout)).toEqual(report);
    const duckFail = await inProcess([...args, '--engine', 'duckdb', '--on-error', 'fail']);
    expect(duckFail.code).toBe(1);
    expect(duckFail.stderr).toContain('TW0632');
  });
});

describe('--transactions naming a file that cannot be read', () => {
  it.each([
    ['eval', ['eval', '--policy']],
    ['simulate', ['simulate', '--policy']],
    ['data profile', ['data', 'profile', '--policy']],
  ])('%s stops with TW0601 and exit 2 though the policy aggregates nothing', async (name, command) => {
    // Before: the option was ignored and the run exited 0.
    const run = await (name === 'eval' ? tierwise : inProcess)([
      ...command,
      at('p.tier.yaml'),
      '--data',
      at('ok.csv'),
      '--transactions',
      at('nope.csv'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[TW0601]: the file cannot be read: the file does not exist');
    expect(run.stderr).toContain('nope.csv');
  });
});
