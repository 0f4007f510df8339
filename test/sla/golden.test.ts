import { describe, expect, it } from 'vitest';
import { BUNDLED_CALENDARS } from '../../src/calendar/bundled.js';
import type { Calendar } from '../../src/calendar/types.js';
import { calendarVersion } from '../../src/calendar/versions.js';
import type { Sla } from '../../src/policy/schema/service.js';
import { dueTimes } from '../../src/sla/due.js';

/**
 * The golden table of docs/sla.md: each case's due times worked by hand on the calendar's hours
 * (Mon–Fri 09:00–12:00 and 13:00–18:00 for cn-mainland). Change a row only with the docs.
 */
const VIP: Sla = {
  response: { channel: 'phone', availability: '24x7' },
  resolution: { within: 'PT4H', onNonWorkingDays: 'PT2H' },
};
const GOLD: Sla = { response: { within: 'PT8H' }, resolution: { within: 'PT24H' } };
const WALL: Sla = { response: { within: 'PT24H', clock: 'elapsed' }, resolution: { within: 'PT8H' } };

const cn = BUNDLED_CALENDARS.find((c) => c.id === 'cn-mainland') as Calendar;
/** The same calendar edited after tickets opened: 2025-10-09 closed as well. */
const cnEdited: Calendar = { ...cn, version: '2026.2', holidays: [...cn.holidays, { from: '2025-10-09' }] };
const berlin: Calendar = {
  id: 'de-berlin',
  version: '1',
  timeZone: 'Europe/Berlin',
  years: [2025],
  weeklyHours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: [],
  workdays: [],
};
const versions = [cn, cnEdited, berlin];

interface Case {
  name: string;
  tier: string;
  sla: Sla;
  opened: string;
  calendar: string;
  pauses?: { from: string; to: string }[];
  closures?: string[];
  response?: string;
  resolution?: string;
}

const GOLDEN: Case[] = [
  {
    name: 'opened outside hours (Tuesday 20:00)',
    tier: 'gold',
    sla: GOLD,
    opened: '2025-03-04T20:00+08:00',
    calendar: 'cn-mainland@2026.1',
    response: '2025-03-05T18:00:00+08:00',
    resolution: '2025-03-07T18:00:00+08:00',
  },
  {
    name: 'a business unit closure on top',
    tier: 'gold',
    sla: GOLD,
    opened: '2025-03-04T20:00+08:00',
    calendar: 'cn-mainland@2026.1',
    closures: ['2025-03-05'],
    response: '2025-03-06T18:00:00+08:00',
    resolution: '2025-03-10T18:00:00+08:00',
  },
  {
    name: '00:00 on a holiday, VIP (2 h rule)',
    tier: 'vip',
    sla: VIP,
    opened: '2025-10-01T00:00+08:00',
    calendar: 'cn-mainland@2026.1',
    resolution: '2025-10-01T02:00:00+08:00',
  },
  {
    name: '00:00 on a holiday, business time',
    tier: 'gold',
    sla: GOLD,
    opened: '2025-10-01T00:00+08:00',
    calendar: 'cn-mainland@2026.1',
    response: '2025-10-09T18:00:00+08:00',
    resolution: '2025-10-11T18:00:00+08:00',
  },
  {
    name: 'on a make-up Saturday (调休)',
    tier: 'vip',
    sla: VIP,
    opened: '2025-10-11T10:00+08:00',
    calendar: 'cn-mainland@2026.1',
    resolution: '2025-10-11T15:00:00+08:00',
  },
  {
    name: 'the day before a long holiday',
    tier: 'vip',
    sla: VIP,
    opened: '2025-09-30T17:00+08:00',
    calendar: 'cn-mainland@2026.1',
    resolution: '2025-10-09T12:00:00+08:00',
  },
  {
    // 2026: Friday 13 February 17:00–18:00 is one hour; Saturday 14 February is a make-up working
    // day before the Spring Festival (15–23 February), whose morning gives the other three.
    name: 'the Friday before the 2026 Spring Festival, due on its make-up Saturday',
    tier: 'vip',
    sla: VIP,
    opened: '2026-02-13T17:00+08:00',
    calendar: 'cn-mainland@2026.1',
    resolution: '2026-02-14T12:00:00+08:00',
  },
  {
    // The last working hour before the holiday, then the holiday and the weekend after it:
    // Monday 23 February is still Spring Festival, so the ticket is due Tuesday 24 February.
    name: 'the make-up Saturday before the 2026 Spring Festival, after hours',
    tier: 'vip',
    sla: VIP,
    opened: '2026-02-14T17:00+08:00',
    calendar: 'cn-mainland@2026.1',
    resolution: '2026-02-24T12:00:00+08:00',
  },
  {
    name: 'across the spring DST change, business time',
    tier: 'gold',
    sla: GOLD,
    opened: '2025-03-28T16:00+01:00',
    calendar: 'de-berlin@1',
    response: '2025-03-31T16:00:00+02:00',
    resolution: '2025-04-02T16:00:00+02:00',
  },
  {
    name: 'across the spring DST change, elapsed time',
    tier: 'wall',
    sla: WALL,
    opened: '2025-03-29T12:00+01:00',
    calendar: 'de-berlin@1',
    response: '2025-03-30T13:00:00+02:00',
    resolution: '2025-03-31T17:00:00+02:00',
  },
  {
    name: 'across the autumn DST change, elapsed time',
    tier: 'wall',
    sla: WALL,
    opened: '2025-10-25T12:00+02:00',
    calendar: 'de-berlin@1',
    response: '2025-10-26T11:00:00+01:00',
    resolution: '2025-10-27T17:00:00+01:00',
  },
  {
    name: 'a pause (waiting for the customer)',
    tier: 'gold',
    sla: GOLD,
    opened: '2025-03-04T10:00+08:00',
    calendar: 'cn-mainland@2026.1',
    pauses: [{ from: '2025-03-04T11:00+08:00', to: '2025-03-04T15:00+08:00' }],
    response: '2025-03-05T14:00:00+08:00',
    resolution: '2025-03-07T14:00:00+08:00',
  },
  {
    name: 'calendar edited after opening: the ticket keeps 2026.1',
    tier: 'vip',
    sla: VIP,
    opened: '2025-09-30T17:00+08:00',
    calendar: 'cn-mainland@2026.1',
    resolution: '2025-10-09T12:00:00+08:00',
  },
  {
    name: 'calendar edited: a ticket opened on 2026.2',
    tier: 'vip',
    sla: VIP,
    opened: '2025-09-30T17:00+08:00',
    calendar: 'cn-mainland@2026.2',
    resolution: '2025-10-10T12:00:00+08:00',
  },
];

function run(c: Case) {
  const [id = '', version = ''] = c.calendar.split('@');
  const picked = calendarVersion(versions, id, version);
  if (!('calendar' in picked)) throw new Error(picked.diagnostic.message);
  return dueTimes({
    sla: c.sla,
    tier: c.tier,
    opened: c.opened,
    pauses: c.pauses,
    closures: c.closures,
    calendar: picked.calendar,
  });
}

describe('SLA due times: the golden table', () => {
  for (const c of GOLDEN) {
    it(c.name, () => {
      const result = run(c);
      expect(result.diagnostics).toEqual([]);
      expect(result.answer?.response?.due).toBe(c.response);
      expect(result.answer?.resolution?.due).toBe(c.resolution);
      expect(result.answer?.calendar.version).toBe(c.calendar.split('@')[1]);
    });
  }

  it('says when seed 004’s non-working-day target chose the due time', () => {
    const result = run(GOLDEN[2] as Case);
    expect(result.answer?.startedOnWorkingDay).toBe(false);
    expect(result.answer?.resolution).toMatchObject({
      within: 'PT2H',
      clock: 'elapsed',
      rule: 'onNonWorkingDays',
    });
  });

  it('refuses a ticket opened in a year the calendar does not cover (TW1401)', () => {
    const result = dueTimes({ sla: GOLD, tier: 'gold', opened: '2027-01-04T10:00+08:00', calendar: cn });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW1401']);
  });

  it('refuses a due time that walks into an uncovered year (TW1401)', () => {
    const result = dueTimes({ sla: GOLD, tier: 'gold', opened: '2026-12-31T17:00+08:00', calendar: cn });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW1401', 'TW1401']);
    expect(result.diagnostics[0]?.message).toContain('2027-01-01');
  });

  it('refuses an instant without an offset and a pause that ends before it starts (TW1403)', () => {
    expect(
      dueTimes({ sla: GOLD, tier: 'gold', opened: '2025-03-04T10:00', calendar: cn }).diagnostics[0]?.code,
    ).toBe('TW1403');
    const backwards = dueTimes({
      sla: GOLD,
      tier: 'gold',
      opened: '2025-03-04T10:00+08:00',
      pauses: [{ from: '2025-03-04T12:00+08:00', to: '2025-03-04T11:00+08:00' }],
      calendar: cn,
    });
    expect(backwards.diagnostics[0]?.code).toBe('TW1403');
  });

  it('refuses a target in months (TW1406) and a tier without targets (TW1404)', () => {
    expect(
      dueTimes({
        sla: { resolution: { within: 'P1M' } },
        tier: 'x',
        opened: '2025-03-04T10:00+08:00',
        calendar: cn,
      }).diagnostics[0]?.code,
    ).toBe('TW1406');
    expect(
      dueTimes({ sla: {}, tier: 'x', opened: '2025-03-04T10:00+08:00', calendar: cn }).diagnostics[0]?.code,
    ).toBe('TW1404');
  });

  it('refuses a calendar that never opens (TW1402)', () => {
    const closed: Calendar = { ...berlin, weeklyHours: {}, years: [2025, 2026] };
    expect(
      dueTimes({ sla: GOLD, tier: 'gold', opened: '2025-03-04T10:00+01:00', calendar: closed }).diagnostics[0]
        ?.code,
    ).toBe('TW1402');
  });
});
