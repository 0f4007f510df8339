import { describe, expect, it } from 'vitest';
import { isRunDates, MAX_RUNS, parseEvery, parseMonth, runDates } from '../../src/rerate/history/runs.js';

const codes = (value: ReturnType<typeof runDates>) => (isRunDates(value) ? [] : value.map((d) => d.code));

describe('replay run dates', () => {
  it('labels each run by its month and rates as of the month’s last day (leap years too)', () => {
    const runs = runDates('2023-12', '2024-03');
    expect(isRunDates(runs) && runs.map((r) => [r.label, r.asOf])).toEqual([
      ['2023-12', '2023-12-31'],
      ['2024-01', '2024-01-31'],
      ['2024-02', '2024-02-29'],
      ['2024-03', '2024-03-31'],
    ]);
    const plain = runDates('2025-02', '2025-02');
    expect(isRunDates(plain) && plain.map((r) => r.asOf)).toEqual(['2025-02-28']);
  });

  it('steps --every months from --from, never past --to', () => {
    const quarterly = runDates('2024-01', '2024-12', 'P3M');
    expect(isRunDates(quarterly) && quarterly.map((r) => r.label)).toEqual([
      '2024-01',
      '2024-04',
      '2024-07',
      '2024-10',
    ]);
    const yearly = runDates('2024-06', '2026-05', 'P1Y');
    expect(isRunDates(yearly) && yearly.map((r) => r.label)).toEqual(['2024-06', '2025-06']);
    expect(parseEvery('P1Y6M')).toBe(18);
  });

  it('refuses what is not a month, a span that runs backwards, a step that is not whole months', () => {
    expect(parseMonth('2024-13')).toBeUndefined();
    expect(parseMonth('2024-1')).toBeUndefined();
    expect(parseMonth('2024-01-31')).toBeUndefined();
    expect(codes(runDates('2024-13', '2024-12'))).toEqual(['TW1440']);
    expect(codes(runDates('2024-01', 'next'))).toEqual(['TW1440']);
    expect(codes(runDates('2024-05', '2024-04'))).toEqual(['TW1441']);
    for (const every of ['P30D', 'P1.5M', 'PT1H', 'P1W', 'monthly', 'P0M'])
      expect(codes(runDates('2024-01', '2024-12', every)), every).toEqual(['TW1442']);
    expect(codes(runDates('1900-01', `${1900 + MAX_RUNS / 12}-01`))).toEqual(['TW1443']);
    expect(codes(runDates('1900-01', `${1900 + MAX_RUNS / 12 - 1}-12`))).toEqual([]);
  });
});
