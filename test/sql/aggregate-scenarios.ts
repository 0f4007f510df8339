import fc from 'fast-check';
import { DateTime } from 'luxon';
import { compileAggregates, isAggregatePlan } from '../../src/facts/aggregate.js';
import { type AsOf, isAsOf, parseAsOf } from '../../src/facts/asof.js';
import { AGGREGATE_SHAPES } from '../../src/policy/aggregates.js';
import { ALL_AGGREGATES, type Fact, PERIODS } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import type { LoggedTransaction } from './transactions.js';

/** Random transaction logs and aggregate facts, and what the JavaScript path makes of them. */

const DAY = 86_400_000;
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'];
const WINDOWS = ['P12M', 'P90D', 'P1M', 'P1D', 'P2W', 'PT36H', 'P1Y6M', 'P3M', undefined];
const CALENDAR_WINDOWS = ['P1M', 'P3M', 'P12M', 'P1Y', 'P2Y'];
export const CUSTOMERS = ['a', 'b', 'c', 'd'];

/** A valid aggregate fact of any kind, with the options its aggregate takes. */
export const aggregateFact: fc.Arbitrary<Fact> = fc
  .record({
    aggregate: fc.constantFrom(...ALL_AGGREGATES),
    window: fc.oneof(
      fc.record({ window: fc.constantFrom(...WINDOWS), calendar: fc.constant(false) }),
      fc.record({ window: fc.constantFrom(...CALENDAR_WINDOWS), calendar: fc.constant(true) }),
    ),
    of: fc.constantFrom('amount', 'amount', 'note', undefined),
    per: fc.option(fc.constantFrom(...PERIODS), { nil: undefined }),
    excludeFirst: fc.boolean(),
    fractional: fc.boolean(),
    bounds: fc.option(fc.record({ min: fc.constantFrom(0, 1, 2), max: fc.constantFrom(3, 50, 10_000) }), {
      nil: undefined,
      freq: 5,
    }),
  })
  .map(({ aggregate, window, of, per, excludeFirst, fractional, bounds }) => {
    const shape = AGGREGATE_SHAPES[aggregate];
    const fact: Fact = {
      type: shape.gives === 'date' ? 'date' : 'number',
      aggregate,
      from: 'transactions',
      ...(window.window === undefined ? {} : { window: window.window }),
      ...(window.calendar ? { calendar: true } : {}),
    };
    const field = shape.needsField ? (of ?? 'amount') : of;
    if (field !== undefined) fact.of = field;
    if (shape.per !== undefined && per !== undefined) {
      fact.per = per;
      if (shape.per === 'merge' && excludeFirst) fact.excludeFirst = true;
      if (shape.per === 'unit' && fractional) fact.fractional = true;
    }
    if (bounds && shape.gives === 'number') Object.assign(fact, bounds);
    return fact;
  });

/** Money and the doubles that round: cents, thirds, huge and tiny values, refunds, gaps. */
const amount = fc.oneof(
  fc.integer({ min: -50_000, max: 10_000_000 }).map((cents) => cents / 100),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 800_000 / 12, 1e15, -1e15, 1e-9, 2 ** 53, 1 / 3),
  fc.constantFrom(undefined, null),
);

/**
 * How far before the as-of a transaction lies: anywhere in three years, a little after it, or at
 * a whole number of days before it (a millisecond either side), where windows and months turn.
 */
const back = fc.oneof(
  fc.integer({ min: -3 * DAY, max: 1100 * DAY }),
  fc
    .tuple(
      fc.constantFrom(0, 1, 2, 14, 28, 29, 30, 31, 90, 91, 365, 366, 546, 547),
      fc.constantFrom(-1, 0, 1),
    )
    .map(([days, ms]) => days * DAY + ms),
);

export const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    asOfDay: fc.oneof(
      fc.integer({ min: Date.UTC(2020, 0, 1) / DAY, max: Date.UTC(2026, 11, 31) / DAY }),
      // Month ends, and the DST changes of the zones above.
      fc.integer({ min: 0, max: 7 * 12 - 1 }).map((month) => Date.UTC(2020, month + 1, 0) / DAY),
      fc.constantFrom(Date.UTC(2024, 2, 10) / DAY, Date.UTC(2024, 2, 31) / DAY, Date.UTC(2024, 10, 3) / DAY),
    ),
    timeOfDay: fc.option(fc.integer({ min: 0, max: DAY - 1 }), { nil: undefined, freq: 3 }),
    facts: fc.array(aggregateFact, { minLength: 1, maxLength: 6 }),
    log: fc.array(
      fc.record({
        customer: fc.constantFrom(...CUSTOMERS),
        back,
        amount,
        note: fc.option(fc.constantFrom('gift', '礼品'), { nil: undefined }),
      }),
      { maxLength: 60 },
    ),
  })
  .map(({ zone, asOfDay, timeOfDay, facts, log }) => {
    const date = new Date(asOfDay * DAY).toISOString().slice(0, 10);
    const day = DateTime.fromISO(date, { zone });
    const asOfText =
      timeOfDay === undefined
        ? date
        : DateTime.fromMillis(Math.min(day.toMillis() + timeOfDay, day.endOf('day').toMillis()), {
            zone,
          }).toISO()!;
    const asOf = parseAsOf(asOfText, { timezone: zone });
    if (!isAsOf(asOf)) throw new Error(JSON.stringify(asOf));
    const transactions: LoggedTransaction[] = log.map((t, row) => ({
      customer: t.customer,
      at: asOf.instant - t.back,
      row,
      fields: {
        ...(t.amount === undefined ? {} : { amount: t.amount }),
        ...(t.note === undefined ? {} : { note: t.note }),
      },
    }));
    return { zone, asOf, facts: Object.fromEntries(facts.map((f, i) => [`f${i}`, f])), transactions };
  });

export function policyOf(zone: string, facts: Record<string, Fact>): Policy {
  return {
    metadata: { timezone: zone },
    facts: { id: { type: 'string', key: true }, ...facts },
    sources: {
      transactions: {
        customer: 'customer',
        date: 'date',
        fields: { amount: { column: 'amount', type: 'number' }, note: { column: 'note', type: 'string' } },
      },
    },
  } as unknown as Policy;
}

/** The JavaScript path: each customer's accumulator fed the log in order. */
export function expected(facts: Record<string, Fact>, asOf: AsOf, log: readonly LoggedTransaction[]) {
  const plan = compileAggregates(facts, { asOf });
  if (!isAggregatePlan(plan)) throw new Error(JSON.stringify(plan));
  const accumulators = new Map(CUSTOMERS.map((c) => [c, plan.accumulator()]));
  for (const tx of log) accumulators.get(tx.customer)!.add(tx);
  return new Map([...accumulators].map(([c, a]) => [c, a.result()]));
}

export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
