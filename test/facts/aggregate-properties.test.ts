import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileAggregates, isAggregatePlan } from '../../src/facts/aggregate.js';
import { dropStreak } from '../../src/facts/monthly.js';
import { monthlySeries } from '../../src/facts/series.js';
import type { Transaction } from '../../src/facts/transaction.js';
import { AGGREGATES, type Fact } from '../../src/policy/schema/facts.js';
import { evaluate, fact } from './fixtures.js';

/** Fixed, so that a failure reproduces; modest, so that the suite stays quick. */
const RUNS = { seed: 20240301, numRuns: 100 };

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
];
const WINDOWS = ['P12M', 'P90D', 'P1M', 'P1D', 'P2W', 'PT36H', 'P1Y6M', undefined];
const DAY = 86_400_000;

/** An as-of date, its zone, a window and a history around it: integer amounts, some missing. */
const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    window: fc.constantFrom(...WINDOWS),
    asOfDay: fc.integer({ min: Date.UTC(2020, 0, 1) / DAY, max: Date.UTC(2026, 11, 31) / DAY }),
    offsets: fc.array(
      fc.record({
        back: fc.integer({ min: -3 * DAY, max: 800 * DAY }),
        amount: fc.option(fc.integer({ min: -500, max: 100_000 }), { nil: undefined, freq: 8 }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ zone, window, asOfDay, offsets }) => {
    const asOf = new Date(asOfDay * DAY).toISOString().slice(0, 10);
    const end = DateTime.fromISO(asOf, { zone }).endOf('day').toMillis();
    const transactions: Transaction[] = offsets.map(({ back, amount }) => ({
      at: end - back,
      fields: amount === undefined ? {} : { amount },
    }));
    return { zone, window, asOf, end, transactions };
  });

const allFacts = (window: string | undefined): Record<string, Fact> =>
  Object.fromEntries(AGGREGATES.map((a) => [a, fact(a, { of: 'amount', window })]));

describe('aggregate properties', () => {
  it('sum over a window = the sum of the monthly series entries inside it', () => {
    fc.assert(
      fc.property(scenario, ({ zone, window, asOf, transactions }) => {
        const total = evaluate({ sum: fact('sum', { of: 'amount', window }) }, asOf, transactions, zone).sum;
        const series = monthlySeries(transactions, { of: 'amount', window, asOf, timezone: zone });
        if (Array.isArray(series)) throw new Error(JSON.stringify(series));
        expect(series.months.reduce((s, m) => s + m.amount, 0)).toBe(total);
      }),
      RUNS,
    );
  });

  it('relates the counts: distinctMonths ≤ distinctDays ≤ count, repeatDays = distinctDays − 1', () => {
    fc.assert(
      fc.property(scenario, ({ zone, window, asOf, transactions }) => {
        const r = evaluate(allFacts(window), asOf, transactions, zone);
        expect(r.distinctDays).toBeLessThanOrEqual(r.count!);
        expect(r.distinctMonths).toBeLessThanOrEqual(r.distinctDays!);
        expect(r.repeatDays).toBe(Math.max(r.distinctDays! - 1, 0));
        expect(r.count === 0).toBe(r.daysSinceLast === undefined);
      }),
      RUNS,
    );
  });

  it('has daysSinceLast ≤ daysSinceFirst, weeks as whole weeks, and all defined together', () => {
    fc.assert(
      fc.property(scenario, ({ zone, window, asOf, transactions }) => {
        const r = evaluate(allFacts(window), asOf, transactions, zone);
        if (r.daysSinceLast === undefined) {
          for (const key of ['daysSinceFirst', 'weeksSinceLast', 'weeksSinceFirst', 'monthsWithoutPurchase'])
            expect(r[key]).toBeUndefined();
          return;
        }
        expect(r.daysSinceLast).toBeGreaterThanOrEqual(0);
        expect(r.daysSinceLast).toBeLessThanOrEqual(r.daysSinceFirst!);
        expect(r.weeksSinceLast).toBe(Math.floor(r.daysSinceLast / 7));
        expect(r.weeksSinceFirst).toBe(Math.floor(r.daysSinceFirst! / 7));
        expect(r.monthsWithoutPurchase).toBeLessThanOrEqual(Math.floor(r.daysSinceLast / 28));
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the transactions', () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.double({ noNaN: true })), (s, keys) => {
        const shuffled = s.transactions
          .map((t) => ({ t, key: keys.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.t);
        expect(evaluate(allFacts(s.window), s.asOf, shuffled, s.zone)).toEqual(
          evaluate(allFacts(s.window), s.asOf, s.transactions, s.zone),
        );
      }),
      RUNS,
    );
  });

  it('agrees with a naive luxon reading of the same definitions', () => {
    fc.assert(
      fc.property(scenario, ({ zone, window, asOf, end, transactions }) => {
        const after =
          window === undefined
            ? Number.NEGATIVE_INFINITY
            : DateTime.fromMillis(end, { zone }).minus(Duration.fromISO(window)).toMillis();
        const inside = transactions.filter(
          (t) => t.at > after && t.at <= end && t.fields.amount !== undefined,
        );
        const days = inside.map((t) => DateTime.fromMillis(t.at, { zone }).startOf('day'));
        const asOfDay = DateTime.fromISO(asOf, { zone });
        const r = evaluate(allFacts(window), asOf, transactions, zone);
        expect(r.count).toBe(inside.length);
        expect(r.distinctDays).toBe(new Set(days.map((d) => d.toISODate())).size);
        expect(r.distinctMonths).toBe(new Set(days.map((d) => d.toFormat('yyyy-MM'))).size);
        if (days.length === 0) return;
        const last = DateTime.max(...days)!;
        const first = DateTime.min(...days)!;
        expect(r.daysSinceLast).toBe(Math.round(asOfDay.diff(last, 'days').days));
        expect(r.daysSinceFirst).toBe(Math.round(asOfDay.diff(first, 'days').days));
        let months = 0;
        while (last.plus({ months: months + 1 }) <= asOfDay) months++;
        expect(r.monthsWithoutPurchase).toBe(months);
      }),
      RUNS,
    );
  });

  it('gives the drop streak of the complete months of the monthly series', () => {
    fc.assert(
      fc.property(scenario, ({ zone, asOf, transactions }) => {
        const series = monthlySeries(transactions, { of: 'amount', asOf, timezone: zone });
        if (Array.isArray(series)) throw new Error(JSON.stringify(series));
        const complete = series.months.filter((m) => m.complete).map((m) => m.amount);
        const plan = compileAggregates(
          { drop: fact('dropStreakMonths', { of: 'amount' }) },
          { asOf, timezone: zone },
        );
        if (!isAggregatePlan(plan)) throw new Error();
        const accumulator = plan.accumulator();
        for (const t of transactions) accumulator.add(t);
        expect(accumulator.result().drop).toBe(dropStreak(complete));
      }),
      RUNS,
    );
  });
});
