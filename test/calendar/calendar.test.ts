import { describe, expect, it } from 'vitest';
import { BUNDLED_CALENDARS } from '../../src/calendar/bundled.js';
import { indexCalendar, isWorkingDay } from '../../src/calendar/days.js';
import { checkCalendar, parseCalendar } from '../../src/calendar/read.js';
import { formatInstant, parseLocalDate } from '../../src/calendar/zone.js';

const cn = BUNDLED_CALENDARS.find((c) => c.id === 'cn-mainland');

describe('business calendars', () => {
  it('ships cn-mainland valid against the calendar schema, with its notices', () => {
    expect(cn).toBeDefined();
    expect(checkCalendar(cn).diagnostics).toEqual([]);
    expect(cn?.years).toEqual([2024, 2025, 2026]);
    expect(cn?.version).toBe('2026.1');
    expect(cn?.sources?.map((s) => s.title)).toEqual([
      '国务院办公厅关于2024年部分节假日安排的通知',
      '国务院办公厅关于2025年部分节假日安排的通知',
      '国务院办公厅关于2026年部分节假日安排的通知',
    ]);
  });

  it('reads holidays and make-up working days (调休) as the notices state them', () => {
    const index = indexCalendar(cn!);
    const working = (d: string) => isWorkingDay(index, parseLocalDate(d));
    // 2025: Spring Festival 1/28–2/4, worked Sun 1/26 and Sat 2/8; National Day 10/1–10/8, worked 9/28 and 10/11
    expect(['2025-01-28', '2025-02-04', '2025-10-08', '2025-05-05', '2025-06-02'].map(working)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].map(working)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    // 2026 (notice of 2025-11-04): every holiday day is closed, every make-up weekend day open
    const closed2026 = [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ];
    expect(closed2026.filter(working)).toEqual([]);
    expect(
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].map(working),
    ).toEqual([true, true, true, true, true, true]);
    // The working days either side of the long holidays stay working days.
    expect(['2026-02-13', '2026-02-24', '2026-09-30', '2026-10-08', '2026-10-09'].map(working)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    // 2024: worked Sun 2/4 and Sun 2/18, Sun 4/7, Sun 4/28 and Sat 5/11, Sat 9/14, Sun 9/29 and Sat 10/12
    expect(
      [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ].every(working),
    ).toBe(true);
    expect(['2024-01-01', '2024-02-16', '2024-06-10', '2024-09-16', '2024-10-07'].some(working)).toBe(false);
    expect(working('2025-03-08')).toBe(false); // an ordinary Saturday
  });

  it('adds a business unit’s own closures', () => {
    const index = indexCalendar(cn!, ['2025-03-05']);
    expect(isWorkingDay(index, parseLocalDate('2025-03-05'))).toBe(false);
  });

  it('places schema findings at line and column of the file', () => {
    const text =
      '{\n  "id": "x",\n  "version": "1",\n  "timeZone": "Asia/Shanghai",\n  "years": [2025],\n  "weeklyHours": { "mon": [["9am", "18:00"]] },\n  "holidays": [],\n  "workdays": []\n}\n';
    const { diagnostics } = parseCalendar(text, 'cal.json');
    expect(diagnostics[0]).toMatchObject({ file: 'cal.json', pointer: '/weeklyHours/mon/0/0' });
    expect(diagnostics[0]?.range?.start.line).toBe(6);
  });

  it('refuses an unknown time zone (TW1400)', () => {
    const { diagnostics } = checkCalendar({ ...cn, timeZone: 'Mars/Olympus' });
    expect(diagnostics[0]?.code).toBe('TW1400');
  });

  it('writes instants with the zone’s offset on each side of a DST change', () => {
    expect(formatInstant('Europe/Berlin', Date.parse('2025-03-30T00:30:00Z'))).toBe(
      '2025-03-30T01:30:00+01:00',
    );
    expect(formatInstant('Europe/Berlin', Date.parse('2025-03-30T01:30:00Z'))).toBe(
      '2025-03-30T03:30:00+02:00',
    );
    expect(formatInstant('Asia/Shanghai', Date.parse('2025-10-09T04:00:00Z'))).toBe(
      '2025-10-09T12:00:00+08:00',
    );
  });
});
