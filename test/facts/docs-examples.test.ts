import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { monthlySeries } from '../../src/facts/series.js';
import { type Fact, Facts } from '../../src/policy/schema/facts.js';
import { evaluate, fact, seed004Orders, tx, value } from './fixtures.js';

/** Every worked example of docs/facts.md, in the order the page gives them. */
const DOC = readFileSync(new URL('../../docs/facts.md', import.meta.url), 'utf8');

/** The `facts:` of the YAML block that follows `heading`, checked against the policy schema. */
function factsUnder(heading: string): Record<string, Fact> {
  const section = DOC.slice(DOC.indexOf(heading));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`no YAML under ${heading}`);
  const facts: unknown = parse(block).facts;
  expect([...Value.Errors(Facts, facts)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
  return facts as Record<string, Fact>;
}

const SHANGHAI = (local: string) => `${local}+08:00`;

describe('docs/facts.md: windows', () => {
  it('P12M as of 2024-03-01 holds 2023-03-02 00:00 through 2024-03-01 23:59:59.999', () => {
    const edges = [
      '2023-03-01T23:59:59.999',
      '2023-03-02T00:00:00',
      '2024-03-01T23:59:59.999',
      '2024-03-02T00:00:00',
    ];
    const counted = edges.map((at) => value('count', { window: 'P12M' }, '2024-03-01', [tx(SHANGHAI(at))]));
    expect(counted).toEqual([0, 1, 1, 0]);
  });

  it('PT36H starts at 12:00 two days back; PT24H on a 23-hour day reaches into the day before', () => {
    expect(value('count', { window: 'PT36H' }, '2024-03-01', [tx(SHANGHAI('2024-02-29T11:59:59.999'))])).toBe(
      0,
    );
    expect(value('count', { window: 'PT36H' }, '2024-03-01', [tx(SHANGHAI('2024-02-29T12:00:00.000'))])).toBe(
      1,
    );
    const ny = [tx('2024-03-09T23:00:00.000-05:00'), tx('2024-03-09T22:59:59.999-05:00')];
    expect(value('count', { window: 'PT24H' }, '2024-03-10', ny, 'America/New_York')).toBe(1);
    expect(value('count', { window: 'P1D' }, '2024-03-10', ny, 'America/New_York')).toBe(0);
  });

  it('P1M clamps at month ends: as of March 29, 30 and 31 it starts on March 1, as of March 28 on Feb 29', () => {
    const leapDay = [tx(SHANGHAI('2024-02-29T12:00:00'))];
    const firstOfMarch = [tx(SHANGHAI('2024-03-01T00:00:00'))];
    for (const asOf of ['2024-03-29', '2024-03-30', '2024-03-31']) {
      expect(value('count', { window: 'P1M' }, asOf, leapDay), asOf).toBe(0);
      expect(value('count', { window: 'P1M' }, asOf, firstOfMarch), asOf).toBe(1);
    }
    expect(value('count', { window: 'P1M' }, '2024-03-28', leapDay)).toBe(1);
  });

  it('gives the leap-year table: first day in and day count of P12M', () => {
    const rows: [string, string, number][] = [
      ['2024-02-28', '2023-03-01', 365],
      ['2024-02-29', '2023-03-01', 366],
      ['2024-03-01', '2023-03-02', 366],
      ['2025-02-28', '2024-02-29', 366],
      ['2025-03-01', '2024-03-02', 365],
    ];
    for (const [asOf, first, days] of rows) {
      const dayBefore = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const history = [tx(SHANGHAI(`${dayBefore}T23:59:59.999`)), tx(SHANGHAI(`${first}T00:00:00`))];
      expect(value('count', { window: 'P12M' }, asOf, history), asOf).toBe(1);
      expect(value('daysSinceFirst', { window: 'P12M' }, asOf, history), asOf).toBe(days - 1);
    }
    expect(value('count', { window: 'P1Y' }, '2024-02-29', [tx(SHANGHAI('2023-02-28T23:59:59.999'))])).toBe(
      0,
    );
  });

  it('rolls back from a date-time as-of instant', () => {
    const asOf = SHANGHAI('2024-03-31T10:00:00');
    const history = [tx(SHANGHAI('2024-02-29T10:00:00.000')), tx(SHANGHAI('2024-02-29T10:00:00.001'))];
    expect(value('count', { window: 'P1M' }, asOf, history)).toBe(1);
  });

  it('gives the calendar-window table', () => {
    const rows: [string, string, string, string][] = [
      ['2024-03-01', '2023-03-01', '2023-12-01', '2024-02-29'],
      ['2024-03-15', '2023-03-01', '2023-12-01', '2024-02-29'],
      ['2024-03-31', '2023-04-01', '2024-01-01', '2024-03-31'],
      [SHANGHAI('2024-03-31T18:00:00'), '2023-03-01', '2023-12-01', '2024-02-29'],
    ];
    const day = (d: string, time: string) => tx(SHANGHAI(`${d}T${time}`));
    for (const [asOf, first12, first3, last] of rows) {
      for (const [window, first] of [
        ['P12M', first12],
        ['P3M', first3],
      ] as const) {
        const edges = [day(first, '00:00:00'), day(last, '23:59:59.999')];
        const outside = edges.map((t, i) => ({ ...t, at: t.at + (i === 0 ? -1 : 1) }));
        const counted = value('count', { window, calendar: true }, asOf, [...edges, ...outside]);
        expect(counted, `${asOf} ${window}`).toBe(2);
      }
    }
  });
});

describe('docs/facts.md: which transactions count', () => {
  it('skips a transaction without the field for the facts reading that field only', () => {
    const history = [
      tx(SHANGHAI('2024-01-10T12:00:00'), { amount: 100 }),
      tx(SHANGHAI('2024-02-10T12:00:00'), { product: 'P1' }),
      tx(SHANGHAI('2024-02-20T12:00:00'), { amount: null }),
      tx(SHANGHAI('2024-02-25T12:00:00'), { amount: 50 }),
    ];
    const facts = {
      count: fact('count'),
      priced: fact('count', { of: 'amount' }),
      sum: fact('sum', { of: 'amount' }),
      avg: fact('avg', { of: 'amount' }),
      recency: fact('daysSinceLast'),
      pricedRecency: fact('daysSinceLast', { of: 'amount' }),
      pricedDays: fact('distinctDays', { of: 'amount' }),
    };
    expect(evaluate(facts, '2024-03-01', history)).toEqual({
      count: 4,
      priced: 2,
      sum: 150,
      avg: 75,
      recency: 5,
      pricedRecency: 5,
      pricedDays: 2,
    });
  });
});

describe('docs/facts.md: calendar days are the zone’s', () => {
  const lateEvening = [tx(SHANGHAI('2024-03-01T23:30:00')), tx(SHANGHAI('2024-03-02T00:30:00'))];
  const facts = { days: fact('distinctDays'), recency: fact('daysSinceLast'), age: fact('daysSinceFirst') };

  it('puts 23:30 in Shanghai on the as-of day and ignores 00:30 the next day', () => {
    expect(evaluate(facts, '2024-03-01', lateEvening)).toEqual({ days: 1, recency: 0, age: 0 });
    expect(evaluate(facts, '2024-03-05', lateEvening)).toEqual({ days: 2, recency: 3, age: 4 });
    expect(evaluate(facts, '2024-03-05', lateEvening, 'UTC')).toEqual({ days: 1, recency: 4, age: 4 });
  });
});

describe('docs/facts.md: the aggregates', () => {
  it('sum, count, avg, min, max over P12M', () => {
    const history = [
      tx(SHANGHAI('2023-03-01T23:59:59.999'), { amount: 1 }),
      tx(SHANGHAI('2023-03-02T00:00:00'), { amount: 10 }),
      tx(SHANGHAI('2023-09-15T12:00:00'), { amount: 20 }),
      tx(SHANGHAI('2023-09-15T18:00:00'), { amount: 40 }),
      tx(SHANGHAI('2024-03-01T23:59:59.999'), { amount: 30 }),
      tx(SHANGHAI('2024-03-02T00:00:00'), { amount: 1000 }),
    ];
    const facts = Object.fromEntries(
      (['sum', 'count', 'avg', 'min', 'max'] as const).map((a) => [
        a,
        fact(a, { of: 'amount', window: 'P12M' }),
      ]),
    );
    expect(evaluate(facts, '2024-03-01', history)).toEqual({ sum: 100, count: 4, avg: 25, min: 10, max: 40 });
  });

  it('sums twelve orders of 800,000 / 12 to 800,000 exactly', () => {
    // The 10th of each month from March 2023 to February 2024, 12:00 in Shanghai.
    const orders = Array.from({ length: 12 }, (_, i) =>
      tx(new Date(Date.UTC(2023, 2 + i, 10, 4)).toISOString(), { amount: 800_000 / 12 }),
    );
    expect(value('sum', { of: 'amount', window: 'P12M' }, '2024-03-01', orders)).toBe(800_000);
  });

  it('distinct days and months, repeat days and repurchase rate', () => {
    const history = [
      tx(SHANGHAI('2024-01-05T09:00:00')),
      tx(SHANGHAI('2024-01-05T21:00:00')),
      tx(SHANGHAI('2024-01-20T09:00:00')),
      tx(SHANGHAI('2024-02-10T09:00:00')),
    ];
    const facts = {
      distinctDays: fact('distinctDays', { window: 'P12M' }),
      distinctMonths: fact('distinctMonths', { window: 'P12M' }),
      repeatDays: fact('repeatDays', { window: 'P12M' }),
      repurchaseRate: fact('repurchaseRate', { window: 'P12M' }),
    };
    expect(evaluate(facts, '2024-03-01', history)).toEqual({
      distinctDays: 3,
      distinctMonths: 2,
      repeatDays: 2,
      repurchaseRate: (2 / 3) * 100,
    });
    expect(evaluate(facts, '2024-03-01', history.slice(0, 2))).toMatchObject({
      repeatDays: 0,
      repurchaseRate: 0,
    });
    const edges = [tx(SHANGHAI('2023-03-20T09:00:00')), tx(SHANGHAI('2024-03-01T09:00:00'))];
    expect(value('distinctMonths', { window: 'P12M' }, '2024-03-01', edges)).toBe(2);
    expect(value('distinctMonths', { window: 'P12M', calendar: true }, '2024-03-01', edges)).toBe(1);
  });

  it('recency in days and whole weeks', () => {
    const recency = (at: string) => [
      value('daysSinceLast', {}, '2024-03-01', [tx(SHANGHAI(at))]),
      value('weeksSinceLast', {}, '2024-03-01', [tx(SHANGHAI(at))]),
    ];
    expect(recency('2024-03-01T00:00:00')).toEqual([0, 0]);
    expect(recency('2024-02-29T23:59:59.999')).toEqual([1, 0]);
    expect(recency('2023-03-01T12:00:00')).toEqual([366, 52]);
    expect(recency('2024-02-24T12:00:00')).toEqual([6, 0]);
    expect(recency('2024-02-23T12:00:00')).toEqual([7, 1]);
    expect(recency('2024-02-16T12:00:00')).toEqual([14, 2]);
    expect(value('daysSinceLast', {}, '2024-03-01', [])).toBeUndefined();
  });

  it('customer age from the first purchase, of all history or of the window', () => {
    const history = [tx(SHANGHAI('2020-03-01T12:00:00')), tx(SHANGHAI('2024-02-01T12:00:00'))];
    expect(value('daysSinceFirst', {}, '2024-03-01', history)).toBe(1461);
    expect(value('weeksSinceFirst', {}, '2024-03-01', history)).toBe(208);
    expect(value('daysSinceFirst', { window: 'P12M' }, '2024-03-01', history)).toBe(29);
  });

  it('repurchase rate of 12, 6, 2 and 1 purchase days', () => {
    const days = (n: number) =>
      Array.from({ length: n }, (_, i) => tx(SHANGHAI(`2024-01-${String(i + 1).padStart(2, '0')}T12:00:00`)));
    expect(
      [12, 6, 2, 1].map((n) => value('repurchaseRate', { window: 'P12M' }, '2024-03-01', days(n))),
    ).toEqual([(11 / 12) * 100, (5 / 6) * 100, 50, 0]);
  });

  it('drop streak: 200,000 → 90,000 → 40,000 is two drops, re-rate (March is not compared)', () => {
    const history = [
      tx(SHANGHAI('2023-12-10T12:00:00'), { amount: 200_000 }),
      tx(SHANGHAI('2024-01-10T12:00:00'), { amount: 90_000 }),
      tx(SHANGHAI('2024-02-10T12:00:00'), { amount: 40_000 }),
      tx(SHANGHAI('2024-03-01T12:00:00'), { amount: 500_000 }),
    ];
    const drop = (extra: Partial<Fact>) =>
      value('dropStreakMonths', { of: 'amount', ...extra }, '2024-03-01', history);
    expect(drop({ window: 'P12M' })).toBe(2);
    expect(drop({ window: 'P3M' })).toBe(1);
    expect(drop({ window: 'P3M', calendar: true })).toBe(2);
    const halves = (second: number) => [
      tx(SHANGHAI('2024-01-10T12:00:00'), { amount: 200 }),
      tx(SHANGHAI('2024-02-10T12:00:00'), { amount: second }),
    ];
    expect(value('dropStreakMonths', { of: 'amount' }, '2024-03-01', halves(100))).toBe(1);
    expect(value('dropStreakMonths', { of: 'amount' }, '2024-03-01', halves(100.01))).toBe(0);
  });

  it('months without purchase (3 → churn warning)', () => {
    const months = (last: string, asOf = '2024-03-01') =>
      value('monthsWithoutPurchase', {}, asOf, [tx(SHANGHAI(`${last}T12:00:00`))]);
    expect(['2023-12-01', '2023-12-02', '2024-01-31', '2024-02-29'].map((d) => months(d))).toEqual([
      3, 2, 1, 0,
    ]);
    expect(months('2024-02-29', '2025-02-28')).toBe(12);
  });

  it('the monthly spend series', () => {
    const history = [
      tx(SHANGHAI('2023-11-10T12:00:00'), { amount: 500 }),
      tx(SHANGHAI('2024-01-05T12:00:00'), { amount: 50 }),
      tx(SHANGHAI('2024-01-31T23:30:00'), { amount: 100 }),
      tx(SHANGHAI('2024-03-01T09:00:00'), { amount: 7 }),
      tx(SHANGHAI('2024-03-02T09:00:00'), { amount: 1000 }),
    ];
    expect(monthlySeries(history, { of: 'amount', window: 'P3M', asOf: '2024-03-01' })).toEqual({
      months: [
        { month: '2023-12', amount: 0, complete: false },
        { month: '2024-01', amount: 150, complete: true },
        { month: '2024-02', amount: 0, complete: true },
        { month: '2024-03', amount: 7, complete: false },
      ],
    });
  });
});

describe('docs/facts.md: policy YAML', () => {
  it("seed 004's facts give the table for A, B and C", () => {
    const facts = factsUnder("## Seed 004's three companies");
    const row = (recency: number, count: number, total: number) => {
      const r = evaluate(facts, '2024-03-01', seed004Orders(recency, recency, count, total));
      return [
        r.daysSinceLastPurchase,
        r.orders12m,
        r.spend12m,
        Math.round(r.repurchaseRate12m! * 10) / 10,
        r.monthsWithoutPurchase,
      ];
    };
    expect(row(30, 12, 800_000)).toEqual([30, 12, 800_000, 91.7, 1]);
    expect(row(60, 6, 300_000)).toEqual([60, 6, 300_000, 83.3, 2]);
    expect(row(120, 2, 80_000)).toEqual([120, 2, 80_000, 50, 3]);
  });

  it('the RFM summary facts give recency, repeat frequency and age', () => {
    const facts = factsUnder('## An RFM summary as policy facts');
    const history = [
      tx(SHANGHAI('2023-06-01T10:00:00'), { amount: 100 }),
      tx(SHANGHAI('2023-06-01T16:00:00'), { amount: 300 }),
      tx(SHANGHAI('2023-09-10T10:00:00'), { amount: 200 }),
      tx(SHANGHAI('2024-01-15T10:00:00'), { amount: 400 }),
      tx(SHANGHAI('2024-03-05T10:00:00'), { amount: 900 }), // after the calibration end
    ];
    const r = evaluate(facts, '2024-03-01', history);
    expect(r).toEqual({
      recencyWeeks: 6,
      repeatFrequency: 2,
      customerAgeWeeks: 39,
      daysSinceLastPurchase: 46,
      customerAgeDays: 274,
      averageOrderValue: 250,
    });
    // The models' t_x, the age at the last purchase.
    expect(r.customerAgeDays! - r.daysSinceLastPurchase!).toBe(228);
  });
});
