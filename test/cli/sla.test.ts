import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CALENDARS } from '../../src/calendar/bundled.js';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

const POLICY = 'policies/seed004-quota.tier.yaml';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
  const code = await runCli(['sla', 'due', '--policy', POLICY, ...args], io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('tierwise sla due', () => {
  it('answers seed 004’s VIP the day before National Day, naming the calendar version', async () => {
    const { code, out } = await run('--tier', 'vip', '--opened', '2025-09-30T17:00+08:00');
    expect(code).toBe(0);
    expect(out).toContain('Resolution due 2025-10-09T12:00:00+08:00 (PT4H, business hours)');
    expect(out).toContain('cn-mainland version 2026.1');
  });

  it('gives JSON and Chinese, with pauses', async () => {
    const json = await run(
      '--tier',
      'key',
      '--opened',
      '2025-03-04T10:00+08:00',
      '--paused',
      '2025-03-04T11:00+08:00/2025-03-04T15:00+08:00',
      '--format',
      'json',
    );
    expect(JSON.parse(json.out).response.due).toBe('2025-03-05T14:00:00+08:00');
    const zh = await run('--tier', 'vip', '--opened', '2025-10-01T00:00+08:00', '--lang', 'zh-CN');
    expect(zh.out).toContain('解决截止 2025-10-01T02:00:00+08:00（PT2H，自然时间，非工作日时限）');
  });

  it('exits 1 for a year the calendar does not cover, 2 for a usage error', async () => {
    const uncovered = await run('--tier', 'vip', '--opened', '2027-10-01T10:00+08:00');
    expect(uncovered.code).toBe(1);
    expect(uncovered.err).toContain('TW1401');
    const tier = await run('--tier', 'nobody', '--opened', '2025-10-01T10:00+08:00');
    expect(tier.code).toBe(2);
    expect(tier.err).toContain('TW1405');
  });

  it('counts on a calendar file given with --calendar', async () => {
    const file = join(tmpdir(), `tierwise-sla-${process.pid}.json`);
    const cn = BUNDLED_CALENDARS[0]!;
    writeFileSync(
      file,
      JSON.stringify({ ...cn, version: 'bu-1', holidays: [...cn.holidays, { from: '2025-10-09' }] }),
    );
    const { code, out } = await run(
      '--tier',
      'vip',
      '--opened',
      '2025-09-30T17:00+08:00',
      '--calendar',
      file,
    );
    expect(code).toBe(0);
    expect(out).toContain('Resolution due 2025-10-10T12:00:00+08:00');
    expect(out).toContain('version bu-1');
  });

  it('refuses a calendar file that does not fit the format, at its line and column', async () => {
    const file = join(tmpdir(), `tierwise-sla-bad-${process.pid}.json`);
    writeFileSync(
      file,
      '{\n  "id": "x",\n  "version": "1",\n  "timeZone": "Asia/Shanghai",\n  "years": [2025],\n  "weeklyHours": { "mon": [["9am", "18:00"]] },\n  "holidays": [],\n  "workdays": []\n}\n',
    );
    const { code, err } = await run(
      '--tier',
      'vip',
      '--opened',
      '2025-09-30T17:00+08:00',
      '--calendar',
      file,
    );
    expect(code).toBe(2);
    expect(err).toContain(`${file}:6:`);
  });
});
