import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUNDLED = [
  'data',
  'profile',
  '--policy',
  'policies/seed004-scorecard.tier.yaml',
  '--data',
  'examples/data/customers.csv',
  '--transactions',
  'examples/data/transactions.csv',
  '--as-of',
  '2026-11-01',
];

describe('tierwise data profile', () => {
  it('profiles the bundled data end to end, as JSON', async () => {
    const run = tierwise([...BUNDLED, '--format', 'json']);
    expect(run.code).toBe(0);
    const profile = JSON.parse(run.stdout);
    expect(profile.rows).toMatchObject({ read: 3000, customers: 3000, malformed: 0 });
    expect(profile.asOf).toEqual({
      date: '2026-11-01',
      instant: '2026-11-01T23:59:59.999+08:00',
      timezone: 'Asia/Shanghai',
    });
    // The generator leaves 联系方式 empty in 2 rows and 新需求数量 in 3 (examples/generator/quirks.ts).
    const phone = profile.columns.find((c: { column: string }) => c.column === '联系方式');
    expect([phone.filled, phone.empty, phone.invalid]).toEqual([2998, 2, 0]);
    expect(profile.columns.find((c: { column: string }) => c.column === '新需求数量').empty).toBe(3);
    // The planted twin: the same company under two ids with one phone number.
    expect(profile.phones.groups[0].members.map((m: { key: string }) => m.key)).toEqual([
      'C2024003',
      'C2024004',
    ]);
    // Phones are written 138-0000-7571 in the file; none appears unmasked.
    expect(run.stdout).not.toMatch(/1[3-9]\d-\d{4}-\d{4}|"1[3-9]\d{9}"/);
    // The tiers are eval's, and stale customers are exactly those the policy's dormant trigger flags.
    const tiers = profile.coverage.tiers.map((t: { customers: number }) => t.customers);
    const summary = await inProcess(['eval', ...BUNDLED.slice(2), '--summary']);
    const fromEval = ['vip', 'key', 'standard', 'watch'].map((id) =>
      Number(new RegExp(`\\[${id}\\]\\s+([\\d,]+)`).exec(summary.stdout)![1]!.replace(/,/g, '')),
    );
    expect(tiers).toEqual(fromEval);
    const dormant = profile.coverage.rules.find((r: { id: string }) => r.id === 'dormant');
    expect(profile.stale.stale).toBe(dormant.holds);
    expect(run.stderr).toContain(
      'profiled 3,000 customers from 3,000 rows; as of 2026-11-01 (Asia/Shanghai)',
    );
    // Piped stderr gets no progress bar.
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\u001b[');
  });

  it('writes an html page and a Chinese table', async () => {
    const out = join(dir, 'profile.html');
    const html = await inProcess([...BUNDLED, '--format', 'html', '--lang', 'zh-CN', '--out', out]);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe('');
    expect(html.stderr).toContain(`已写入 ${out}（html，`);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<h2>映射列完整度</h2>');
    expect(page).toContain('C2024003');
    const table = await inProcess([
      'data',
      'profile',
      '--policy',
      'policies/seed003-value-activity.tier.yaml',
      '--data',
      'examples/data/customers.csv',
      '--transactions',
      'examples/data/transactions.csv',
      '--as-of',
      '2026-11-01',
      '--lang',
      'zh-CN',
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('== 矩阵单元格 ==');
    expect(table.stdout).toContain('== 长期无活动客户 ==');
  });

  it('refuses bad options with exit 2', async () => {
    const months = await inProcess([...BUNDLED, '--stale-months', '0']);
    expect(months.code).toBe(2);
    const fact = await inProcess([...BUNDLED, '--name-fact', 'nope']);
    expect(fact.code).toBe(2);
    expect(fact.stderr).toContain('TW0850');
    const missing = await inProcess([
      'data',
      'profile',
      '--policy',
      'policies/seed004-scorecard.tier.yaml',
      '--data',
      'nope.csv',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TW0601');
  });
});
