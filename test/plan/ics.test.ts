import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fileNames, icsFiles } from '../../src/plan/ics.js';
import { servicePlan } from '../../src/plan/plan.js';
import { planWindow } from '../../src/plan/window.js';
import { day, held, seed004Policy } from './fixture.js';

async function files(language: 'en' | 'zh-CN') {
  const policy = await seed004Policy();
  const window = planWindow('2025-09-15', 'P3M', 'Asia/Shanghai') as { from: number; until: number };
  const { plan } = servicePlan({
    policy,
    states: [
      held('C2024001', 'vip', '2025-07-01', { manager: 'mgr-wang' }),
      held('C2024004', 'key', '2025-08-31', {
        manager: 'mgr-wang',
        graceTier: 'standard',
        graceUntil: day('2025-11-30'),
      }),
      held('C2024003', 'watch', '2025-06-30'),
    ],
    ...window,
    horizon: 'P3M',
  });
  const made = icsFiles(plan!, language, Date.parse('2025-09-15T00:00:00Z'));
  if (made instanceof Error) throw made;
  return made;
}

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('the iCalendar file of each account manager', () => {
  it('holds all-day events with a stable UID, a bilingual SUMMARY, the customer id and the tier', async () => {
    const made = await files('en');
    expect(made.map((f) => [f.manager, f.file])).toEqual([
      ['mgr-wang', 'mgr-wang.ics'],
      ['unassigned', 'unassigned.ics'],
    ]);
    const wang = made[0]!.text;
    expect(wang).toContain('\r\nX-WR-CALNAME:Service plan mgr-wang · seed004-scorecard (Asia/Shanghai)\r\n');
    const parsed = events(wang);
    const visit = parsed.find((e) => e.summary.startsWith('Executive visit'))!;
    expect(visit.summary).toBe('Executive visit (高层拜访) · C2024001');
    expect(visit.startDate.isDate).toBe(true);
    expect(visit.startDate.toString()).toBe('2025-10-09');
    expect(visit.endDate.toString()).toBe('2025-10-10');
    expect(visit.uid).toMatch(/^[0-9a-f]{32}@tierwise$/);
    expect(visit.description).toContain('Customer: C2024001');
    expect(visit.description).toContain('Due 2025-10-01, moved to the next working day');
    expect(visit.description).toContain('Asia/Shanghai');
    expect(visit.component.getFirstPropertyValue('categories')).toBe('vip');
    expect(wang).toMatch(/\r\nDTSTART;VALUE=DATE:20251009\r\n/);
    expect(wang).toContain('DTSTAMP:20250915T000000Z');
    expect(parsed.map((e) => e.startDate.toString())).toEqual([
      '2025-09-30',
      '2025-10-01',
      '2025-10-09',
      '2025-10-31',
      '2025-11-30',
      '2025-12-01',
    ]);
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(parsed.length);
    // the same plan made again: the same ids, so a calendar updates its events instead of adding
    const again = events((await files('en'))[0]!.text);
    expect(again.map((e) => e.uid)).toEqual(parsed.map((e) => e.uid));
  });

  it('writes the SUMMARY in --lang first, the other language after it', async () => {
    const made = await files('zh-CN');
    const visit = events(made[0]!.text).find((e) => e.summary.startsWith('高层拜访'))!;
    expect(visit.summary).toBe('高层拜访 (Executive visit) · C2024001');
    expect(visit.description).toContain('客户：C2024001');
    const grace = events(made[0]!.text).find((e) => e.summary.startsWith('宽限期结束'))!;
    expect(grace.description).toContain('可能降至 standard');
  });
});

describe('the file name of a manager id', () => {
  it('keeps every name one plain segment of the directory, and two managers never share a file', () => {
    const ids = [
      '../x',
      'a/b',
      'a_b',
      '..',
      '',
      '.hidden',
      'C:\\evil',
      'CON',
      'Wang',
      'wang',
      '王芳',
      'mgr-li',
    ];
    const names = fileNames(ids);
    const files = ids.map((id) => names.get(id)!);
    for (const file of files) {
      expect(file).toMatch(/^[^./\\][^/\\]*\.ics$/);
      expect(file).not.toContain('..');
    }
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(ids.length);
    expect(names.get('王芳')).toBe('王芳.ics');
    expect(names.get('mgr-li')).toBe('mgr-li.ics');
    expect(names.get('../x')).toMatch(/^x-[0-9a-f]{8}\.ics$/);
  });
});
