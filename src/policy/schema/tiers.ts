import { type Static, Type } from '@sinclair/typebox';
import { Duration, Id, Label, Percent, rangeProperties, strictObject } from './common.js';
import { Condition } from './condition.js';
import { Entitlements, Sla } from './service.js';

export const TIER_METHODS = ['thresholds', 'quota', 'criteria', 'matrix'] as const;
export type TierMethod = (typeof TIER_METHODS)[number];

export const ScoreRange = strictObject(rangeProperties, { minProperties: 1 });

export const Level = strictObject({
  id: Id('the tier id, e.g. vip'),
  label: Type.Optional(Label),
  description: Type.Optional(Type.String()),
  minScore: Type.Optional(
    Type.Number({ description: 'thresholds: the score at which this tier starts (≥)' }),
  ),
  score: Type.Optional(ScoreRange),
  share: Type.Optional(Percent('quota: the share of customers in this tier')),
  when: Type.Optional(Condition),
  otherwise: Type.Optional(
    Type.Boolean({ description: 'criteria: the tier of every customer no rule above took' }),
  ),
  sla: Type.Optional(Sla),
  entitlements: Type.Optional(Entitlements),
});
export type Level = Static<typeof Level>;

const SortKey = strictObject({
  fact: Type.String(),
  order: Type.Optional(
    Type.Union([Type.Literal('asc'), Type.Literal('desc')], { 'x-expected': 'asc or desc' }),
  ),
});

export const Quota = strictObject({
  rankBy: Type.Optional(Type.String({ description: '"score" (default) or a fact id' })),
  tieBreak: Type.Optional(
    Type.Array(SortKey, {
      description: 'after rankBy, customers are ordered by these keys, then by the customer key ascending',
    }),
  ),
  ties: Type.Optional(
    Type.Union([Type.Literal('split'), Type.Literal('together')], {
      'x-expected': 'split or together',
      description:
        'split (default): the tie-break order decides who crosses a quota boundary; together: customers whose ranking keys are equal all get the better tier',
    }),
  ),
  rounding: Type.Optional(
    Type.Union([Type.Literal('nearest'), Type.Literal('floor'), Type.Literal('ceil')], {
      'x-expected': 'nearest, floor or ceil',
      description: 'how a share of a population becomes a whole number of customers',
    }),
  ),
});

/** A bound of a band: a number, or on a date axis a date written out or a time back from the as-of. */
const bound = (description: string) =>
  Type.Union(
    [
      Type.Number(),
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
      }),
      strictObject({ ago: Duration('back from the as-of instant, e.g. P90D') }),
    ],
    {
      description,
      'x-expected': 'a number, or on a date axis a date (2024-03-01) or { ago: P90D } (back from the as-of)',
    },
  );

export const AxisBand = strictObject({
  id: Id('e.g. high'),
  label: Type.Optional(Label),
  atLeast: Type.Optional(bound('lower bound, inclusive (≥); on a date axis: on or after')),
  above: Type.Optional(bound('lower bound, exclusive (>); on a date axis: after')),
  below: Type.Optional(bound('upper bound, exclusive (<); on a date axis: before')),
  atMost: Type.Optional(bound('upper bound, inclusive (≤); on a date axis: on or before')),
});
export const Axis = strictObject({
  fact: Type.Optional(Type.String()),
  dimension: Type.Optional(Type.String({ description: 'a dimension’s score (0–100) instead of a fact' })),
  score: Type.Optional(Type.Boolean({ description: 'the total score instead of a fact' })),
  label: Type.Optional(Label),
  bands: Type.Array(AxisBand, { minItems: 1 }),
});

export const Matrix = strictObject({
  rows: Axis,
  columns: Axis,
  cells: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
    description: 'row band id → column band id → tier id',
  }),
});

export const Tiers = strictObject({
  method: Type.Union(
    TIER_METHODS.map((m) => Type.Literal(m)),
    { 'x-expected': `one of ${TIER_METHODS.join(', ')}` },
  ),
  quota: Type.Optional(Quota),
  matrix: Type.Optional(Matrix),
  levels: Type.Array(Level, { minItems: 1, description: 'best tier first' }),
});
export type Tiers = Static<typeof Tiers>;
