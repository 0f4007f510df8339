import { type Static, Type } from '@sinclair/typebox';
import { Duration, Id, Label, strictObject } from './common.js';

export const FACT_TYPES = ['number', 'integer', 'string', 'enum', 'date', 'boolean'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** Units a number can carry; any ISO 4217 currency code (CNY, USD, …) is accepted too. */
export const UNITS = [
  'percent',
  'days',
  'weeks',
  'months',
  'years',
  'hours',
  'count',
  'orders',
  'orders/month',
  'orders/year',
  'points',
  'ratio',
] as const;
export const UNIT_PATTERN = `^([A-Z]{3}|${UNITS.map((u) => u.replace('/', '\\/')).join('|')})$`;

/**
 * How a fact is obtained from a transaction log. Evaluated in src/facts; each aggregate's exact
 * definition (window edges, time zone) is documented in docs/facts.md. These fifteen give one
 * number from the transactions in the window; the period aggregates below were added for the
 * customer-base summaries (lifetimes' summary_data_from_transaction_data) and are listed apart,
 * so that code and tests enumerating the per-transaction aggregates keep their meaning.
 */
export const AGGREGATES = [
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'distinctDays',
  'distinctMonths',
  'daysSinceLast',
  'daysSinceFirst',
  'weeksSinceLast',
  'weeksSinceFirst',
  'repeatDays',
  'repurchaseRate',
  'dropStreakMonths',
  'monthsWithoutPurchase',
] as const;

/** Time spans in `per` units: from the first purchase period to the as-of's (age) or to the last (span). */
export const SPAN_AGGREGATES = ['age', 'span'] as const;

/** The instant of the first or last transaction in the window: a date fact. */
export const DATE_AGGREGATES = ['firstDate', 'lastDate'] as const;

export const ALL_AGGREGATES = [...AGGREGATES, ...SPAN_AGGREGATES, ...DATE_AGGREGATES] as const;
export type Aggregate = (typeof ALL_AGGREGATES)[number];

/** Calendar periods in the policy's zone; weeks start on Monday (ISO 8601, pandas' W-SUN). */
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export const Fact = strictObject(
  {
    type: Type.Union(
      FACT_TYPES.map((t) => Type.Literal(t)),
      { 'x-expected': `one of ${FACT_TYPES.join(', ')}` },
    ),
    label: Type.Optional(Label),
    description: Type.Optional(Type.String()),
    unit: Type.Optional(
      Type.String({
        pattern: UNIT_PATTERN,
        'x-expected': `a currency code (CNY, USD, …) or one of ${UNITS.join(', ')}`,
      }),
    ),
    min: Type.Optional(Type.Number({ description: 'the smallest value possible, e.g. 0 for a spend' })),
    max: Type.Optional(Type.Number({ description: 'the largest value possible, e.g. 100 for a percentage' })),
    values: Type.Optional(
      Type.Array(Type.String(), {
        minItems: 1,
        uniqueItems: true,
        description: 'the values of an enum fact',
      }),
    ),
    pii: Type.Optional(Type.Boolean({ description: 'personal data: masked in every output' })),
    key: Type.Optional(Type.Boolean({ description: 'the customer key (one fact per policy)' })),
    revenue: Type.Optional(Type.Boolean({ description: 'the revenue measure used by simulations' })),
    required: Type.Optional(Type.Boolean({ description: 'a row without this value is an error' })),
    default: Type.Optional(Type.Unknown({ description: 'the value used when the source is empty' })),
    column: Type.Optional(
      Type.String({ minLength: 1, description: 'the source column of customer records' }),
    ),
    format: Type.Optional(Type.String({ description: 'date format of the source column, e.g. yyyy/MM/dd' })),
    from: Type.Optional(Id('the data set aggregated, e.g. transactions')),
    aggregate: Type.Optional(
      Type.Union(
        ALL_AGGREGATES.map((a) => Type.Literal(a)),
        { 'x-expected': `one of ${ALL_AGGREGATES.join(', ')}` },
      ),
    ),
    of: Type.Optional(Type.String({ description: 'the transaction field aggregated, e.g. amount' })),
    window: Type.Optional(Duration('how far back from the as-of date, e.g. P12M')),
    expr: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'a derived fact: an expression over other facts, e.g. spend12m / orders12m or daysSince(lastPurchase) (docs/language.md#expressions)',
      }),
    ),
    calendar: Type.Optional(
      Type.Boolean({
        description:
          'align the window to complete calendar months; the as-of month counts only when the as-of is its last moment (docs/facts.md)',
      }),
    ),
    per: Type.Optional(
      Type.Union(
        PERIODS.map((p) => Type.Literal(p)),
        {
          'x-expected': `one of ${PERIODS.join(', ')}`,
          description:
            "merge a customer's transactions per calendar day, week (Monday to Sunday) or month of the policy's zone before aggregating; for age and span, the unit measured (docs/facts.md)",
        },
      ),
    ),
    excludeFirst: Type.Optional(
      Type.Boolean({
        description:
          "leave the customer's first purchase period in the window out of the aggregate (needs per): lifetimes' frequency and monetary value",
      }),
    ),
    fractional: Type.Optional(
      Type.Boolean({
        description:
          'age and span as exact elapsed time in fractional weeks or months instead of whole periods between period starts',
      }),
    ),
  },
  { description: 'An input the policy reads: a column of customer records or an aggregate of transactions.' },
);
export type Fact = Static<typeof Fact>;

export const Facts = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), Fact, {
  additionalProperties: false,
  description: 'The catalogue of inputs, keyed by fact id.',
  'x-expected': 'fact ids made of letters, digits and "_", starting with a letter',
});
