import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/facts/calendar.js';
import { dropStreak, dropStreakOf, SPEND_DROP_SHARE, wholeMonthsBetween } from '../../src/facts/monthly.js';

describe('dropStreak (seed 004: 连续2个月消费下降50% → re-rate)', () => {
  it('counts the latest months each at most half of the month before', () => {
    expect(SPEND_DROP_SHARE).toBe(0.5);
    expect(dropStreak([100, 50, 25])).toBe(2);
    expect(dropStreak([100, 100, 40, 20])).toBe(2);
    expect(dropStreak([100, 50, 25, 12.5, 6.25])).toBe(4);
    expect(dropStreak([100, 40])).toBe(1);
  });

  it('treats exactly half as a 50% fall, and a little more than half as none', () => {
    expect(dropStreak([200, 100])).toBe(1);
    expect(dropStreak([200, 100.01])).toBe(0);
  });

  it('stops at the first month that did not fall by half, counting from the latest', () => {
    expect(dropStreak([100, 40, 30])).toBe(0);
    expect(dropStreak([100, 40, 30, 10])).toBe(1);
    expect(dropStreak([100, 20, 300, 100])).toBe(1);
  });

  it('never counts a month after a month without spend: there was nothing to fall from', () => {
    expect(dropStreak([100, 0])).toBe(1);
    expect(dropStreak([100, 0, 0])).toBe(0);
    expect(dropStreak([0, 0, 0])).toBe(0);
    expect(dropStreak([])).toBe(0);
    expect(dropStreak([100])).toBe(0);
  });

  it('takes another share when a policy wants one', () => {
    expect(dropStreak([100, 75, 50], 0.3)).toBe(1);
    expect(dropStreak([100, 70, 49], 0.3)).toBe(2);
  });

  it('does not compare months before the first one it may read', () => {
    const spend = new Map([
      [10, 800],
      [11, 400],
      [12, 200],
    ]);
    expect(dropStreakOf((m) => spend.get(m) ?? 0, 10, 12)).toBe(2);
    expect(dropStreakOf((m) => spend.get(m) ?? 0, 11, 12)).toBe(1);
    expect(dropStreakOf((m) => spend.get(m) ?? 0, 12, 12)).toBe(0);
    expect(dropStreakOf((m) => spend.get(m) ?? 0, Number.NEGATIVE_INFINITY, 12)).toBe(2);
  });
});

describe('wholeMonthsBetween (seed 004: 3个月无消费 → churn warning)', () => {
  const months = (from: string, to: string) => {
    const day = (s: string) => dayNumber(...(s.split('-').map(Number) as [number, number, number]));
    return wholeMonthsBetween(day(from), day(to));
  };

  it('counts whole months elapsed, by calendar-month arithmetic', () => {
    expect(months('2024-03-01', '2024-03-31')).toBe(0);
    expect(months('2023-12-01', '2024-03-01')).toBe(3);
    expect(months('2023-12-02', '2024-03-01')).toBe(2);
    expect(months('2023-11-15', '2024-03-01')).toBe(3);
    expect(months('2023-03-01', '2024-03-01')).toBe(12);
  });

  it('clamps to the end of shorter months as luxon does', () => {
    expect(months('2024-01-31', '2024-02-29')).toBe(1);
    expect(months('2024-01-31', '2024-02-28')).toBe(0);
    expect(months('2023-01-31', '2023-02-28')).toBe(1);
    expect(months('2024-01-31', '2024-03-30')).toBe(1);
    expect(months('2024-01-31', '2024-03-31')).toBe(2);
    expect(months('2023-02-28', '2024-02-28')).toBe(12);
    expect(months('2024-02-29', '2025-02-28')).toBe(12);
  });

  it('is 0 the same day and month', () => {
    expect(months('2024-03-01', '2024-03-01')).toBe(0);
  });
});
