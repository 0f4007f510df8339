import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/facts/calendar.js';
import { wholeMonthsBetween } from '../../src/facts/monthly.js';
import { fractionalMonthsBetween, weekOfDay } from '../../src/facts/periods.js';
import type { Transaction } from '../../src/facts/transaction.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import { propertyRuns } from '../helpers/runs.js';
import { evaluate, evaluateAll, fact } from './fixtures.js';

const RUNS = { seed: 20240301, numRuns: propertyRuns(60, 600) };
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const WINDOWS = ['P12M', 'P90D', 'P2W', 'P1D', 'PT36H', undefined];
const DAY = 86_400_000;

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    window: fc.constantFrom(...WINDOWS),
    asOfDay: fc.integer({ min: dayNumber(2023, 1, 1), max: dayNumber(2026, 12, 31) }),
    purchases: fc.array(
      fc.record({
        back: fc.integer({ min: -3 * DAY, max: 500 * DAY }),
        amount: fc.option(fc.integer({ min: -500, max: 100_000 }), { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ zone, window, asOfDay, purchases }) => {
    const asOf = new Date(asOfDay * DAY).toISOString().slice(0, 10);
    const end = DateTime.fromISO(asOf, { zone }).endOf('day').toMillis();
    const transactions: Transaction[] = purchases.map(({ back, amount }) => ({
      at: end - back,
      fields: amount === undefined ? {} : { amount },
    }));
    return { zone, window, asOf, transactions };
  });

const all = (window: string | undefined): Record<string, Fact> => ({
  count: fact('count', { window }),
  sum: fact('sum', { of: 'amount', window }),
  distinctDays: fact('distinctDays', { window }),
  repeatDays: fact('repeatDays', { window }),
  daysSinceFirst: fact('daysSinceFirst', { window }),
  daysSinceLast: fact('daysSinceLast', { window }),
  distinctMonths: fact('distinctMonths', { window }),
  dayCount: fact('count', { per: 'day', window }),
  dayRepeats: fact('count', { per: 'day', excludeFirst: true, window }),
  weekCount: fact('count', { per: 'week', window }),
  monthCount: fact('count', { per: 'month', window }),
  daySum: fact('sum', { of: 'amount', per: 'day', window }),
  weekRepeatSum: fact('sum', { of: 'amount', per: 'week', excludeFirst: true, window }),
  weekRepeatAvg: fact('avg', { of: 'amount', per: 'week', excludeFirst: true, window }),
  weekRepeats: fact('count', { per: 'week', excludeFirst: true, window }),
  weekRepeatsWithAmount: fact('count', { of: 'amount', per: 'week', excludeFirst: true, window }),
  weekMax: fact('max', { of: 'amount', per: 'week', window }),
  weekMin: fact('min', { of: 'amount', per: 'week', window }),
  age: fact('age', { window }),
  span: fact('span', { window }),
  ageWeeks: fact('age', { per: 'week', window }),
  spanWeeks: fact('span', { per: 'week', window }),
  ageWeeksExact: fact('age', { per: 'week', fractional: true, window }),
  ageMonths: fact('age', { per: 'month', window }),
  ageMonthsExact: fact('age', { per: 'month', fractional: true, window }),
});

describe('period aggregates agree with the per-transaction ones', () => {
  it('counts, sums, spans and dates, in every zone and window', () => {
    fc.assert(
      fc.property(scenario, ({ zone, window, asOf, transactions }) => {
        const r = evaluate(all(window), asOf, transactions, zone);
        // days per period are the distinct days; excluding the first is the repeat days
        expect(r.dayCount).toBe(r.distinctDays);
        expect(r.dayRepeats).toBe(r.repeatDays);
        expect(r.monthCount).toBe(r.distinctMonths);
        expect(r.weekCount).toBeLessThanOrEqual(r.dayCount!);
        expect(r.weekRepeats).toBe(Math.max(r.weekCount! - 1, 0));
        // merging per period never changes a total
        expect(r.daySum).toBe(r.sum);
        // age and span in days are the day counts from the first purchase
        expect(r.age).toBe(r.daysSinceFirst);
        if (r.count === 0) {
          for (const key of ['age', 'span', 'ageWeeks', 'spanWeeks', 'ageWeeksExact', 'ageMonths', 'weekMax'])
            expect([key, r[key]]).toEqual([key, undefined]);
          return;
        }
        expect(r.span).toBe(r.daysSinceFirst! - r.daysSinceLast!);
        expect(r.ageWeeksExact).toBeCloseTo(r.daysSinceFirst! / 7, 9);
        // whole weeks between week starts differ from elapsed weeks by less than one
        expect(Math.abs(r.ageWeeks! - r.ageWeeksExact!)).toBeLessThan(1);
        expect(r.spanWeeks).toBeLessThanOrEqual(r.ageWeeks!);
        expect(r.ageMonthsExact).toBeGreaterThanOrEqual(Math.floor(r.ageMonthsExact!));
        expect(Math.abs(r.ageMonths! - r.ageMonthsExact!)).toBeLessThan(1);
        expect(r.weekRepeatAvg === undefined).toBe(r.weekRepeatsWithAmount === 0);
        if (r.weekRepeatAvg !== undefined) {
          // over the weeks with an amount: the first of those is left out, not the first week with any order
          expect(r.weekRepeatAvg).toBeCloseTo(r.weekRepeatSum! / r.weekRepeatsWithAmount!, 6);
          expect(r.weekRepeatAvg).toBeLessThanOrEqual(r.weekMax! + 1e-9);
        }
        if (r.weekMin !== undefined) expect(r.weekMin).toBeLessThanOrEqual(r.weekMax!);
        const dates = evaluateAll(
          {
            first: { type: 'date', aggregate: 'firstDate', window },
            last: { type: 'date', aggregate: 'lastDate', window },
          },
          asOf,
          transactions,
          zone,
        );
        // the dates name instants inside the window, in the zone's offset at that instant
        for (const date of [dates.first, dates.last]) {
          const parsed = DateTime.fromISO(date as string, { setZone: true });
          const inZone = DateTime.fromMillis(parsed.toMillis(), { zone });
          expect(parsed.offset).toBe(inZone.offset);
          expect(transactions.some((t) => t.at === parsed.toMillis())).toBe(true);
        }
        expect(Date.parse(dates.first as string)).toBeLessThanOrEqual(Date.parse(dates.last as string));
      }),
      RUNS,
    );
  });
});

describe('calendar helpers of the period aggregates', () => {
  const day = fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2100, 12, 31) });

  it('weekOfDay changes on Mondays only, as luxon’s ISO weeks do', () => {
    fc.assert(
      fc.property(day, (d) => {
        const date = DateTime.fromMillis(d * DAY, { zone: 'UTC' });
        expect(weekOfDay(d + 1) !== weekOfDay(d)).toBe(date.plus({ days: 1 }).weekday === 1);
        const monday = date.startOf('week').toMillis() / DAY;
        expect(weekOfDay(monday)).toBe(weekOfDay(d));
        expect(weekOfDay(monday - 1)).toBe(weekOfDay(d) - 1);
      }),
      RUNS,
    );
  });

  it('fractionalMonthsBetween has the whole months as its integer part and grows with the end', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (from, length) => {
        const to = from + length;
        const months = fractionalMonthsBetween(from, to);
        expect(Math.floor(months)).toBe(wholeMonthsBetween(from, to));
        expect(fractionalMonthsBetween(from, to + 1)).toBeGreaterThan(months);
        const luxon = DateTime.fromMillis(to * DAY, { zone: 'UTC' }).diff(
          DateTime.fromMillis(from * DAY, { zone: 'UTC' }),
          'months',
        ).months;
        // luxon spreads the remainder differently, but never by a whole month
        expect(Math.abs(months - luxon)).toBeLessThan(1);
      }),
      RUNS,
    );
  });
});
