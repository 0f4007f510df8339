import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import {
  compileMonthlySeries,
  isMonthlySeriesPlan,
  type MonthlyAmount,
  type MonthlySeries,
  monthlySeries,
} from '../../src/facts/series.js';
import { tx } from './fixtures.js';

function series(...args: Parameters<typeof monthlySeries>): MonthlyAmount[] {
  const result = monthlySeries(...args);
  if (Array.isArray(result)) throw new Error(JSON.stringify(result));
  return result.months;
}

const HISTORY = [
  tx('2023-11-10T12:00:00+08:00', { amount: 500 }),
  tx('2024-01-31T23:30:00+08:00', { amount: 100 }), // 15:30 UTC: still January in Shanghai
  tx('2024-01-05T12:00:00+08:00', { amount: 50 }),
  tx('2024-03-01T09:00:00+08:00', { amount: 7 }),
  tx('2024-03-02T09:00:00+08:00', { amount: 1000 }), // after the as-of
  tx('2024-02-14T12:00:00+08:00', { note: 'no amount' }),
];

describe('monthlySeries', () => {
  it('lists every month the window touches, oldest first, empty months as 0', () => {
    expect(series(HISTORY, { of: 'amount', window: 'P3M', asOf: '2024-03-01' })).toEqual([
      { month: '2023-12', amount: 0, complete: false },
      { month: '2024-01', amount: 150, complete: true },
      { month: '2024-02', amount: 0, complete: true },
      { month: '2024-03', amount: 7, complete: false },
    ]);
  });

  it('starts at the first month with spend without a window', () => {
    const months = series(HISTORY, { of: 'amount', asOf: '2024-03-01' });
    expect(months.map((m) => [m.month, m.amount])).toEqual([
      ['2023-11', 500],
      ['2023-12', 0],
      ['2024-01', 150],
      ['2024-02', 0],
      ['2024-03', 7],
    ]);
    expect(months.at(0)!.complete).toBe(true);
    expect(months.at(-1)!.complete).toBe(false);
  });

  it('counts months in the zone', () => {
    const months = series(HISTORY, { of: 'amount', window: 'P3M', asOf: '2024-03-01', timezone: 'UTC' });
    expect(months.find((m) => m.month === '2024-01')!.amount).toBe(150);
    const tokyo = series([tx('2024-01-31T23:30:00+08:00', { amount: 100 })], {
      of: 'amount',
      window: 'P3M',
      asOf: '2024-03-01',
      timezone: 'Asia/Tokyo',
    });
    expect(tokyo.find((m) => m.month === '2024-02')!.amount).toBe(100);
  });

  it('is empty without a window and without spend', () => {
    expect(series([], { of: 'amount', asOf: '2024-03-01' })).toEqual([]);
  });

  it('covers only complete months with a calendar window', () => {
    const months = series(HISTORY, { of: 'amount', window: 'P3M', calendar: true, asOf: '2024-03-01' });
    expect(months.map((m) => [m.month, m.amount, m.complete])).toEqual([
      ['2023-12', 0, true],
      ['2024-01', 150, true],
      ['2024-02', 0, true],
    ]);
  });

  it('returns diagnostics for a bad as-of or window', () => {
    const codes = (result: MonthlySeries | Diagnostic[]) =>
      Array.isArray(result) ? result.map((d) => d.code) : [];
    expect(codes(monthlySeries([], { of: 'amount', asOf: '2024-02-30' }))).toEqual(['TW0506']);
    expect(codes(monthlySeries([], { of: 'amount', window: 'P0M', asOf: '2024-03-01' }))).toEqual(['TW0508']);
  });

  it('compiles once for many customers, each series its own', () => {
    const plan = compileMonthlySeries({ of: 'amount', window: 'P3M', asOf: '2024-03-01' });
    if (!isMonthlySeriesPlan(plan)) throw new Error(JSON.stringify(plan));
    expect(plan.asOf.date).toBe('2024-03-01');
    const first = plan.series(HISTORY);
    const second = plan.series([tx('2024-02-14T12:00:00+08:00', { amount: 9 })]);
    expect(first).toEqual(monthlySeries(HISTORY, { of: 'amount', window: 'P3M', asOf: '2024-03-01' }));
    expect(second.months.map((m) => m.amount)).toEqual([0, 0, 9, 0]);
    expect(plan.series([]).months.map((m) => m.amount)).toEqual([0, 0, 0, 0]);
  });
});
