import { describe, expect, it } from 'vitest';
import { type AsOf, isAsOf, parseAsOf } from '../../src/facts/asof.js';
import { dayNumber } from '../../src/facts/calendar.js';
import { deriveContext, factPlan, interpretFacts, runAsOf } from '../../src/facts/derive.js';
import { and, finite, or, roundHalfAway } from '../../src/facts/expr-math.js';
import { fractionalMonths, toInstant } from '../../src/facts/instant.js';
import { zoneCalendar } from '../../src/facts/zone.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';

const SHANGHAI = 'Asia/Shanghai';

const BASE: Record<string, Fact> = {
  a: { type: 'number' },
  b: { type: 'number' },
  n: { type: 'integer' },
  ok: { type: 'boolean' },
  yes: { type: 'boolean' },
  city: { type: 'string' },
  seg: { type: 'enum', values: ['gold', 'silver'] },
  last: { type: 'date' },
  first: { type: 'date' },
} as Record<string, Fact>;

function policyOf(facts: Record<string, Fact>, timezone = SHANGHAI): Policy {
  return { metadata: { timezone }, facts: { ...BASE, ...facts } } as unknown as Policy;
}

function asOf(date: string, timezone = SHANGHAI): AsOf {
  const parsed = parseAsOf(date, { timezone });
  if (!isAsOf(parsed)) throw new Error(`as-of ${date}`);
  return parsed;
}

/** The value of derived fact `x` = expr for one customer, as of a date. */
function value(
  expr: string,
  facts: Record<string, unknown> = {},
  options: { type?: string; default?: unknown; values?: string[]; asOf?: string; timezone?: string } = {},
): unknown {
  const fact = {
    type: options.type ?? 'number',
    expr,
    default: options.default,
    values: options.values,
  } as Fact;
  const timezone = options.timezone ?? SHANGHAI;
  const plan = factPlan(policyOf({ x: fact }, timezone));
  const context = deriveContext(plan, asOf(options.asOf ?? '2024-03-01', timezone));
  return interpretFacts(plan, context)(facts).x;
}

describe('missing values', () => {
  it('make arithmetic and comparisons missing', () => {
    for (const e of ['a + b', 'a - b', 'a * b', 'a / b', 'a % b', '-b', 'a < b', 'a == b', 'a != b'])
      expect(value(e, { a: 1 }), e).toBeUndefined();
    expect(value('a + 1', { a: 2 })).toBe(3);
  });

  it('read a value of the wrong type as missing', () => {
    expect(value('a + 1', { a: '2' })).toBeUndefined();
    expect(value('a + 1', { a: true })).toBeUndefined();
    expect(value('a + 1', { a: null })).toBeUndefined();
    expect(value('a + 1', { a: Number.NaN })).toBeUndefined();
    expect(value('a + 1', { a: Number.POSITIVE_INFINITY })).toBeUndefined();
    expect(value('!ok', { ok: 1 }, { type: 'boolean' })).toBeUndefined();
    expect(value("city == 'x'", { city: 3 }, { type: 'boolean' })).toBeUndefined();
  });

  it('take the fact’s default', () => {
    expect(value('a / b', { a: 1 }, { default: 7 })).toBe(7);
    expect(value('a / b', { a: 1, b: 0 }, { default: 0 })).toBe(0);
    expect(value('a / b', { a: 1, b: 2 }, { default: 0 })).toBe(0.5);
  });
});

describe('arithmetic at its edges', () => {
  it('division and remainder by zero are missing, also by −0', () => {
    expect(value('a / b', { a: 1, b: 0 })).toBeUndefined();
    expect(value('a / b', { a: 0, b: 0 })).toBeUndefined();
    expect(value('a % b', { a: 5, b: 0 })).toBeUndefined();
    expect(value('a / b', { a: 1, b: -0 })).toBeUndefined();
    expect(value('a % b', { a: 7, b: -3 })).toBe(1);
    expect(value('a % b', { a: -7, b: 3 })).toBe(-1);
  });

  it('an overflow is missing', () => {
    expect(value('a * b', { a: 1e200, b: 1e200 })).toBeUndefined();
    expect(value('a + b', { a: Number.MAX_VALUE, b: Number.MAX_VALUE })).toBeUndefined();
    expect(value('-a - b', { a: Number.MAX_VALUE, b: Number.MAX_VALUE })).toBeUndefined();
    expect(value('a / b', { a: 1e300, b: 1e-300 })).toBeUndefined();
    expect(value('a * b', { a: 1e300, b: 1e8 })).toBe(1e308);
  });

  it('−0 is 0 wherever it arises', () => {
    for (const [e, facts] of [
      ['-a', { a: 0 }],
      ['a * b', { a: -1, b: 0 }],
      ['a / b', { a: 0, b: -5 }],
      ['a % b', { a: -4, b: 2 }],
      ['a', { a: -0 }],
      ['a + 0', { a: -0 }],
      ['min(a, b)', { a: 0, b: -0 }],
      ['max(a, b)', { a: -0, b: -0 }],
      ['abs(a)', { a: -0 }],
      ['round(a)', { a: -0.4 }],
      ['ceil(a)', { a: -0.5 }],
      ['floor(a)', { a: -0 }],
      ['coalesce(b, a)', { a: -0 }],
      ['if(ok, a, 1)', { a: -0, ok: true }],
    ] as const) {
      expect(Object.is(value(e, facts), 0), `${e} ${JSON.stringify(facts)}`).toBe(true);
    }
  });

  it('comparisons follow numbers', () => {
    expect(value('a < b', { a: 1, b: 2 }, { type: 'boolean' })).toBe(true);
    expect(value('a >= b', { a: 2, b: 2 }, { type: 'boolean' })).toBe(true);
    expect(value('a == b', { a: 0.1 + 0.2, b: 0.3 }, { type: 'boolean' })).toBe(false);
    expect(value("seg == 'gold'", { seg: 'gold' }, { type: 'boolean' })).toBe(true);
    expect(value('ok == yes', { ok: false, yes: false }, { type: 'boolean' })).toBe(true);
  });
});

describe('logic is Kleene’s', () => {
  it.each([
    ['ok && yes', { ok: false }, false],
    ['ok && yes', { yes: false }, false],
    ['ok && yes', { ok: true }, undefined],
    ['ok && yes', { ok: true, yes: true }, true],
    ['ok || yes', { ok: true }, true],
    ['ok || yes', { yes: true }, true],
    ['ok || yes', { ok: false }, undefined],
    ['ok || yes', { ok: false, yes: false }, false],
    ['!ok', {}, undefined],
    ['!ok', { ok: false }, true],
    ['a > 1 && ok', { ok: false }, false],
  ])('%s with %j is %s', (e, facts, expected) => {
    expect(value(e, facts, { type: 'boolean' })).toBe(expected);
  });

  it('and/or on their own', () => {
    expect([
      and(false, undefined),
      and(undefined, undefined),
      or(undefined, true),
      or(undefined, false),
    ]).toEqual([false, undefined, true, undefined]);
  });
});

describe('functions', () => {
  it('if: a missing condition is missing; only the chosen branch matters', () => {
    expect(value('if(ok, a, b)', { a: 1, b: 2 })).toBeUndefined();
    expect(value('if(ok, a, b)', { ok: true, a: 1 })).toBe(1);
    expect(value('if(ok, a, b)', { ok: false, a: 1 })).toBeUndefined();
    expect(value('if(ok, a, b)', { ok: false, b: 2 })).toBe(2);
  });

  it('coalesce gives the first present value', () => {
    expect(value('coalesce(a, b, 3)', {})).toBe(3);
    expect(value('coalesce(a, b, 3)', { b: 0 })).toBe(0);
    expect(value('coalesce(a, b)', {})).toBeUndefined();
    expect(value('coalesce(a / b, 9)', { a: 1, b: 0 })).toBe(9);
  });

  it('min, max, abs, floor, ceil, round: missing when any argument is', () => {
    for (const e of ['min(a, b)', 'max(a, b)', 'abs(b)', 'floor(b)', 'ceil(b)', 'round(b)', 'round(b, 2)'])
      expect(value(e, { a: 1 }), e).toBeUndefined();
    expect(value('min(a, b, -3)', { a: 1, b: 2 })).toBe(-3);
    expect(value('max(a)', { a: 1 })).toBe(1);
    expect(value('abs(a)', { a: -2.5 })).toBe(2.5);
    expect(value('floor(a)', { a: -2.5 })).toBe(-3);
    expect(value('ceil(a)', { a: -2.5 })).toBe(-2);
  });

  it('round is half away from zero', () => {
    expect(value('round(a)', { a: 2.5 })).toBe(3);
    expect(value('round(a)', { a: -2.5 })).toBe(-3);
    expect(value('round(a)', { a: 2.4999 })).toBe(2);
    expect(value('round(a, 2)', { a: 1.005 })).toBe(1.01);
    expect(value('round(a, 2)', { a: -1.005 })).toBe(-1.01);
    expect(value('round(a, 1)', { a: 0.15 })).toBe(0.2);
    expect(value('round(a, 2)', { a: 1.0049 })).toBe(1);
  });

  it('round reads a binary value a hair off a half as the half, and nothing further off', () => {
    expect(roundHalfAway(0.5 - 1e-12, 0)).toBe(1);
    expect(roundHalfAway(0.5 - 1e-6, 0)).toBe(0);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
  });

  it('round keeps large numbers as they are', () => {
    expect(roundHalfAway(1_000_000_000.2, 0)).toBe(1_000_000_000);
    expect(roundHalfAway(123_456_789.4, 0)).toBe(123_456_789);
    expect(roundHalfAway(-123_456_789.4, 0)).toBe(-123_456_789);
    expect(roundHalfAway(1e300, 10)).toBe(1e300);
    expect(roundHalfAway(1e20 + 0.5, 2)).toBe(1e20);
    expect(roundHalfAway(12_345_678.125, 2)).toBe(12_345_678.13);
  });

  it('finite reads −0 as 0 and non-finite as missing', () => {
    expect(Object.is(finite(-0), 0)).toBe(true);
    expect(finite(Number.NaN)).toBeUndefined();
    expect(finite(Number.NEGATIVE_INFINITY)).toBeUndefined();
  });
});

describe('dates', () => {
  it('daysSince counts calendar days in the policy’s zone', () => {
    const bought = { last: '2024-03-01T23:30:00+08:00' };
    expect(value('daysSince(last)', bought)).toBe(0);
    expect(value('daysSince(last)', bought, { asOf: '2024-03-02' })).toBe(1);
    // In UTC the purchase was on 2024-03-01 at 15:30.
    expect(value('daysSince(last)', bought, { timezone: 'UTC', asOf: '2024-03-02' })).toBe(1);
    expect(value('daysSince(last)', bought, { timezone: 'UTC', asOf: '2024-03-01' })).toBe(0);
    const early = { last: '2024-03-02T07:30:00+08:00' };
    expect(value('daysSince(last)', early, { asOf: '2024-03-02' })).toBe(0);
    expect(value('daysSince(last)', early, { timezone: 'UTC', asOf: '2024-03-02' })).toBe(1);
  });

  it('daysSince of a future date is negative', () => {
    expect(value('daysSince(last)', { last: '2024-03-05' })).toBe(-4);
  });

  it('daysSince across a change to summer time is still whole days', () => {
    const ny = { timezone: 'America/New_York' };
    expect(value('daysSince(last)', { last: '2024-03-09T23:00' }, { ...ny, asOf: '2024-03-10' })).toBe(1);
    expect(value('daysSince(last)', { last: '2024-03-10T03:30' }, { ...ny, asOf: '2024-03-11' })).toBe(1);
    expect(value('daysSince(last)', { last: '2024-03-10' }, { ...ny, asOf: '2024-03-10' })).toBe(0);
    expect(value('daysBetween(first, last)', { first: '2024-03-09', last: '2024-03-12' }, ny)).toBe(3);
  });

  it('weeks are days / 7, months are fractional', () => {
    expect(value('weeksSince(last)', { last: '2024-02-20' })).toBe(10 / 7);
    expect(value('weeksBetween(first, last)', { first: '2024-01-01', last: '2024-01-15' })).toBe(2);
    expect(value('monthsSince(last)', { last: '2024-01-31' }, { asOf: '2024-02-29' })).toBe(1);
    expect(value('monthsBetween(first, last)', { first: '2024-01-15', last: '2024-03-01' })).toBe(
      1 + 15 / 29,
    );
    expect(value('monthsBetween(first, last)', { first: '2024-03-01', last: '2024-01-15' })).toBe(
      -(1 + 15 / 29),
    );
  });

  it('a missing or unreadable date makes the result missing', () => {
    expect(value('daysSince(last)', {}, { default: -1 })).toBe(-1);
    expect(value('daysSince(last)', { last: '2023-02-29' })).toBeUndefined();
    expect(value('daysSince(last)', { last: 'yesterday' })).toBeUndefined();
    expect(value('daysBetween(first, last)', { last: '2024-01-01' })).toBeUndefined();
  });

  it('date() is the start of the day in the zone; dates compare as instants', () => {
    expect(
      value("last < date('2024-01-01')", { last: '2023-12-31T23:59:59+08:00' }, { type: 'boolean' }),
    ).toBe(true);
    expect(
      value("last < date('2024-01-01')", { last: '2024-01-01T00:00:00+08:00' }, { type: 'boolean' }),
    ).toBe(false);
    expect(value("daysBetween(date('2024-01-01'), last)", { last: '2024-03-01' })).toBe(60);
    expect(value('max(first, last)', { first: '2024-01-01', last: '2023-01-01' }, { type: 'date' })).toBe(
      toInstant('2024-01-01', zoneCalendar(SHANGHAI)),
    );
  });
});

describe('fractionalMonths', () => {
  const d = dayNumber;
  it.each([
    [d(2024, 1, 31), d(2024, 2, 29), 1],
    [d(2024, 1, 15), d(2024, 3, 1), 1 + 15 / 29],
    [d(2024, 3, 1), d(2024, 1, 15), -(1 + 15 / 29)],
    [d(2024, 3, 1), d(2024, 3, 1), 0],
    [d(2024, 1, 1), d(2024, 1, 16), 15 / 31],
    [d(2023, 1, 31), d(2023, 2, 28), 1],
    [d(2024, 1, 31), d(2024, 3, 31), 2],
    [d(2023, 3, 15), d(2024, 3, 15), 12],
  ])('from %i to %i is %d months', (from, to, months) => {
    expect(fractionalMonths(from, to)).toBeCloseTo(months, 12);
  });

  it('is exactly 0, never −0, on the same day', () => {
    expect(Object.is(fractionalMonths(100, 100), 0)).toBe(true);
  });
});

describe('toInstant', () => {
  const zone = zoneCalendar(SHANGHAI);
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['2024-03-01', at('2024-03-01T00:00:00+08:00')],
    [' 2024-03-01 ', at('2024-03-01T00:00:00+08:00')],
    ['2024-03-01T09:30:00+08:00', at('2024-03-01T09:30:00+08:00')],
    ['2024-03-01T09:30+08:00', at('2024-03-01T09:30:00+08:00')],
    ['2024-03-01 09:30:00Z', at('2024-03-01T09:30:00Z')],
    ['2024-03-01T09:30:00.123-05:00', at('2024-03-01T09:30:00.123-05:00')],
    ['2024-03-01T09:30:00+0800', at('2024-03-01T09:30:00+08:00')],
    ['2024-03-01T09:30', at('2024-03-01T09:30:00+08:00')],
    ['2024-03-01 09:30:15', at('2024-03-01T09:30:15+08:00')],
    ['2024-02-29', at('2024-02-29T00:00:00+08:00')],
    ['2024-03-01T09:30+18:00', at('2024-02-29T15:30:00Z')],
  ])('reads %s', (text, expected) => {
    expect(toInstant(text, zone)).toBe(expected);
  });

  it('reads numbers and Dates as they are', () => {
    expect(toInstant(1_700_000_000_000, zone)).toBe(1_700_000_000_000);
    expect(toInstant(new Date(5), zone)).toBe(5);
  });

  it.each([
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-03-01T25:00',
    '2024-03-01T09:30+25:00',
    '2024-03-01T09:30+18:01',
    '2024-03-01T09:30+08:60',
    '2023-02-29T09:30',
    'yesterday',
    '',
    '20240301',
    '2024/03/01',
  ])('refuses %j', (text) => {
    expect(toInstant(text, zone)).toBeUndefined();
  });

  it('refuses what is not a date at all', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, new Date('x')])
      expect(toInstant(v, zone)).toBeUndefined();
  });
});

describe('enums and defaults', () => {
  const enumOf = { type: 'enum', values: ['gold', 'silver'], default: 'silver' };
  it('an enum result outside its values takes the default', () => {
    expect(value("if(a > 10, 'gold', 'bronze')", { a: 20 }, enumOf)).toBe('gold');
    expect(value("if(a > 10, 'gold', 'bronze')", { a: 1 }, enumOf)).toBe('silver');
    expect(value("if(a > 10, 'gold', 'bronze')", {}, enumOf)).toBe('silver');
    expect(value('city', { city: 'Gold' }, enumOf)).toBe('silver');
  });

  it('a date fact with no value takes its default as an instant, as a date read from data', () => {
    const zone = zoneCalendar(SHANGHAI);
    const dated = { type: 'date', default: '2020-01-01' };
    expect(value('max(first, last)', { last: 'bad' }, dated)).toBe(toInstant('2020-01-01', zone));
    expect(value('max(first, last)', { first: '2024-01-01', last: '2023-01-01' }, dated)).toBe(
      toInstant('2024-01-01', zone),
    );
  });

  it('a fact with no value and no default stays missing', () => {
    expect(value('a / b', { a: 1, b: 0 })).toBeUndefined();
    expect('x' in { x: value('a', {}) }).toBe(true);
  });
});

describe('order and the as-of', () => {
  it('computes derived facts after the derived facts they read', () => {
    const plan = factPlan(
      policyOf({
        y: { type: 'number', expr: 'z * 2' } as Fact,
        z: { type: 'number', expr: 'a + 1' } as Fact,
      }),
    );
    expect(plan.derived.map((d) => d.id)).toEqual(['z', 'y']);
    expect(interpretFacts(plan, deriveContext(plan))({ a: 1 })).toMatchObject({ z: 2, y: 4 });
  });

  it('turns date facts into instants, and leaves other facts alone', () => {
    const plan = factPlan(policyOf({ x: { type: 'number', expr: 'a' } as Fact }));
    const out = interpretFacts(plan, deriveContext(plan))({ last: '2024-03-01', a: 2, extra: 'kept' });
    expect(out).toMatchObject({
      last: toInstant('2024-03-01', zoneCalendar(SHANGHAI)),
      a: 2,
      extra: 'kept',
      x: 2,
    });
  });

  it('measures from today in the zone when no as-of is given', () => {
    const plan = factPlan(policyOf({ x: { type: 'integer', expr: 'daysSince(last)' } as Fact }));
    const now = Date.parse('2024-03-01T20:00:00Z'); // 2024-03-02 04:00 in Shanghai
    const context = deriveContext(plan, undefined, now);
    expect(interpretFacts(plan, context)({ last: '2024-03-01' }).x).toBe(1);
  });

  it('runAsOf reads --as-of only when something measures from it', () => {
    const measuring = policyOf({ x: { type: 'integer', expr: 'daysSince(last)' } as Fact });
    expect(runAsOf(measuring, '2024-03-01').asOf?.date).toBe('2024-03-01');
    expect(runAsOf(measuring, '2023-02-29').diagnostics.length).toBeGreaterThan(0);
    expect(runAsOf(policyOf({ x: { type: 'number', expr: 'a + 1' } as Fact }), '2024-03-01')).toEqual({
      diagnostics: [],
    });
  });
});
