import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilDate,
  DAY_MS,
  dayNumber,
  daysInMonth,
  firstDayOfMonth,
  formatDay,
  formatMonth,
  isRealDate,
  monthOfDay,
} from '../../src/facts/calendar.js';

/** Fixed, so that a failure reproduces; modest, so that the suite stays quick. */
const RUNS = { seed: 20240229, numRuns: 200 };

describe('day numbers', () => {
  it('count days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2024, 3, 1)).toBe(Date.UTC(2024, 2, 1) / DAY_MS);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
  });

  it('agree with Date.UTC and round-trip through civilDate and monthOfDay', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const date = new Date(day * DAY_MS);
        const civil = civilDate(day);
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(dayNumber(civil.year, civil.month, civil.day)).toBe(day);
        expect(monthOfDay(day)).toBe(civil.year * 12 + civil.month - 1);
      }),
      RUNS,
    );
  });

  it('know month lengths, leap years included', () => {
    expect(daysInMonth(2024 * 12 + 1)).toBe(29);
    expect(daysInMonth(2023 * 12 + 1)).toBe(28);
    expect(daysInMonth(1900 * 12 + 1)).toBe(28);
    expect(daysInMonth(2000 * 12 + 1)).toBe(29);
    expect(daysInMonth(2024 * 12 + 11)).toBe(31);
    expect(firstDayOfMonth(2024 * 12 + 2)).toBe(dayNumber(2024, 3, 1));
  });

  it('tell real dates from impossible ones', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2024, 4, 31)).toBe(false);
    expect(isRealDate(2024, 13, 1)).toBe(false);
    expect(isRealDate(2024, 1, 0)).toBe(false);
  });

  it('format as ISO dates and months', () => {
    expect(formatDay(dayNumber(2024, 3, 1))).toBe('2024-03-01');
    expect(formatMonth(2024 * 12 + 2)).toBe('2024-03');
    expect(formatMonth(2023 * 12 + 11)).toBe('2023-12');
  });
});
