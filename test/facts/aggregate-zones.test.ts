import { describe, expect, it } from 'vitest';
import { evaluate, fact, tx } from './fixtures.js';

describe('calendar days are days of the policy zone', () => {
  it('puts a purchase at 23:30 in Shanghai on that day, though it is 15:30 UTC', () => {
    const history = [tx('2024-03-01T23:30:00+08:00'), tx('2024-03-02T00:30:00+08:00')];
    const facts = { days: fact('distinctDays'), recency: fact('daysSinceLast'), age: fact('daysSinceFirst') };
    expect(evaluate(facts, '2024-03-05', history, 'Asia/Shanghai')).toEqual({ days: 2, recency: 3, age: 4 });
    // The same two instants are 15:30 and 16:30 UTC, one day.
    expect(evaluate(facts, '2024-03-05', history, 'UTC')).toEqual({ days: 1, recency: 4, age: 4 });
  });

  /**
   * docs/facts.md, "Time zones": three purchases around New York's switch to daylight time on
   * 2024-03-10 (02:00 EST → 03:00 EDT), evaluated as of 2024-03-11 in New York and in Shanghai.
   */
  const AROUND_DST = [
    tx('2024-03-09T23:30:00-05:00'), // 04:30Z Mar 10; Mar 10 12:30 in Shanghai
    tx('2024-03-10T23:30:00-04:00'), // 03:30Z Mar 11; 23 hours later
    tx('2024-03-11T00:30:00-04:00'), // 04:30Z Mar 11; 1 hour later, next New York day
  ];
  const FACTS = {
    distinctDays: fact('distinctDays'),
    daysSinceFirst: fact('daysSinceFirst'),
    daysSinceLast: fact('daysSinceLast'),
    countP1D: fact('count', { window: 'P1D' }),
    countP2D: fact('count', { window: 'P2D' }),
    countPT24H: fact('count', { window: 'PT24H' }),
  };

  it('in New York across the DST change gives the documented day counts', () => {
    expect(evaluate(FACTS, '2024-03-11', AROUND_DST, 'America/New_York')).toEqual({
      distinctDays: 3,
      daysSinceFirst: 2,
      daysSinceLast: 0,
      countP1D: 1,
      countP2D: 2,
      countPT24H: 1,
    });
  });

  it('in Shanghai gives its own documented day counts for the same instants', () => {
    expect(evaluate(FACTS, '2024-03-11', AROUND_DST, 'Asia/Shanghai')).toEqual({
      distinctDays: 2,
      daysSinceFirst: 1,
      daysSinceLast: 0,
      countP1D: 2,
      countP2D: 3,
      countPT24H: 2,
    });
  });

  it('keeps a 25-hour day (DST ends 2024-11-03 in New York) one calendar day', () => {
    const history = [tx('2024-11-03T00:00:00-04:00'), tx('2024-11-03T23:59:59.999-05:00')];
    const facts = { days: fact('distinctDays', { window: 'P1D' }), count: fact('count', { window: 'P1D' }) };
    expect(evaluate(facts, '2024-11-03', history, 'America/New_York')).toEqual({ days: 1, count: 2 });
  });

  it('counts a month in the zone: 23:30 on Jan 31 in Shanghai is January', () => {
    const history = [
      tx('2024-01-31T23:30:00+08:00', { amount: 100 }),
      tx('2024-02-10T12:00:00+08:00', { amount: 40 }),
    ];
    const facts = { months: fact('distinctMonths'), drop: fact('dropStreakMonths', { of: 'amount' }) };
    expect(evaluate(facts, '2024-03-01', history, 'Asia/Shanghai')).toEqual({ months: 2, drop: 1 });
    // In UTC the first purchase is 15:30 on Jan 31 as well; in Los Angeles 07:30 on Jan 31.
    expect(evaluate(facts, '2024-03-01', history, 'America/Los_Angeles')).toEqual({ months: 2, drop: 1 });
    // An hour later it is February in Shanghai: one month, and nothing to fall from.
    const later = [tx('2024-02-01T00:30:00+08:00', { amount: 100 }), history[1]!];
    expect(evaluate(facts, '2024-03-01', later, 'Asia/Shanghai')).toEqual({ months: 1, drop: 0 });
    expect(evaluate(facts, '2024-03-01', later, 'UTC')).toEqual({ months: 2, drop: 1 });
  });
});
