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
const CALENDAR_WINDOWS = ['P1M', 'P3M', 'P12M', 'P1Y', 'P2Y'];
const DAY = 86_400_000;

/** (after, upTo] by luxon alone: rolling back from the as-of, or whole months ended by it. */
function naiveWindow(end: number, zone: string, window: string | undefined, calendar: boolean) {
  if (window === undefined) return { after: Number.NEGATIVE_INFINITY, upTo: end };
  const duration = Duration.fromISO(window);
  if (!calendar) return { after: DateTime.fromMillis(end, { zone }).minus(duration).toMillis(), upTo: end };
  const next = DateTime.fromMillis(end + 1, { zone }).startOf('month');
  const stop = next.toMillis() === end + 1 ? next : DateTime.fromMillis(end, { zone }).startOf('month');
  return { after: stop.minus(duration).toMillis() - 1, upTo: stop.toMillis() - 1 };
}

/**
 * The calendar months lying wholly inside (after, upTo], oldest first. Without a start all history
 * is known, so every month from the first purchase's counts.
 */
function completeMonths(after: number, upTo: number, zone: string, inside: readonly Transaction[]): string[] {
  const from = Number.isFinite(after)
    ? after + 1
    : DateTime.fromMillis(Math.min(upTo, ...inside.map((t) => t.at)), { zone })
        .startOf('month')
        .toMillis();
  const months: string[] = [];
  const first = DateTime.fromMillis(from, { zone }).startOf('month');
  for (let m = first; m.toMillis() <= upTo; m = m.plus({ months: 1 })) {
    if (m.toMillis() >= from && m.endOf('month').toMillis() <= upTo) months.push(m.toFormat('yyyy-MM'));
  }
  return months;
}

/**
 * How far before the as-of instant a transaction lies: anywhere, or exactly a whole number of
 * 24-hour days before it or a millisecond after that, so that window edges are hit, not only
 * approached.
 */
const wholeDays = fc.oneof(
  fc.integer({ min: -3, max: 800 }),
  // The lengths of the windows below, and of the years and months around them.
  fc.constantFrom(0, 1, 2, 14, 28, 29, 30, 31, 90, 365, 366, 546, 547, 548),
);
const back = fc.oneof(
  fc.integer({ min: -3 * DAY, max: 800 * DAY }),
  wholeDays.map((days) => days * DAY),
  wholeDays.map((days) => days * DAY - 1),
);

/**
 * An as-of (a date, or a date-time within that day), its zone, a window and a history around it:
 * integer amounts, some missing.
 */
const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    window: fc.constantFrom(...WINDOWS),
    asOfDay: fc.oneof(
      fc.integer({ min: Date.UTC(2020, 0, 1) / DAY, max: Date.UTC(2026, 11, 31) / DAY }),
      // The last day of a month, where calendar windows and complete months change.
      fc.integer({ min: 0, max: 7 * 12 - 1 }).map((month) => Date.UTC(2020, month + 1, 0) / DAY),
    ),
    timeOfDay: fc.option(fc.integer({ min: 0, max: DAY - 1 }), { nil: undefined, freq: 3 }),
    offsets: fc.array(
      fc.record({
        back,
        amount: fc.option(fc.integer({ min: -500, max: 100_000 }), { nil: undefined, freq: 8 }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ zone, window, asOfDay, timeOfDay, offsets }) => {
    const date = new Date(asOfDay * DAY).toISOString().slice(0, 10);
    const day = DateTime.fromISO(date, { zone });
    const endOfDay = day.endOf('day').toMillis();
    const end = timeOfDay === undefined ? endOfDay : Math.min(day.toMillis() + timeOfDay, endOfDay);
    const asOf = timeOfDay === undefined ? date : DateTime.fromMillis(end, { zone }).toISO()!;
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
        const asOfDay = DateTime.fromMillis(end, { zone }).startOf('day');
        const r = evaluate(allFacts(window), asOf, transactions, zone);
        expect(r.count).toBe(inside.length);
        expect(r.sum).toBe(inside.reduce((total, t) => total + (t.fields.amount as number), 0));
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
  it('windows of whole calendar months, and the months compared for drops, agree with luxon', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...CALENDAR_WINDOWS), fc.boolean(), (s, window, calendar) => {
        const { after, upTo } = naiveWindow(s.end, s.zone, calendar ? window : s.window, calendar);
        const inside = s.transactions.filter(
          (t) => t.at > after && t.at <= upTo && t.fields.amount !== undefined,
        );
        const spend = new Map<string, number>();
        for (const t of inside) {
          const month = DateTime.fromMillis(t.at, { zone: s.zone }).toFormat('yyyy-MM');
          spend.set(month, (spend.get(month) ?? 0) + (t.fields.amount as number));
        }
        const complete = completeMonths(after, upTo, s.zone, inside).map((m) => spend.get(m) ?? 0);
        const extra: Partial<Fact> = calendar
          ? { of: 'amount', window, calendar }
          : { of: 'amount', window: s.window };
        const facts = {
          count: fact('count', extra),
          sum: fact('sum', extra),
          months: fact('distinctMonths', extra),
          drop: fact('dropStreakMonths', extra),
        };
        expect(evaluate(facts, s.asOf, s.transactions, s.zone)).toEqual({
          count: inside.length,
          sum: [...spend.values()].reduce((a, b) => a + b, 0),
          months: spend.size,
          drop: dropStreak(complete),
        });
      }),
      RUNS,
    );
  });
});
