import { describe, expect, it } from 'vitest';
import { cadenceDays, nthDay, periodOf, stepOf } from '../../src/plan/steps.js';
import { day, formatDay } from './fixture.js';

const days = (list: number[]) => list.map(formatDay);

describe('stepping a cadence from the last rating', () => {
  it('counts each contact from the rating, so month ends clamp without drifting', () => {
    const monthly = stepOf('P1M')!;
    expect([1, 2, 3, 4].map((k) => formatDay(nthDay(day('2025-01-31'), monthly, k)))).toEqual([
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
    ]);
    expect(formatDay(nthDay(day('2024-01-31'), monthly, 1))).toBe('2024-02-29');
    expect(formatDay(nthDay(day('2024-11-30'), stepOf('P3M')!, 1))).toBe('2025-02-28');
  });

  it('steps weeks and days, and rounds time parts up to a day', () => {
    expect(stepOf('P2W')).toEqual({ months: 0, days: 14 });
    expect(stepOf('PT36H')).toEqual({ months: 0, days: 2 });
    expect(stepOf('P1Y')).toEqual({ months: 12, days: 0 });
    expect(stepOf('P0D')).toBeUndefined();
    expect(stepOf('monthly')).toBeUndefined();
  });

  it('lists the days from the window (less its slack) to before its end, never the rating itself', () => {
    const monthly = stepOf('P1M')!;
    expect(days(cadenceDays(day('2025-07-11'), monthly, day('2025-09-15'), day('2025-12-11'), 0))).toEqual([
      '2025-10-11',
      '2025-11-11',
    ]);
    expect(days(cadenceDays(day('2025-09-15'), monthly, day('2025-09-15'), day('2025-10-16'), 0))).toEqual([
      '2025-10-15',
    ]);
    // a rating years back starts the search near the window, with the same days
    const old = cadenceDays(day('2015-03-31'), monthly, day('2025-09-01'), day('2025-12-01'), 0);
    expect(days(old)).toEqual(['2025-09-30', '2025-10-31', '2025-11-30']);
  });

  it('gives consecutive contacts different periods, for event ids that survive a re-rating', () => {
    const monthly = stepOf('P1M')!;
    const dues = [1, 2, 3, 4, 5, 6].map((k) => nthDay(day('2025-01-31'), monthly, k));
    expect(new Set(dues.map((d) => periodOf(d, monthly))).size).toBe(6);
    expect(periodOf(day('2025-10-03'), monthly)).toBe(periodOf(day('2025-10-28'), monthly));
    const fortnight = stepOf('P2W')!;
    const two = [1, 2, 3].map((k) => periodOf(nthDay(day('2025-01-01'), fortnight, k), fortnight));
    expect(new Set(two).size).toBe(3);
  });
});
