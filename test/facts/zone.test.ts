import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../src/facts/calendar.js';
import { isTimeZone, ZoneCalendar, zoneCalendar } from '../../src/facts/zone.js';

/** Fixed, so that a failure reproduces; modest, so that the suite stays quick. */
const RUNS = { seed: 20240310, numRuns: 100 };

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // DST of 30 minutes
  'Asia/Kolkata', // offset of 5:30
  'America/Santiago', // DST starts at midnight: some days begin at 01:00
  'Pacific/Apia', // skipped 2011-12-30 entirely
  'UTC',
];

describe('ZoneCalendar.dayOf', () => {
  it('gives the zone-local calendar day luxon gives, for any instant, in any order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2035, 0, 1) }), { maxLength: 50 }),
        (zone, instants) => {
          const calendar = new ZoneCalendar(zone);
          for (const at of instants) {
            expect(formatDay(calendar.dayOf(at))).toBe(DateTime.fromMillis(at, { zone }).toISODate());
          }
        },
      ),
      RUNS,
    );
  });

  it('is exact to the millisecond around a DST change (New York, 2024-03-10 02:00 EST → 03:00 EDT)', () => {
    const ny = new ZoneCalendar('America/New_York');
    const change = Date.parse('2024-03-10T07:00:00Z');
    expect(ny.offsetAt(change - 1)).toBe(-5 * 3_600_000);
    expect(ny.offsetAt(change)).toBe(-4 * 3_600_000);
    // 23:59:59.999 EDT on Mar 10 is 03:59:59.999Z on Mar 11, the same UTC day as other instants.
    expect(formatDay(ny.dayOf(Date.parse('2024-03-11T03:59:59.999Z')))).toBe('2024-03-10');
    expect(formatDay(ny.dayOf(Date.parse('2024-03-11T04:00:00.000Z')))).toBe('2024-03-11');
  });

  it('puts 23:30 in Shanghai on that day although it is 15:30 UTC', () => {
    const shanghai = new ZoneCalendar('Asia/Shanghai');
    expect(formatDay(shanghai.dayOf(Date.parse('2024-03-01T23:30:00+08:00')))).toBe('2024-03-01');
    expect(formatDay(shanghai.dayOf(Date.parse('2024-03-01T16:00:00Z')))).toBe('2024-03-02');
  });
});

describe('ZoneCalendar day edges', () => {
  it('gives the first and last millisecond of a local day', () => {
    const ny = new ZoneCalendar('America/New_York');
    const day = dayNumber(2024, 3, 10);
    expect(ny.startOfDay(day)).toBe(Date.parse('2024-03-10T00:00:00-05:00'));
    // A 23-hour day.
    expect(ny.endOfDay(day) + 1 - ny.startOfDay(day)).toBe(23 * 3_600_000);
    expect(ny.endOfDay(dayNumber(2024, 11, 3)) + 1 - ny.startOfDay(dayNumber(2024, 11, 3))).toBe(
      25 * 3_600_000,
    );
  });

  it('starts every day where luxon starts it, changes of offset included (1968–1971, 2016–2026)', () => {
    // Every day, not a sample: the fast path must step aside on exactly the days around a change.
    for (const zone of [...ZONES, 'America/Havana', 'Asia/Tehran', 'Europe/Lisbon', 'Africa/Casablanca']) {
      const calendar = new ZoneCalendar(zone);
      for (const [from, to] of [
        [dayNumber(1968, 1, 1), dayNumber(1971, 12, 31)],
        [dayNumber(2016, 1, 1), dayNumber(2026, 12, 31)],
      ] as const)
        for (let day = from; day <= to; day++) {
          const expected = DateTime.fromISO(formatDay(day), { zone }).toMillis();
          if (calendar.startOfDay(day) !== expected) expect([zone, formatDay(day)]).toBe(expected);
        }
    }
  });

  it('places a change at UTC midnight in the day it starts (London, 1968-02-18)', () => {
    // British Standard Time began 1968-02-18 at 02:00 GMT; probe the instants either side of a
    // change wherever it falls, against luxon.
    const london = new ZoneCalendar('Europe/London');
    const change = Date.parse('1968-02-18T02:00:00Z');
    for (const at of [change - 1, change, change + 1, Date.parse('1968-02-18T00:00:00Z') - 1])
      expect(london.offsetAt(at)).toBe(DateTime.fromMillis(at, { zone: 'Europe/London' }).offset * 60_000);
  });

  it('starts a day whose midnight does not exist at its first wall time', () => {
    // Chile moved clocks from 2022-09-11 00:00 to 01:00.
    const santiago = new ZoneCalendar('America/Santiago');
    expect(santiago.startOfDate(2022, 9, 11)).toBe(Date.parse('2022-09-11T01:00:00-03:00'));
  });

  it('shares one calendar (and its offset cache) per zone', () => {
    expect(zoneCalendar('Asia/Shanghai')).toBe(zoneCalendar('Asia/Shanghai'));
    expect(zoneCalendar('UTC')).not.toBe(zoneCalendar('Asia/Shanghai'));
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('remembers a valid zone, and asks again about an invalid one', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
