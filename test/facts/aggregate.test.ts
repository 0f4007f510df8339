import { describe, expect, it } from 'vitest';
import { compileAggregates, isAggregatePlan } from '../../src/facts/aggregate.js';
import { AGGREGATES, type Fact } from '../../src/policy/schema/facts.js';
import { evaluate, fact, tx, value } from './fixtures.js';

/** As of 2024-03-01 in Shanghai, P12M holds 2023-03-02T00:00:00.000 … 2024-03-01T23:59:59.999. */
const AS_OF = '2024-03-01';
const OUT_BEFORE = tx('2023-03-01T23:59:59.999+08:00', { amount: 1 });
const FIRST_IN = tx('2023-03-02T00:00:00.000+08:00', { amount: 10 });
const MIDDLE = tx('2023-09-15T12:00:00+08:00', { amount: 20 });
const SAME_DAY = tx('2023-09-15T18:00:00+08:00', { amount: 40 });
const AT_AS_OF = tx('2024-03-01T23:59:59.999+08:00', { amount: 30 });
const JUST_AFTER = tx('2024-03-02T00:00:00.000+08:00', { amount: 1000 });

const ALL_P12M: Record<string, Fact> = Object.fromEntries(
  AGGREGATES.map((a) => [a, fact(a, { of: 'amount', window: 'P12M' })]),
);

describe('every aggregate at the edges of a P12M window', () => {
  it('reads the first and last millisecond inside, and nothing outside or after the as-of', () => {
    const history = [OUT_BEFORE, FIRST_IN, MIDDLE, SAME_DAY, AT_AS_OF, JUST_AFTER];
    expect(evaluate(ALL_P12M, AS_OF, history)).toEqual({
      sum: 100,
      count: 4,
      avg: 25,
      min: 10,
      max: 40,
      distinctDays: 3,
      distinctMonths: 3,
      daysSinceLast: 0,
      daysSinceFirst: 365,
      weeksSinceLast: 0,
      weeksSinceFirst: 52,
      repeatDays: 2,
      repurchaseRate: (2 / 3) * 100,
      dropStreakMonths: 0,
      monthsWithoutPurchase: 0,
    });
  });

  it('gives 0 for counts and totals and undefined for measures when the window is empty', () => {
    const expected = {
      sum: 0,
      count: 0,
      avg: undefined,
      min: undefined,
      max: undefined,
      distinctDays: 0,
      distinctMonths: 0,
      daysSinceLast: undefined,
      daysSinceFirst: undefined,
      weeksSinceLast: undefined,
      weeksSinceFirst: undefined,
      repeatDays: 0,
      repurchaseRate: undefined,
      dropStreakMonths: 0,
      monthsWithoutPurchase: undefined,
    };
    expect(evaluate(ALL_P12M, AS_OF, [OUT_BEFORE, JUST_AFTER])).toEqual(expected);
    expect(evaluate(ALL_P12M, AS_OF, [])).toEqual(expected);
  });

  it('never answers Infinity or NaN', () => {
    for (const history of [[], [OUT_BEFORE], [AT_AS_OF], [FIRST_IN, AT_AS_OF]]) {
      for (const result of Object.values(evaluate(ALL_P12M, AS_OF, history))) {
        expect(result === undefined || Number.isFinite(result)).toBe(true);
      }
    }
  });
});

describe('the as-of instant', () => {
  it('includes a purchase at exactly a date-time as-of and ignores one a millisecond later', () => {
    const asOf = '2024-03-01T12:00:00+08:00';
    expect(value('count', {}, asOf, [tx('2024-03-01T12:00:00.000+08:00')])).toBe(1);
    expect(value('count', {}, asOf, [tx('2024-03-01T12:00:00.001+08:00')])).toBe(0);
    expect(value('daysSinceLast', {}, asOf, [tx('2024-03-01T12:00:00.001+08:00')])).toBeUndefined();
  });

  it('ignores transactions after the as-of for facts without a window too', () => {
    const history = [tx('2024-01-31T10:00:00+08:00'), JUST_AFTER];
    expect(value('daysSinceLast', {}, AS_OF, history)).toBe(30);
    expect(value('daysSinceFirst', {}, AS_OF, [JUST_AFTER])).toBeUndefined();
  });

  it('drops a transaction whose instant is not a number', () => {
    expect(value('count', {}, AS_OF, [{ at: Number.NaN, fields: {} }])).toBe(0);
  });
});

describe('recency and age', () => {
  it('counts whole calendar days between the purchase day and the as-of day', () => {
    expect(value('daysSinceLast', {}, AS_OF, [tx('2024-03-01T00:00:00+08:00')])).toBe(0);
    expect(value('daysSinceLast', {}, AS_OF, [tx('2024-02-29T23:59:59.999+08:00')])).toBe(1);
    expect(value('daysSinceLast', {}, AS_OF, [tx('2023-03-01T12:00:00+08:00')])).toBe(366);
  });

  it('measures age from the first purchase of all history, or of the window', () => {
    const history = [tx('2020-03-01T12:00:00+08:00'), tx('2024-02-01T12:00:00+08:00')];
    expect(value('daysSinceFirst', {}, AS_OF, history)).toBe(1461);
    expect(value('weeksSinceFirst', {}, AS_OF, history)).toBe(208);
    expect(value('daysSinceFirst', { window: 'P12M' }, AS_OF, history)).toBe(29);
  });

  it('counts whole weeks: 6 days is 0 weeks, 13 days is 1', () => {
    expect(value('weeksSinceLast', {}, AS_OF, [tx('2024-02-24T12:00:00+08:00')])).toBe(0);
    expect(value('weeksSinceLast', {}, AS_OF, [tx('2024-02-23T12:00:00+08:00')])).toBe(1);
    expect(value('weeksSinceLast', {}, AS_OF, [tx('2024-02-17T12:00:00+08:00')])).toBe(1);
    expect(value('weeksSinceLast', {}, AS_OF, [tx('2024-02-16T12:00:00+08:00')])).toBe(2);
  });
});

describe('leap years', () => {
  it('as of 2024-02-29, P12M starts on 2023-03-01', () => {
    const history = [tx('2023-02-28T23:59:59.999+08:00'), tx('2023-03-01T00:00:00+08:00')];
    expect(value('count', { window: 'P12M' }, '2024-02-29', history)).toBe(1);
    expect(value('daysSinceFirst', { window: 'P12M' }, '2024-02-29', history)).toBe(365);
  });

  it('as of 2025-02-28, P12M starts on the leap day 2024-02-29', () => {
    const history = [tx('2024-02-28T23:59:59.999+08:00'), tx('2024-02-29T00:00:00+08:00')];
    expect(value('count', { window: 'P12M' }, '2025-02-28', history)).toBe(1);
    expect(value('daysSinceFirst', { window: 'P12M' }, '2025-02-28', history)).toBe(365);
    expect(value('monthsWithoutPurchase', {}, '2025-02-28', history)).toBe(12);
  });
});

describe('distinct days and months, repeat purchases', () => {
  const history = [
    tx('2024-01-05T09:00:00+08:00'),
    tx('2024-01-05T21:00:00+08:00'),
    tx('2024-01-20T09:00:00+08:00'),
    tx('2024-02-10T09:00:00+08:00'),
  ];

  it('counts calendar days and months with at least one purchase', () => {
    expect(value('distinctDays', { window: 'P12M' }, AS_OF, history)).toBe(3);
    expect(value('distinctMonths', { window: 'P12M' }, AS_OF, history)).toBe(2);
    expect(value('repeatDays', { window: 'P12M' }, AS_OF, history)).toBe(2);
    expect(value('repurchaseRate', { window: 'P12M' }, AS_OF, history)).toBeCloseTo(66.667, 3);
  });

  it('gives a single purchase day no repeats and a repurchase rate of 0%', () => {
    expect(value('repeatDays', {}, AS_OF, history.slice(0, 2))).toBe(0);
    expect(value('repurchaseRate', {}, AS_OF, history.slice(0, 2))).toBe(0);
  });

  it('counts the partial months at both ends of a rolling window, the complete ones of a calendar window', () => {
    const edges = [tx('2023-03-20T09:00:00+08:00'), tx('2024-03-01T09:00:00+08:00')];
    expect(value('distinctMonths', { window: 'P12M' }, AS_OF, edges)).toBe(2);
    const calendar: Partial<Fact> = { window: 'P12M', calendar: true };
    expect(value('distinctMonths', calendar, AS_OF, edges)).toBe(1);
    expect(
      value('count', calendar, AS_OF, [tx('2023-03-01T00:00:00+08:00'), tx('2024-02-29T23:59:59.999+08:00')]),
    ).toBe(2);
  });
});

describe('months: drop streak and time without purchase', () => {
  const month = (m: string, amount: number) => tx(`${m}-10T12:00:00+08:00`, { amount });
  const falling = [
    month('2023-10', 1000),
    month('2023-11', 1000),
    month('2023-12', 400),
    month('2024-01', 150),
    tx('2024-02-01T00:00:00+08:00', { amount: 30 }),
    tx('2024-02-29T23:59:59.999+08:00', { amount: 40 }),
    month('2024-03', 5000), // the as-of month is not complete: not compared
  ];

  it('counts consecutive complete months at most half the month before, latest first', () => {
    expect(value('dropStreakMonths', { of: 'amount' }, AS_OF, falling)).toBe(3);
    expect(value('dropStreakMonths', { of: 'amount' }, '2024-02-15', falling)).toBe(2);
    expect(value('dropStreakMonths', { of: 'amount' }, '2024-02-29', falling)).toBe(3);
  });

  it('compares only months lying wholly inside the window', () => {
    expect(value('dropStreakMonths', { of: 'amount', window: 'P3M' }, AS_OF, falling)).toBe(1);
    const calendar: Partial<Fact> = { of: 'amount', window: 'P3M', calendar: true };
    expect(value('dropStreakMonths', calendar, AS_OF, falling)).toBe(2);
  });

  it('counts whole months since the last purchase (seed 004: 3个月无消费)', () => {
    expect(value('monthsWithoutPurchase', {}, AS_OF, [tx('2023-12-01T12:00:00+08:00')])).toBe(3);
    expect(value('monthsWithoutPurchase', {}, AS_OF, [tx('2023-12-02T12:00:00+08:00')])).toBe(2);
    expect(value('monthsWithoutPurchase', {}, AS_OF, [tx('2024-02-29T12:00:00+08:00')])).toBe(0);
    expect(value('monthsWithoutPurchase', { window: 'P3M' }, AS_OF, [tx('2023-11-01T12:00:00+08:00')])).toBe(
      undefined,
    );
  });
});

describe('fields', () => {
  const history = [
    tx('2024-01-10T12:00:00+08:00', { amount: 100, product: 'a' }),
    tx('2024-02-10T12:00:00+08:00', { product: 'b' }),
    tx('2024-02-20T12:00:00+08:00', { amount: null }),
    tx('2024-02-25T12:00:00+08:00', { amount: 'n/a' }),
  ];

  it('skips a transaction whose field is missing for the facts that read that field only', () => {
    expect(
      evaluate(
        {
          spend: fact('sum', { of: 'amount' }),
          orders: fact('count'),
          priced: fact('count', { of: 'amount' }),
          withProduct: fact('count', { of: 'product' }),
          lastPriced: fact('daysSinceLast', { of: 'amount' }),
          average: fact('avg', { of: 'amount' }),
        },
        AS_OF,
        history,
      ),
    ).toEqual({ spend: 100, orders: 4, priced: 2, withProduct: 2, lastPriced: 5, average: 100 });
  });

  it('sums, averages and compares finite numbers only', () => {
    expect(
      value('max', { of: 'amount' }, AS_OF, [
        ...history,
        tx('2024-02-26T12:00:00+08:00', { amount: Number.NaN }),
      ]),
    ).toBe(100);
    expect(
      value('min', { of: 'amount' }, AS_OF, [tx('2024-02-26T12:00:00+08:00', { amount: -20 }), ...history]),
    ).toBe(-20);
  });
});

describe('compileAggregates', () => {
  it('computes only the aggregate facts of its data set, in the policy order', () => {
    const plan = compileAggregates(
      {
        customerId: { type: 'string', key: true },
        spend: fact('sum', { of: 'amount', window: 'P12M' }),
        tickets: fact('count', { from: 'complaints' }),
        orders: fact('count', { from: 'transactions', window: 'P12M' }),
      },
      { asOf: AS_OF },
    );
    if (!isAggregatePlan(plan)) throw new Error(JSON.stringify(plan));
    expect(plan.factIds).toEqual(['spend', 'orders']);
    expect(plan.asOf.date).toBe('2024-03-01');
    const accumulator = plan.accumulator();
    accumulator.add(MIDDLE);
    expect(Object.keys(accumulator.result())).toEqual(['spend', 'orders']);
    expect(plan.accumulator().result()).toEqual({ spend: 0, orders: 0 });
  });

  it('reports every fact it cannot compute, with a pointer, and no plan', () => {
    const result = compileAggregates(
      {
        spend: fact('sum'),
        drop: fact('dropStreakMonths', { window: 'P6M' }),
        recent: fact('count', { window: 'P0D' }),
        fine: fact('count'),
      },
      { asOf: AS_OF },
    );
    expect(isAggregatePlan(result)).toBe(false);
    expect((result as { code: string; pointer?: string }[]).map((d) => [d.code, d.pointer])).toEqual([
      ['TW0211', '/facts/spend/aggregate'],
      ['TW0211', '/facts/drop/aggregate'],
      ['TW0508', '/facts/recent/window'],
    ]);
  });

  it('returns the as-of diagnostics for a bad as-of or zone', () => {
    const codes = (asOf: string, timezone?: string) => {
      const result = compileAggregates({ f: fact('count') }, { asOf, timezone });
      return isAggregatePlan(result) ? [] : result.map((d) => d.code);
    };
    expect(codes('2023-02-29')).toEqual(['TW0506']);
    expect(codes('last week')).toEqual(['TW0104']);
    expect(codes('2024-03-01', 'China/Beijing')).toEqual(['TW0503']);
  });

  it('gives each customer an accumulator of its own', () => {
    const plan = compileAggregates(
      { days: fact('distinctDays'), spend: fact('sum', { of: 'amount' }) },
      { asOf: AS_OF },
    );
    if (!isAggregatePlan(plan)) throw new Error();
    const first = plan.accumulator();
    const second = plan.accumulator();
    first.add(MIDDLE);
    first.add(AT_AS_OF);
    second.add(FIRST_IN);
    expect(first.result()).toEqual({ days: 2, spend: 50 });
    expect(second.result()).toEqual({ days: 1, spend: 10 });
  });
});
