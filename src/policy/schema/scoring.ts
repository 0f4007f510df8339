import { type Static, Type } from '@sinclair/typebox';
import { Label, rangeProperties, strictObject } from './common.js';

const Points = Type.Number({ minimum: 0, maximum: 100, description: 'points from 0 to 100' });

export const Band = strictObject(
  { ...rangeProperties, points: Points, label: Type.Optional(Label) },
  {
    description:
      'One row of a band table; rows are matched in order, the first that contains the value wins.',
  },
);
export type Band = Static<typeof Band>;

/**
 * A scoring function maps one fact to 0–100 points. Exactly one form per metric (lint TW0205);
 * a flat object keeps ajv's errors about typos readable.
 */
export const ScoringFunction = strictObject(
  {
    linear: Type.Optional(
      strictObject(
        {
          from: Type.Number({ description: 'the value that scores 0 points' }),
          to: Type.Number({ description: 'the value that scores 100 points' }),
        },
        { description: 'Straight line from 0 to 100 points, clamped outside [from, to].' },
      ),
    ),
    lowerIsBetter: Type.Optional(
      strictObject(
        {
          best: Type.Number({ description: 'this value or less scores 100 points' }),
          worst: Type.Number({ description: 'this value or more scores 0 points' }),
        },
        { description: 'Recency, complaints: a straight line from best (100) to worst (0), clamped.' },
      ),
    ),
    bands: Type.Optional(Type.Array(Band, { minItems: 1, description: 'A piecewise table of points.' })),
    categories: Type.Optional(
      Type.Record(Type.String(), Points, {
        minProperties: 1,
        description:
          'Points per category of an enum, string or boolean fact, e.g. { high: 100, medium: 60 }.',
      }),
    ),
  },
  {
    minProperties: 1,
    maxProperties: 1,
    'x-expected': 'exactly one of linear, lowerIsBetter, bands, categories',
  },
);
export type ScoringFunction = Static<typeof ScoringFunction>;

export const MissingRule = Type.Union(
  [
    Type.Literal('error', { description: 'the customer cannot be scored: reported, never guessed' }),
    Type.Literal('exclude', { description: 'drop the metric and share its weight among the others' }),
    strictObject({ points: Points }, { description: 'score this many points' }),
  ],
  { 'x-expected': 'error, exclude, or { points: N }' },
);
export type MissingRule = Static<typeof MissingRule>;

export const Metric = strictObject({
  fact: Type.Optional(Type.String({ description: 'the fact scored; defaults to the metric id' })),
  weight: Type.Number({ description: 'share of the dimension, in points out of 100' }),
  label: Type.Optional(Label),
  score: ScoringFunction,
  missing: Type.Optional(MissingRule),
});
export type Metric = Static<typeof Metric>;

export const Dimension = strictObject({
  weight: Type.Number({ description: 'share of the total score, in points out of 100' }),
  label: Type.Optional(Label),
  description: Type.Optional(Type.String()),
  metrics: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), Metric, {
    minProperties: 1,
    additionalProperties: false,
    'x-expected': 'metric ids made of letters, digits and "_", starting with a letter',
  }),
});
export type Dimension = Static<typeof Dimension>;

export const ROUNDING = ['half-up', 'half-even', 'floor', 'ceil', 'none'] as const;
export type Rounding = (typeof ROUNDING)[number];

export const ScoreSettings = strictObject({
  round: Type.Optional(
    Type.Union(
      ROUNDING.map((r) => Type.Literal(r)),
      { 'x-expected': `one of ${ROUNDING.join(', ')}` },
    ),
  ),
  digits: Type.Optional(Type.Integer({ minimum: 0, maximum: 6, description: 'decimal places kept' })),
});
export type ScoreSettings = Static<typeof ScoreSettings>;
