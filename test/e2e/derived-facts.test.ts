import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess } from './cli.js';

/** A CRM export's date column scored as "days since last purchase", lower is better. */
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: crm-recency, version: 1.0.0, labels: { zh-CN: 最近购买, en: Recency }, timezone: Asia/Shanghai }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  lastPurchase: { type: date, column: 最近购买日期, label: { zh-CN: 最近购买日期, en: Last purchase } }
  recency:
    type: integer
    unit: days
    label: { zh-CN: 距上次购买天数, en: Days since last purchase }
    expr: daysSince(lastPurchase)
dimensions:
  recency:
    weight: 100
    label: { zh-CN: 活跃度, en: Recency }
    metrics:
      recency: { weight: 100, score: { lowerIsBetter: { best: 0, worst: 100 } }, missing: { points: 0 } }
tiers:
  method: thresholds
  levels:
    - { id: active, label: { zh-CN: 活跃, en: Active }, minScore: 50 }
    - { id: dormant, label: { zh-CN: 沉睡, en: Dormant } }
`;

const CUSTOMERS = [
  '客户编号,最近购买日期',
  'C1,2024-03-01', // 0 days → 100
  'C2,2024-01-01', // 31 + 29 = 60 days → 40
  'C3,2023-11-22', // 100 days → 0
  'C4,2024-02-10T23:30:00+08:00', // 20 days → 80
  'C5,', // no date: recency missing → 0 points
  'C6,2024-02-29T16:30:00Z', // 2024-03-01 00:30 in Shanghai: 0 days → 100
  '',
].join('\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-derived-'));
  writeFileSync(join(dir, 'p.tier.yaml'), POLICY);
  writeFileSync(join(dir, 'customers.csv'), CUSTOMERS);
  writeFileSync(
    join(dir, 'bad.tier.yaml'),
    POLICY.replace('expr: daysSince(lastPurchase)', 'expr: daysSince(lastPurchse) + 1'),
  );
  writeFileSync(
    join(dir, 'bad-kind.tier.yaml'),
    POLICY.replace('expr: daysSince(lastPurchase)', 'expr: "lastPurchase + 1"'),
  );
});

// Every command here runs in this process: derived facts are the point, and each command keeps a
// test through the built binary elsewhere in test/e2e.
const evaluate = (...extra: string[]) =>
  tierwiseInProcess([
    'eval',
    '--policy',
    join(dir, 'p.tier.yaml'),
    '--data',
    join(dir, 'customers.csv'),
    '--as-of',
    '2024-03-01',
    '--format',
    'json',
    ...extra,
  ]);

interface Row {
  customer: string;
  tier?: string;
  score?: number;
  metrics?: { fact: string; value?: number }[];
}

describe('a CRM date column scored through a derived fact', () => {
  it('passes check', async () => {
    const run = await tierwiseInProcess(['check', join(dir, 'p.tier.yaml')]);
    expect(run.stderr + run.stdout).not.toMatch(/error/i);
    expect(run.code).toBe(0);
  });

  it('scores days since the last purchase, lower is better, on both engines alike', async () => {
    const compiled = await evaluate('--explain');
    const reference = await evaluate('--explain', '--engine', 'reference');
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(reference.code, reference.stderr).toBe(0);
    expect(compiled.stdout).toBe(reference.stdout);
    const rows = (JSON.parse(compiled.stdout) as { customers: Row[] }).customers;
    expect(rows.map((r) => [r.customer, r.score, r.tier])).toEqual([
      ['C1', 100, 'active'],
      ['C2', 40, 'dormant'],
      ['C3', 0, 'dormant'],
      ['C4', 80, 'active'],
      ['C5', 0, 'dormant'],
      ['C6', 100, 'active'],
    ]);
    expect(rows.map((r) => r.metrics?.find((m) => m.fact === 'recency')?.value)).toEqual([
      0,
      60,
      100,
      20,
      undefined,
      0,
    ]);
  });

  it('measures from the as-of given', async () => {
    const later = await tierwiseInProcess([
      'eval',
      '--policy',
      join(dir, 'p.tier.yaml'),
      '--data',
      join(dir, 'customers.csv'),
      '--as-of',
      '2024-03-11',
      '--format',
      'json',
    ]);
    expect(later.code, later.stderr).toBe(0);
    const rows = (JSON.parse(later.stdout) as { customers: Row[] }).customers;
    expect(rows.map((r) => r.score)).toEqual([90, 30, 0, 70, 0, 90]);
  });
});

describe('a bad expression', () => {
  it('is reported by check at its line:column inside the expression, exit code 1', async () => {
    const run = await tierwiseInProcess([
      'check',
      join(dir, 'bad.tier.yaml'),
      join(dir, 'bad-kind.tier.yaml'),
    ]);
    expect(run.code).toBe(1);
    const out = run.stdout + run.stderr;
    expect(out).toContain("error[TW0201]: unknown fact 'lastPurchse'");
    expect(out).toContain('bad.tier.yaml:11:21');
    expect(out).toContain("did you mean 'lastPurchase'?");
    // Inside a quoted expression too, with the way to write date arithmetic.
    expect(out).toContain('error[TW0223]');
    expect(out).toContain('bad-kind.tier.yaml:11:12');
    expect(out).toContain('daysSince(date)');
  });
});

describe('derived facts out', () => {
  it('tierwise facts writes them beside the facts read, and eval --facts adds them to each result', async () => {
    const exported = await tierwiseInProcess([
      'facts',
      '--policy',
      join(dir, 'p.tier.yaml'),
      '--data',
      join(dir, 'customers.csv'),
      '--as-of',
      '2024-03-01',
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = exported.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('customerId,lastPurchase,recency');
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['0', '60', '100', '20', '', '0']);
    const evaluated = await tierwiseInProcess([
      'eval',
      '--policy',
      join(dir, 'p.tier.yaml'),
      '--data',
      join(dir, 'customers.csv'),
      '--as-of',
      '2024-03-11',
      '--format',
      'ndjson',
      '--facts',
    ]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const rows = evaluated.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { facts: { recency: number | null } });
    // Measured from the run's as-of, ten days later.
    expect(rows.map((r) => r.facts.recency)).toEqual([10, 70, 110, 30, null, 10]);
  });
});

describe('tierwise test of a policy with derived facts', () => {
  it("measures from each test's asOf, and refuses a test without one", async () => {
    writeFileSync(
      join(dir, 'p.test.yaml'),
      [
        'policy: ./p.tier.yaml',
        'cases:',
        '  - name: ten days before the as-of',
        '    asOf: 2024-03-11',
        "    facts: { customerId: T1, lastPurchase: '2024-03-01' }",
        '    expect: { tier: active, score: 90 }',
        '  - name: no as-of',
        "    facts: { customerId: T2, lastPurchase: '2024-03-01' }",
        '    expect: { tier: active }',
        '',
      ].join('\n'),
    );
    const run = await tierwiseInProcess(['test', join(dir, 'p.test.yaml')]);
    expect(run.code).toBe(1);
    const out = run.stdout + run.stderr;
    expect(out).toMatch(/1 passed/);
    expect(out).toContain('TW0904');
    expect(out).toContain('the policy measures from the as-of');
  });
});

describe('a derived revenue fact', () => {
  it('is the revenue simulate and eval --summary report per tier', async () => {
    writeFileSync(
      join(dir, 'revenue.tier.yaml'),
      POLICY.replace(
        '    expr: daysSince(lastPurchase)\n',
        '    expr: daysSince(lastPurchase)\n  value: { type: number, unit: CNY, revenue: true, expr: "if(recency <= 30, 1000, 10)" }\n',
      ),
    );
    const args = ['--policy', join(dir, 'revenue.tier.yaml'), '--data', join(dir, 'customers.csv')];
    const simulated = await tierwiseInProcess([
      'simulate',
      ...args,
      '--as-of',
      '2024-03-01',
      '--format',
      'json',
    ]);
    expect(simulated.code, simulated.stderr).toBe(0);
    const tiers = (JSON.parse(simulated.stdout) as { tiers: { tier: string; revenue: number }[] }).tiers;
    // active: C1, C4, C6 within 30 days (3 × 1,000); dormant: C2 and C3 (2 × 10), and C5, whose
    // missing date leaves if(recency <= 30, …) without a value: no revenue, not a guess
    expect(tiers.map((t) => [t.tier, t.revenue])).toEqual([
      ['active', 3000],
      ['dormant', 20],
    ]);
    const summary = await tierwiseInProcess([
      'eval',
      ...args,
      '--as-of',
      '2024-03-01',
      '--summary',
      '--format',
      'json',
    ]);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('"revenue": 3000');
  });
});

describe('diff of policies with derived facts', () => {
  it("explains movers with the scores of the run's as-of", async () => {
    writeFileSync(join(dir, 'lower.tier.yaml'), POLICY.replace('worst: 100', 'worst: 200'));
    const run = await tierwiseInProcess([
      'diff',
      '--from',
      join(dir, 'p.tier.yaml'),
      '--to',
      join(dir, 'lower.tier.yaml'),
      '--data',
      join(dir, 'customers.csv'),
      '--as-of',
      '2024-03-01',
    ]);
    expect(run.code, run.stderr).toBe(0);
    // C2 is 60 days out on 2024-03-01: 40 points of 100 days, 70 of 200 — it moves up, and its
    // reason is measured on that day too (today it would be hundreds of days out: +0 points)
    expect(run.stdout).toMatch(/C2 .* up +score 40 → 70 \(Days since last purchase \+30 points\)/);
  });
});
