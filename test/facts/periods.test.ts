import { describe, expect, it } from 'vitest';
import { convertDate } from '../../src/data/date.js';
import { compileAggregates, isAggregatePlan } from '../../src/facts/aggregate.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import { evaluate, evaluateAll, fact, tx } from './fixtures.js';

/** 2024-03-01, the as-of of most cases, is a Friday: its week runs Monday 02-26 … Sunday 03-03. */
const AS_OF = '2024-03-01';

const merged = (per: Fact['per'], excludeFirst?: boolean): Record<string, Fact> => ({
  sum: fact('sum', { of: 'amount', per, excludeFirst }),
  count: fact('count', { per, excludeFirst }),
  avg: fact('avg', { of: 'amount', per, excludeFirst }),
  min: fact('min', { of: 'amount', per, excludeFirst }),
  max: fact('max', { of: 'amount', per, excludeFirst }),
});

const spans = (per?: Fact['per'], fractional?: boolean): Record<string, Fact> => ({
  age: fact('age', { per, fractional }),
  span: fact('span', { per, fractional }),
});

const DATES: Record<string, Fact> = {
  first: { type: 'date', aggregate: 'firstDate' },
  last: { type: 'date', aggregate: 'lastDate' },
};

/** What the data layer makes of a date column's cell: the format firstDate and lastDate must match. */
function columnDate(text: string, zone: string): string {
  const converted = convertDate(text, undefined, zone);
  if (!('value' in converted)) throw new Error(text);
  return converted.value;
}

describe('per: merging a customer’s transactions per period before aggregating', () => {
  const TWO_ON_ONE_DAY = [
    tx('2024-02-01T09:00:00+08:00', { amount: 100 }),
    tx('2024-02-01T18:00:00+08:00', { amount: 300 }),
    tx('2024-02-10T12:00:00+08:00', { amount: 200 }),
  ];

  it('sums a day’s orders into one purchase occasion', () => {
    expect(evaluate(merged('day'), AS_OF, TWO_ON_ONE_DAY)).toEqual({
      sum: 600,
      count: 2,
      avg: 300,
      min: 200,
      max: 400,
    });
    // Without per, every order counts on its own, as it always has.
    expect(evaluate(merged(undefined), AS_OF, TWO_ON_ONE_DAY)).toEqual({
      sum: 600,
      count: 3,
      avg: 200,
      min: 100,
      max: 300,
    });
  });

  it('leaves the first purchase period out with excludeFirst', () => {
    expect(evaluate(merged('day', true), AS_OF, TWO_ON_ONE_DAY)).toEqual({
      sum: 200,
      count: 1,
      avg: 200,
      min: 200,
      max: 200,
    });
    // 02-01 (a Thursday) and 02-10 (a Saturday) are in two weeks, and in one month.
    expect(evaluate(merged('week', true), AS_OF, TWO_ON_ONE_DAY).count).toBe(1);
    expect(evaluate(merged('month', true), AS_OF, TWO_ON_ONE_DAY)).toEqual({
      sum: 0,
      count: 0,
      avg: undefined,
      min: undefined,
      max: undefined,
    });
  });

  it('gives no repeat period for one purchase, or for two on the same day', () => {
    const none = { sum: 0, count: 0, avg: undefined, min: undefined, max: undefined };
    expect(evaluate(merged('day', true), AS_OF, [tx('2024-02-01T09:00:00+08:00', { amount: 5 })])).toEqual(
      none,
    );
    expect(evaluate(merged('day', true), AS_OF, TWO_ON_ONE_DAY.slice(0, 2))).toEqual(none);
    expect(evaluate(merged('week', true), AS_OF, [])).toEqual(none);
    expect(evaluate(merged('week'), AS_OF, [])).toEqual(none);
  });

  it('does not depend on the order the transactions come in', () => {
    const history = [...TWO_ON_ONE_DAY, tx('2024-01-20T10:00:00+08:00', { amount: 7 })];
    const facts = { ...merged('day', true), weeks: fact('count', { per: 'week', excludeFirst: true }) };
    const forward = evaluate(facts, AS_OF, history);
    expect(forward).toEqual({ sum: 600, count: 2, avg: 300, min: 200, max: 400, weeks: 2 });
    expect(evaluate(facts, AS_OF, [...history].reverse())).toEqual(forward);
    expect(evaluate(facts, AS_OF, [history[1]!, history[3]!, history[0]!, history[2]!])).toEqual(forward);
  });

  it('reads periods only of the transactions having the `of` field', () => {
    const history = [tx('2024-01-05T10:00:00+08:00', {}), ...TWO_ON_ONE_DAY];
    // The first period with an amount is 02-01: the product-only order of 01-05 is not read.
    expect(evaluate(merged('day', true), AS_OF, history).sum).toBe(200);
    // count without `of` reads every order, so 01-05 is its first period.
    expect(evaluate(merged('day', true), AS_OF, history).count).toBe(2);
  });

  it('keeps facts of different periods on one window apart', () => {
    const facts = {
      days: fact('count', { per: 'day' }),
      weeks: fact('count', { per: 'week' }),
      months: fact('count', { per: 'month' }),
      orders: fact('count'),
    };
    expect(evaluate(facts, AS_OF, TWO_ON_ONE_DAY)).toEqual({ days: 2, weeks: 2, months: 1, orders: 3 });
  });
});

describe('the periods are the policy zone’s, weeks Monday to Sunday', () => {
  // Sunday 23:30 and Monday 00:30 in Shanghai are 15:30 and 16:30 UTC on the Sunday.
  const AROUND_MONDAY = [
    tx('2024-03-03T23:30:00+08:00', { amount: 10 }),
    tx('2024-03-04T00:30:00+08:00', { amount: 20 }),
  ];
  const facts = {
    weeks: fact('count', { per: 'week', excludeFirst: true }),
    days: fact('count', { per: 'day', excludeFirst: true }),
    spanWeeks: fact('span', { per: 'week' }),
    spanDays: fact('span'),
    ageWeeks: fact('age', { per: 'week' }),
  };

  it('in Shanghai: a Sunday and a Monday, two days in two weeks', () => {
    expect(evaluate(facts, '2024-03-10', AROUND_MONDAY, 'Asia/Shanghai')).toEqual({
      weeks: 1,
      days: 1,
      spanWeeks: 1,
      spanDays: 1,
      ageWeeks: 1,
    });
  });

  it('in UTC: the same instants are one Sunday, one day in one week', () => {
    expect(evaluate(facts, '2024-03-10', AROUND_MONDAY, 'UTC')).toEqual({
      weeks: 0,
      days: 0,
      spanWeeks: 0,
      spanDays: 0,
      ageWeeks: 1,
    });
  });

  it('puts a purchase at 07:30 in Shanghai on the day before in UTC, and dates it in the zone', () => {
    // 2024-03-01 07:30 in Shanghai is 2024-02-29 23:30 UTC.
    const history = [tx('2024-02-29T10:00:00+08:00'), tx('2024-03-01T07:30:00+08:00')];
    const days = { days: fact('count', { per: 'day' }) };
    expect(evaluate(days, AS_OF, history, 'Asia/Shanghai').days).toBe(2);
    expect(evaluate(days, AS_OF, history, 'UTC').days).toBe(1);
    expect(evaluateAll(DATES, AS_OF, history, 'Asia/Shanghai')).toEqual({
      first: '2024-02-29T10:00:00+08:00',
      last: '2024-03-01T07:30:00+08:00',
    });
    expect(evaluateAll(DATES, AS_OF, history, 'UTC')).toEqual({
      first: columnDate('2024-02-29 02:00:00', 'UTC'),
      last: columnDate('2024-02-29 23:30:00', 'UTC'),
    });
  });
});

describe('firstDate and lastDate', () => {
  it('are the instants of the first and last transaction, written as a date column reads', () => {
    const history = [
      tx('2024-03-01T23:59:59.999+08:00'),
      tx('2024-03-01T00:00:00+08:00'),
      tx('2024-03-02T00:00:00+08:00'), // after the as-of
    ];
    const values = evaluateAll(DATES, AS_OF, history);
    expect(values).toEqual({ first: '2024-03-01T00:00:00+08:00', last: '2024-03-01T23:59:59.999+08:00' });
    expect(values.first).toBe(columnDate('2024-03-01', 'Asia/Shanghai'));
    expect(values.last).toBe(columnDate('2024-03-01 23:59:59.999', 'Asia/Shanghai'));
  });

  it('carry the offset in force at each instant (New York, across the switch to daylight time)', () => {
    const history = [tx('2024-03-09T23:30:00-05:00'), tx('2024-03-11T00:30:00-04:00')];
    expect(evaluateAll(DATES, '2024-03-11', history, 'America/New_York')).toEqual({
      first: '2024-03-09T23:30:00-05:00',
      last: '2024-03-11T00:30:00-04:00',
    });
  });

  it('are missing without a transaction in the window, and read only the window', () => {
    expect(evaluateAll(DATES, AS_OF, [])).toEqual({ first: undefined, last: undefined });
    const windowed = {
      first: { ...DATES.first!, window: 'P1M' },
      last: { ...DATES.last!, window: 'P1M' },
    };
    const history = [tx('2024-01-15T10:00:00+08:00'), tx('2024-02-15T10:00:00+08:00')];
    expect(evaluateAll(windowed, AS_OF, history)).toEqual({
      first: '2024-02-15T10:00:00+08:00',
      last: '2024-02-15T10:00:00+08:00',
    });
    expect(evaluateAll(windowed, '2024-04-01', history)).toEqual({ first: undefined, last: undefined });
  });
});

describe('age and span', () => {
  it('count whole periods between the periods’ starts, as lifetimes measures T and recency', () => {
    // 2023-06-01 is a Thursday (week of 05-29), 2024-01-15 a Monday; the as-of week starts 02-26.
    const history = [
      tx('2023-06-01T10:00:00+08:00', { amount: 100 }),
      tx('2023-06-01T16:00:00+08:00', { amount: 300 }),
      tx('2023-09-10T10:00:00+08:00', { amount: 200 }),
      tx('2024-01-15T10:00:00+08:00', { amount: 400 }),
      tx('2024-03-05T10:00:00+08:00', { amount: 900 }), // after the as-of
    ];
    expect(evaluate(spans(), AS_OF, history)).toEqual({ age: 274, span: 228 });
    expect(evaluate(spans('day'), AS_OF, history)).toEqual({ age: 274, span: 228 });
    expect(evaluate(spans('week'), AS_OF, history)).toEqual({ age: 39, span: 33 });
    expect(evaluate(spans('month'), AS_OF, history)).toEqual({ age: 9, span: 7 });
  });

  it('are 0 for purchases on the as-of day, and missing without any', () => {
    const history = [tx('2024-03-01T00:00:00+08:00'), tx('2024-03-01T23:59:59.999+08:00')];
    for (const per of ['day', 'week', 'month'] as const) {
      expect(evaluate(spans(per), AS_OF, history)).toEqual({ age: 0, span: 0 });
      expect(evaluate(spans(per, true), AS_OF, history)).toEqual({ age: 0, span: 0 });
      expect(evaluate(spans(per), AS_OF, [])).toEqual({ age: undefined, span: undefined });
    }
  });

  it('count a Sunday to the next Monday as one week, and 1/7 of a week with fractional', () => {
    const sunday = [tx('2024-02-25T12:00:00+08:00')];
    expect(evaluate(spans('week'), '2024-02-26', sunday)).toEqual({ age: 1, span: 0 });
    expect(evaluate(spans('week', true), '2024-02-26', sunday)).toEqual({ age: 1 / 7, span: 0 });
    // Monday to Sunday of the same week: 6 days, 0 whole weeks between period starts.
    expect(evaluate(spans('week'), '2024-03-03', [tx('2024-02-26T12:00:00+08:00')]).age).toBe(0);
  });

  it('measure fractional weeks as calendar days ÷ 7: 10 days is 1.428… weeks', () => {
    const history = [tx('2024-02-20T09:00:00+08:00'), tx('2024-02-27T09:00:00+08:00')];
    expect(evaluate(spans('week', true), AS_OF, history)).toEqual({ age: 10 / 7, span: 1 });
    // Tuesday 02-20 is in the week of 02-19, the as-of in the week of 02-26.
    expect(evaluate(spans('week'), AS_OF, history)).toEqual({ age: 1, span: 1 });
    // fractional days are calendar days, as without it
    expect(evaluate(spans('day', true), AS_OF, history)).toEqual({ age: 10, span: 7 });
  });

  it('measure fractional months by month-end clamping, then days ÷ the next month step', () => {
    // 01-31 + 1 month = 02-29; then 15 of the 31 days to 03-31.
    expect(evaluate(spans('month', true), '2024-03-15', [tx('2024-01-31T09:00:00+08:00')]).age).toBe(
      1 + 15 / 31,
    );
    expect(evaluate(spans('month'), '2024-03-15', [tx('2024-01-31T09:00:00+08:00')]).age).toBe(2);
    // 01-15 + 1 month = 02-15; then 15 of the 29 days to 03-15.
    expect(evaluate(spans('month', true), AS_OF, [tx('2024-01-15T09:00:00+08:00')]).age).toBe(1 + 15 / 29);
    // whole months are exact: 2023-06-01 to 2024-03-01 is 9
    expect(evaluate(spans('month', true), AS_OF, [tx('2023-06-01T09:00:00+08:00')]).age).toBe(9);
    const twoPurchases = [tx('2024-01-31T09:00:00+08:00'), tx('2024-02-29T09:00:00+08:00')];
    expect(evaluate(spans('month', true), AS_OF, twoPurchases).span).toBe(1);
  });

  it('start from the first purchase inside the window', () => {
    // P2W as of Friday 03-01 holds 02-17 … 03-01: 02-10 is out, Sunday 02-18 (week of 02-12) in.
    const history = [
      tx('2024-02-10T10:00:00+08:00', { amount: 1 }),
      tx('2024-02-18T10:00:00+08:00', { amount: 2 }),
      tx('2024-02-19T10:00:00+08:00', { amount: 4 }),
      tx('2024-03-01T10:00:00+08:00', { amount: 8 }),
    ];
    const window = 'P2W';
    expect(
      evaluate(
        {
          age: fact('age', { per: 'week', window }),
          span: fact('span', { window }),
          weeks: fact('count', { per: 'week', window }),
          repeatWeeks: fact('count', { per: 'week', excludeFirst: true, window }),
          repeatSpend: fact('sum', { of: 'amount', per: 'week', excludeFirst: true, window }),
        },
        AS_OF,
        history,
      ),
    ).toEqual({ age: 2, span: 12, weeks: 3, repeatWeeks: 2, repeatSpend: 12 });
    // A calendar month window: February only.
    const calendar = { months: fact('count', { per: 'month', window: 'P1M', calendar: true }) };
    const edges = [
      tx('2024-01-31T23:30:00+08:00'),
      tx('2024-02-01T00:00:00+08:00'),
      tx('2024-03-01T00:00:00+08:00'),
    ];
    expect(evaluate(calendar, AS_OF, edges).months).toBe(1);
  });
});

describe('option misuse', () => {
  const diagnostics = (facts: Record<string, Fact>) => {
    const plan = compileAggregates(facts, { asOf: AS_OF });
    if (isAggregatePlan(plan)) throw new Error('expected diagnostics');
    return plan.map((d) => [d.code, d.pointer]);
  };

  it('is TW0211 at the option: excludeFirst without per, per or fractional where they mean nothing', () => {
    expect(diagnostics({ f: fact('count', { excludeFirst: true }) })).toEqual([
      ['TW0211', '/facts/f/excludeFirst'],
    ]);
    expect(diagnostics({ f: fact('distinctDays', { per: 'week' }) })).toEqual([['TW0211', '/facts/f/per']]);
    expect(diagnostics({ f: fact('age', { excludeFirst: true }) })).toEqual([
      ['TW0211', '/facts/f/excludeFirst'],
    ]);
    expect(diagnostics({ f: fact('sum', { of: 'amount', fractional: true }) })).toEqual([
      ['TW0211', '/facts/f/fractional'],
    ]);
    expect(diagnostics({ f: { type: 'date', aggregate: 'firstDate', per: 'day' } })).toEqual([
      ['TW0211', '/facts/f/per'],
    ]);
  });
});
