import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/policy/schema/facts.js';
import { evaluate, evaluateAll, fact, tx } from './fixtures.js';

/** docs/facts.md, "Periods", "Time spans", "Dates" and "lifetimes' summary as facts", number for number. */
const AS_OF = '2024-03-01';

describe('docs/facts.md: Periods', () => {
  const HISTORY = [
    tx('2024-02-01T09:00:00+08:00', { amount: 100 }),
    tx('2024-02-01T18:00:00+08:00', { amount: 300 }),
    tx('2024-02-10T12:00:00+08:00', { amount: 200 }),
  ];
  const row = (per?: Fact['per'], excludeFirst?: boolean) =>
    evaluate(
      {
        sum: fact('sum', { of: 'amount', per, excludeFirst }),
        count: fact('count', { per, excludeFirst }),
        avg: fact('avg', { of: 'amount', per, excludeFirst }),
        min: fact('min', { of: 'amount', per, excludeFirst }),
        max: fact('max', { of: 'amount', per, excludeFirst }),
      },
      AS_OF,
      HISTORY,
    );

  it('gives the table of merged orders', () => {
    expect(row()).toEqual({ sum: 600, count: 3, avg: 200, min: 100, max: 300 });
    expect(row('day')).toEqual({ sum: 600, count: 2, avg: 300, min: 200, max: 400 });
    expect(row('day', true)).toEqual({ sum: 200, count: 1, avg: 200, min: 200, max: 200 });
    expect(row('week', true)).toEqual({ sum: 200, count: 1, avg: 200, min: 200, max: 200 });
    expect(row('month', true)).toEqual({ sum: 0, count: 0, avg: undefined, min: undefined, max: undefined });
  });

  it('counts weeks in the zone: Sunday 23:30 and Monday 00:30 in Shanghai', () => {
    const history = [tx('2024-03-03T23:30:00+08:00'), tx('2024-03-04T00:30:00+08:00')];
    const facts = { weeks: fact('count', { per: 'week', excludeFirst: true }) };
    expect(evaluate(facts, '2024-03-10', history, 'Asia/Shanghai').weeks).toBe(1);
    expect(evaluate(facts, '2024-03-10', history, 'UTC').weeks).toBe(0);
  });
});

describe('docs/facts.md: Time spans', () => {
  const HISTORY = [
    tx('2023-06-01T10:00:00+08:00'),
    tx('2023-09-10T10:00:00+08:00'),
    tx('2024-01-15T10:00:00+08:00'),
  ];
  const spans = (per: Fact['per'], fractional?: boolean) =>
    evaluate(
      { age: fact('age', { per, fractional }), span: fact('span', { per, fractional }) },
      AS_OF,
      HISTORY,
    );

  it('counts whole periods between period starts', () => {
    expect(spans('day')).toEqual({ age: 274, span: 228 });
    expect(spans('week')).toEqual({ age: 39, span: 33 });
    expect(spans('month')).toEqual({ age: 9, span: 7 });
    expect(
      evaluate({ age: fact('age', { per: 'week' }) }, '2024-02-26', [tx('2024-02-25T12:00:00+08:00')]).age,
    ).toBe(1);
  });

  it('measures fractional weeks and months', () => {
    const tenDays = [tx('2024-02-20T12:00:00+08:00')];
    expect(evaluate({ age: fact('age', { per: 'week', fractional: true }) }, AS_OF, tenDays).age).toBeCloseTo(
      1.428571,
      6,
    );
    const months = (from: string, asOf: string) =>
      evaluate({ age: fact('age', { per: 'month', fractional: true }) }, asOf, [tx(`${from}T12:00:00+08:00`)])
        .age;
    expect(months('2024-01-31', '2024-03-15')).toBeCloseTo(1.483871, 6);
    expect(months('2024-01-15', '2024-03-01')).toBeCloseTo(1.517241, 6);
    expect(months('2023-06-01', '2024-03-01')).toBe(9);
  });
});

describe('docs/facts.md: Dates', () => {
  const DATES: Record<string, Fact> = {
    first: { type: 'date', aggregate: 'firstDate' },
    last: { type: 'date', aggregate: 'lastDate' },
  };

  it('writes the instants in the zone', () => {
    const history = [
      tx('2024-03-01T00:00:00+08:00'),
      tx('2024-03-01T23:59:59.999+08:00'),
      tx('2024-03-02T00:00:00+08:00'),
    ];
    expect(evaluateAll(DATES, AS_OF, history)).toEqual({
      first: '2024-03-01T00:00:00+08:00',
      last: '2024-03-01T23:59:59.999+08:00',
    });
    const newYork = [tx('2024-03-09T23:30:00-05:00'), tx('2024-03-11T00:30:00-04:00')];
    expect(evaluateAll(DATES, '2024-03-11', newYork, 'America/New_York')).toEqual({
      first: '2024-03-09T23:30:00-05:00',
      last: '2024-03-11T00:30:00-04:00',
    });
    expect(evaluateAll(DATES, AS_OF, [tx('2024-03-01T07:30:00+08:00')], 'UTC').first).toBe(
      '2024-02-29T23:30:00+00:00',
    );
  });
});

describe("docs/facts.md: lifetimes' summary as facts", () => {
  const summary = (per: 'day' | 'week') => ({
    frequency: fact('count', { per, excludeFirst: true }),
    recency: fact('span', { per }),
    T: fact('age', { per }),
    monetary: fact('avg', { of: 'amount', per, excludeFirst: true }),
  });
  const HISTORY = [
    tx('2023-06-01T10:00:00+08:00', { amount: 100 }),
    tx('2023-06-01T16:00:00+08:00', { amount: 300 }),
    tx('2023-09-10T10:00:00+08:00', { amount: 200 }),
    tx('2024-01-15T10:00:00+08:00', { amount: 400 }),
    tx('2024-03-05T10:00:00+08:00', { amount: 900 }),
  ];

  it('gives the worked example, daily and weekly', () => {
    expect(evaluate(summary('day'), AS_OF, HISTORY)).toEqual({
      frequency: 2,
      recency: 228,
      T: 274,
      monetary: 300,
    });
    expect(evaluate(summary('week'), AS_OF, HISTORY)).toEqual({
      frequency: 2,
      recency: 33,
      T: 39,
      monetary: 300,
    });
    const oneWeek = [tx('2024-02-26T10:00:00+08:00'), tx('2024-03-01T10:00:00+08:00')];
    expect(evaluate(summary('day'), AS_OF, oneWeek).frequency).toBe(1);
    expect(evaluate(summary('week'), AS_OF, oneWeek).frequency).toBe(0);
  });
});
