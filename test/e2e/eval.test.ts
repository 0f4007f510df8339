import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

let dir: string;
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: ev, version: 1.0.0, labels: { zh-CN: 测试, en: Test } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  contact: { type: string, pii: true, column: 联系人 }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true, label: { zh-CN: 近12个月消费, en: 12-month spend }, column: 近12个月消费金额, from: transactions, aggregate: sum, of: amount, window: P12M }
  lastDays: { type: integer, unit: days, min: 0, aggregate: daysSinceLast }
sources:
  transactions: { customer: 客户编号, date: 交易日期, fields: { amount: { column: 金额 } } }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend12m: { weight: 100, score: { linear: { from: 0, to: 1000000 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 50, entitlements: { discountQuota: '10%' } }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
rerating:
  triggers:
    - id: dormant
      label: { zh-CN: 沉睡, en: Dormant }
      when: { fact: lastDays, operator: greaterThanInclusive, value: 90 }
      then: { flag: churn-warning }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-eval-'));
  writeFileSync(join(dir, 'p.tier.yaml'), POLICY);
  writeFileSync(
    join(dir, 'customers.csv'),
    '客户编号,联系人,近12个月消费金额\nC1,张三,"800,000"\nC2,李四,abc\nC3,13812345678,100000\n',
  );
  writeFileSync(
    join(dir, 'tx.csv'),
    '客户编号,交易日期,金额\nC1,2024-01-15,500000\nC1,2024-02-20,300000\nC3,2023-10-01,100000\n',
  );
});

// C2's spend cannot be read, so C2 gets no tier: allowed here, as the bad row is what is tested.
const EVAL = () => [
  'eval',
  '--policy',
  join(dir, 'p.tier.yaml'),
  '--data',
  join(dir, 'customers.csv'),
  '--allow-untiered',
  '1',
];
const run = (...args: string[]) => tierwise([...EVAL(), ...args]);
const runInProcess = (...args: string[]) => inProcess([...EVAL(), ...args]);

describe('tierwise eval', () => {
  it('evaluates precomputed columns, reports the bad row by row and column, and prints the distribution', () => {
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^C1\s+VIP\s+80$/m);
    expect(r.stdout).toMatch(/^C3\s+Watch\s+10$/m);
    // Three customers, a third each: the shares shown add up to 100.0% (largest remainder).
    expect(r.stdout).toMatch(/^VIP \[vip\]\s+1\s+33\.4%\s+800,000\s+88\.9%/m);
    expect(r.stdout).toMatch(/^total\s+3\s+100\.0%\s+900,000\s+100\.0%$/m);
    expect(r.stderr).toContain(`--> ${join(dir, 'customers.csv')} row 3, column 近12个月消费金额`);
    expect(r.stderr).toContain('expected an amount in CNY such as 1234.5');
    expect(r.stderr).toContain('evaluated 3 customers from 3 rows');
  });

  // In process: the run above already covers the binary's streams and exit status for eval.
  it('--summary honours --format: csv, json and ndjson as well as the table', async () => {
    const csv = await runInProcess('--summary', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'tier,tier_zh,tier_en,customers,share_percent,revenue,revenue_share_percent,average_score',
    );
    expect(csv.stdout).toContain('\r\nvip,VIP客户,VIP,1,33.4,800000,88.9,80\r\n');
    const json = JSON.parse((await runInProcess('--summary', '--format', 'json')).stdout);
    expect(json).toMatchObject({ customers: 3, untiered: 1, revenue: 900000, currency: 'CNY' });
    const ndjson = (await runInProcess('--summary', '--format', 'ndjson')).stdout.trimEnd().split('\n');
    expect(ndjson.map((l) => JSON.parse(l).tier)).toEqual(['vip', 'watch', null]);
    const zh = (await runInProcess('--summary', '--lang', 'zh-CN')).stdout;
    expect(zh).toMatch(/^VIP客户 \[vip\]\s+1\s+33\.4%/m);
    expect(zh).toMatch(/^合计\s+3\s+100\.0%/m);
  });

  it('computes facts from a transaction log as of a date, with explanations that mask personal data', async () => {
    const r = await runInProcess(
      '--transactions',
      join(dir, 'tx.csv'),
      '--as-of',
      '2024-03-01',
      '--explain',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      asOf: string;
      customers: {
        customer: string;
        tier: string;
        flags: string[];
        facts: Record<string, unknown>;
        explanation: string[];
      }[];
    };
    expect(report.asOf).toBe('2024-03-01');
    const [c1, , c3] = report.customers;
    expect(c1!.tier).toBe('vip');
    expect(c1!.facts.contact).toBe('张*');
    expect(c3!.flags).toEqual(['churn-warning']);
    expect(c3!.facts.contact).toBe('138****5678');
    expect(r.stdout).not.toContain('13812345678');
    expect(r.stdout).not.toContain('张三');
    expect(c3!.explanation).toContain('  to move up: +39.5 points for VIP: 12-month spend ≥ 495,000 CNY');
  });

  it('stops at the first bad row with --on-error fail, and drops it with skip', async () => {
    const fail = await runInProcess('--on-error', 'fail');
    expect(fail.code).toBe(1);
    expect(fail.stdout).toBe('');
    const skip = await runInProcess('--on-error', 'skip', '--format', 'ndjson');
    expect(skip.code).toBe(0);
    expect(
      skip.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { customer: string }).customer),
    ).toEqual(['C1', 'C3']);
    expect(skip.stderr).toContain('1 row skipped: TW0603 ×1');
  });

  it('writes CSV atomically to --out, and only the customers asked for', async () => {
    const out = join(dir, 'out.csv');
    const r = await runInProcess('--out', out, '--format', 'csv', '--customer', 'C1', 'C3');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    // The policy has no company-name fact: the name column is there, empty.
    expect(text.startsWith('\uFEFFcustomer,name,tier,tier_zh,tier_en,score')).toBe(true);
    expect(text).toContain('C1,,vip,VIP客户,VIP,80');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('refuses a broken policy with its diagnostics and a missing data file with exit 2', async () => {
    const bad = join(dir, 'bad.tier.yaml');
    writeFileSync(bad, POLICY.replace('weight: 100\n    label', 'weight: 90\n    label'));
    const r = await inProcess(['eval', '--policy', bad, '--data', join(dir, 'customers.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TW0203');
    expect((await runInProcess('--transactions', join(dir, 'nope.csv'))).code).toBe(2);
  });
});

describe('eval engines', () => {
  it('gives the same results, explanations included, on the compiled (default) and the reference engine', async () => {
    const args = [
      '--transactions',
      join(dir, 'tx.csv'),
      '--as-of',
      '2024-03-01',
      '--explain',
      '--format',
      'json',
    ];
    const compiled = await runInProcess(...args);
    const reference = await runInProcess(...args, '--engine', 'reference');
    expect(compiled.code).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(reference.stdout));
  });
});
