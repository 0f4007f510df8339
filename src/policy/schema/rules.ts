import { type Static, Type } from '@sinclair/typebox';
import { Duration, Id, Label, strictObject } from './common.js';
import { Condition } from './condition.js';

export const Rule = strictObject({
  id: Id('e.g. churn-warning'),
  label: Type.Optional(Label),
  when: Condition,
});

export const Classifier = strictObject({
  label: Type.Optional(Label),
  description: Type.Optional(Type.String()),
  pick: Type.Optional(
    Type.Union([Type.Literal('first'), Type.Literal('all')], {
      'x-expected': 'first (one class) or all (every matching tag)',
    }),
  ),
  rules: Type.Array(Rule, { minItems: 1 }),
  otherwise: Type.Optional(
    strictObject({ id: Id('class when no rule matches'), label: Type.Optional(Label) }),
  ),
});
export type Classifier = Static<typeof Classifier>;

export const Trigger = strictObject({
  id: Id('e.g. spend-drop'),
  label: Type.Optional(Label),
  when: Condition,
  // biome-ignore lint/suspicious/noThenProperty: `when … then …` is the policy language's wording; the value is data, never a function, so it cannot make a thenable.
  then: strictObject(
    {
      rerate: Type.Optional(Type.Boolean({ description: 're-rate the customer at once' })),
      flag: Type.Optional(Id('a flag set on the customer, e.g. churn-warning')),
      notify: Type.Optional(Type.Array(Id('a role to notify'))),
    },
    { minProperties: 1 },
  ),
});

export const Rerating = strictObject({
  every: Type.Optional(
    Type.Record(Type.String(), Duration('re-rating cadence'), {
      description: 'tier id (or "default") → how often it is re-rated',
    }),
  ),
  triggers: Type.Optional(Type.Array(Trigger)),
  review: Type.Optional(
    strictObject({
      adjustment: Type.Optional(
        strictObject({
          by: Type.Optional(Id('who may adjust, e.g. account-manager')),
          reasonRequired: Type.Optional(Type.Boolean()),
        }),
      ),
      approver: Type.Optional(Id('who approves before tiers are shared, e.g. sales-supervisor')),
    }),
  ),
  announce: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('portal')]))),
  anchor: Type.Optional(
    Type.Union([Type.Literal('last-rating'), Type.Literal('calendar')], {
      description:
        'when a review falls due: `every` after the last rating (default), or at the close of each calendar period (P3M: 31 Mar, 30 Jun, 30 Sep, 31 Dec)',
      'x-expected': 'one of last-rating, calendar',
    }),
  ),
  upgrade: Type.Optional(
    strictObject({
      when: Type.Optional(
        Type.Union([Type.Literal('immediate'), Type.Literal('review')], {
          description: 'a better tier is given at once (default) or at the next review',
          'x-expected': 'one of immediate, review',
        }),
      ),
    }),
  ),
  downgrade: Type.Optional(
    strictObject({
      when: Type.Optional(
        Type.Union([Type.Literal('review'), Type.Literal('immediate')], {
          description: 'a lower tier is given at the next review (default) or at once',
          'x-expected': 'one of review, immediate',
        }),
      ),
      steps: Type.Optional(
        Type.Integer({ minimum: 1, description: 'at most this many tiers down at a time (1: one step)' }),
      ),
      grace: Type.Optional(
        Duration('the customer keeps the tier this long after falling below it, e.g. P1M'),
      ),
    }),
  ),
  hold: Type.Optional(
    Type.Record(
      Type.String(),
      strictObject({
        minScore: Type.Number({ description: 'stay in the tier while the score is at least this' }),
      }),
      {
        description:
          'tier id → a hysteresis band: a customer in the tier stays there until the score falls below minScore',
      },
    ),
  ),
});
export type Rerating = Static<typeof Rerating>;
