import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledSample } from '../helpers/sample-data.js';
import { tierwiseInProcess as inProcess } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const POLICY = ['--policy', 'policies/seed004-scorecard.tier.yaml'];
// Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1): the rules, not the scale.
const SAMPLE = bundledSample();
const DATA = ['--data', SAMPLE.customers, '--transactions', SAMPLE.transactions];
const CUSTOMERS = readFileSync(SAMPLE.customers, 'utf8').trimEnd().split('\n').length - 1;

interface Line {
  customer: string;
  run: string;
  tier?: string;
  events?: string;
}

describe('tierwise replay', () => {
  it('refuses months, spans and steps it cannot run, before reading anything (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['--from', '2024-13', '--to', '2025-01'], 'TW1440'],
      [['--from', '2025-06', '--to', '2025-01'], 'TW1441'],
      [['--from', '2025-01', '--to', '2025-06', '--every', 'P30D'], 'TW1442'],
      [['--from', '1900-01', '--to', '2025-06'], 'TW1443'],
    ];
    for (const [args, code] of cases) {
      const r = await inProcess(['replay', ...POLICY, ...DATA, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(code);
    }
    const missing = await inProcess(['replay', ...POLICY, ...DATA, '--from', '2025-01']);
    expect(missing.code).toBe(2);
    const several = await inProcess([
      'replay',
      ...POLICY,
      '--compare',
      'policies/seed004-quota.tier.yaml',
      ...DATA,
      '--from',
      '2025-01',
      '--to',
      '2025-02',
      '--out',
      join(dir, 'x.csv'),
    ]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('one --policy');
  });

  let full: { runs: { label: string; customers: number; churn: number }[] };
  it('replays 2025 month by month: seed 004 reviews every VIP quarterly, every other tier half-yearly', async () => {
    const timeline = join(dir, 'timeline.ndjson');
    const r = await inProcess([
      'replay',
      ...POLICY,
      ...DATA,
      '--from',
      '2025-01',
      '--to',
      '2025-12',
      '--format',
      'json',
      '--timeline',
      timeline,
      '--out',
      join(dir, 'full.csv'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `12 runs from 2025-01 to 2025-12 × ${CUSTOMERS.toLocaleString('en')} customers (${(12 * CUSTOMERS).toLocaleString('en')} customer-months)`,
    );
    full = JSON.parse(r.stdout).replays[0];
    expect(full.runs.map((x) => x.label)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(full.runs.every((x) => x.customers === CUSTOMERS)).toBe(true);
    const lines: Line[] = readFileSync(timeline, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12 * CUSTOMERS);
    // A review that no trigger asked for comes 3 runs after the last rating for a VIP, 6 for others.
    const gaps = { vip: new Set<number>(), other: new Set<number>() };
    const byCustomer = new Map<string, Line[]>();
    for (const line of lines) byCustomer.set(line.customer, [...(byCustomer.get(line.customer) ?? []), line]);
    for (const entries of byCustomer.values()) {
      let rated = -1;
      let held: string | undefined;
      entries.forEach((e, k) => {
        const events = (e.events ?? '').split('|');
        if (events.includes('reviewed') && !events.includes('triggered'))
          gaps[held === 'vip' ? 'vip' : 'other'].add(k - rated);
        if (events.some((x) => ['rated', 'upgrade', 'downgrade', 'reviewed'].includes(x))) rated = k;
        held = e.tier;
      });
    }
    expect([...gaps.vip]).toEqual([3]);
    expect([...gaps.other]).toEqual([6]);
  });

  it('a replay continued from its state (--out, then --state) ends where one replay ends', async () => {
    const half = join(dir, 'half.csv');
    const first = await inProcess([
      'replay',
      ...POLICY,
      ...DATA,
      '--from',
      '2025-01',
      '--to',
      '2025-06',
      '--out',
      half,
      '--format',
      'csv',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const second = await inProcess([
      'replay',
      ...POLICY,
      ...DATA,
      '--from',
      '2025-07',
      '--to',
      '2025-12',
      '--state',
      half,
      '--out',
      join(dir, 'continued.csv'),
      '--format',
      'json',
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(readFileSync(join(dir, 'continued.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'full.csv'), 'utf8'),
    );
    const continued = JSON.parse(second.stdout).replays[0];
    expect(continued.runs).toEqual(full.runs.slice(6));
  });

  it('compares two policies over the same data and says which is steadier, in Chinese too', async () => {
    const r = await inProcess([
      'replay',
      ...POLICY,
      '--policy',
      'policies/seed004-quota.tier.yaml',
      ...DATA,
      '--from',
      '2025-06',
      '--to',
      '2025-12',
      '--every',
      'P3M',
      '--format',
      'md',
      '--lang',
      'zh-CN',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# 重评回放：seed004-scorecard 1\.0\.0 · seed004-quota \d+\.\d+\.\d+$/m);
    expect(r.stdout).toContain('## 各次运行的变动率对比');
    expect(r.stdout).toMatch(/seed004-(scorecard|quota) \d+\.\d+\.\d+ 更稳定：平均变动率/);
    expect(r.stderr).toContain('已回放 seed004-quota ');
  });

  it('prints one customer’s timeline with --customer; an unknown one is a finding', async () => {
    const span = ['--from', '2025-10', '--to', '2025-12'];
    const r = await inProcess(['replay', ...POLICY, ...DATA, ...span, '--customer', 'C2012001']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Timeline of customer C2012001');
    expect(r.stdout.match(/^2025-1[0-2] {2}/gm)).toHaveLength(3);
    const unknown = await inProcess(['replay', ...POLICY, ...DATA, ...span, '--customer', 'NOBODY']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no customer NOBODY');
  });
});
