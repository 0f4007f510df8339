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
 * definition (window edges, time zone) is documented in docs/facts.md.
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
        AGGREGATES.map((a) => Type.Literal(a)),
        { 'x-expected': `one of ${AGGREGATES.join(', ')}` },
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
  },
  { description: 'An input the policy reads: a column of customer records or an aggregate of transactions.' },
);
export type Fact = Static<typeof Fact>;

export const Facts = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), Fact, {
  additionalProperties: false,
  description: 'The catalogue of inputs, keyed by fact id.',
  'x-expected': 'fact ids made of letters, digits and "_", starting with a letter',
});
