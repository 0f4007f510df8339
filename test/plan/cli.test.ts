import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess } from '../e2e/cli.js';

const POLICY = 'policies/seed004-scorecard.tier.yaml';
const dir = mkdtempSync(join(tmpdir(), 'tierwise-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A state as `tierwise rerate` writes it, for seed 004's scorecard, with hostile manager ids. */
const STATE = [
  'customer,tier,ratedAt,nextReview,score,graceTier,graceUntil,flags,manager,timezone',
  'C2024001,vip,2025-07-01,2025-10-01,92,,,,mgr-wang,Asia/Shanghai',
  'C2024002,key,2025-07-11,2026-01-11,75,,,,../x,Asia/Shanghai',
  'C2024003,watch,2025-06-30,2025-12-30,45,,,churn-warning,,Asia/Shanghai',
  'C2024004,key,2025-08-31,2026-02-28,68,standard,2025-11-30,,a/b,Asia/Shanghai',
  'C2024005,standard,2025-04-01,2025-10-01,55,,,,mgr-li,Asia/Shanghai',
].join('\n');

/** Rated late in 2026: its contacts fall in 2027, a year the bundled calendar does not cover. */
const LATE = [
  'customer,tier,ratedAt,nextReview,score,graceTier,graceUntil,flags,manager,timezone',
  'C2024002,key,2026-10-15,2027-04-15,75,,,,mgr-wang,Asia/Shanghai',
].join('\n');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

const plan = (...args: string[]) => tierwiseInProcess(['plan', '--policy', POLICY, ...args]);

describe('tierwise plan', () => {
  it('writes the plan as JSON and one .ics per manager inside --ics-dir, whatever the manager id', async () => {
    const state = file('state.csv', STATE);
    const ics = join(dir, 'ics');
    const out = join(dir, 'plan.json');
    const run = await plan(
      '--state',
      state,
      '--from',
      '2025-09-15',
      '--format',
      'json',
      '--out',
      out,
      '--ics-dir',
      ics,
    );
    expect(run.stderr).toContain('plan.json');
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({
      policy: 'seed004-scorecard',
      timezone: 'Asia/Shanghai',
      from: '2025-09-15',
    });
    expect(json.to).toBe('2025-12-14');
    expect(json.items[0]).toMatchObject({
      date: '2025-09-30',
      customer: 'C2024004',
      manager: 'a/b',
      tier: { id: 'key', label: { en: 'Key', 'zh-CN': '重点客户' } },
      kind: 'contact',
      action: { id: 'service-review', label: { en: 'Service review', 'zh-CN': '服务回顾' } },
    });
    const written = readdirSync(ics).sort();
    expect(written).toHaveLength(5);
    expect(written).toContain('mgr-wang.ics');
    expect(written).toContain('unassigned.ics');
    expect(written.filter((f) => /^(x|a_b)-[0-9a-f]{8}\.ics$/.test(f))).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(['ics', 'plan.json', 'state.csv']);
    const wang = readFileSync(join(ics, 'mgr-wang.ics'), 'utf8');
    expect(wang).toMatch(/DTSTART;VALUE=DATE:20251009\r\n/);
    expect(wang).toContain('SUMMARY:Executive visit (高层拜访) · C2024001');
  });

  it('prints a table in Chinese, and CSV', async () => {
    const state = file('state-zh.csv', STATE);
    const table = await plan('--state', state, '--from', '2025-09-15', '--lang', 'zh-CN');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('seed004-scorecard 的服务计划，2025-09-15 至 2025-12-14');
    expect(table.stdout).toMatch(
      /2025-10-09 +mgr-wang +C2024001 +VIP客户 +高层拜访 +on-site +应于 2025-10-01，顺延至工作日/,
    );
    const csv = await plan('--state', state, '--from', '2025-09-15', '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'date,customer,manager,tier,tierLabel,kind,action,label,channel,every,followUpWithin,due,graceTier,timezone',
    );
    expect(csv.stdout).toContain(
      '2025-11-30,C2024004,a/b,key,Key,grace-end,grace-ends,Grace ends,,,,2025-11-30,standard,Asia/Shanghai',
    );
  });

  it('reports a bad state row at its row and column, plans the others and exits 1', async () => {
    const state = file('bad.csv', `${STATE}\nC2024006,key,someday,,,,,,mgr-li,Asia/Shanghai`);
    const run = await plan('--state', state, '--from', '2025-09-15');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv row 7, column ratedAt/);
    expect(run.stderr).toContain('ratedAt');
    expect(run.stdout).toContain('C2024001');
  });

  it('exits 2 for an unreadable --from or state file, 1 for a year the calendar does not cover', async () => {
    const state = file('ok.csv', STATE);
    const from = await plan('--state', state, '--from', '2025-02-30');
    expect(from.code).toBe(2);
    expect(from.stderr).toContain('TW1451');
    const missing = await plan('--state', join(dir, 'none.csv'));
    expect(missing.code).toBe(2);
    const ics = join(dir, 'ics-2027');
    const uncovered = await plan('--state', file('late.csv', LATE), '--from', '2026-12-01', '--ics-dir', ics);
    expect(uncovered.code).toBe(1);
    expect(uncovered.stderr).toContain('TW1401');
    expect(uncovered.stdout).toBe('');
    expect(() => readdirSync(ics)).toThrow();
  });
});
