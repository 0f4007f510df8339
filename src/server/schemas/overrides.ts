import { type Static, Type } from '@sinclair/typebox';
import { OVERRIDE_STATUSES } from '../../registry/overrides/view.js';
import { strict } from './common.js';

const Time = Type.String({ description: 'ISO 8601 with an offset' });
const Str = (description?: string) => Type.String(description ? { description } : {});
const Opt = Type.Optional;

const Kind = Type.Union([Type.Literal('tier'), Type.Literal('score')], {
  description: '`tier`: set the tier; `score`: set or move the score, the thresholds decide the tier',
});
const ScoreChange = strict(
  {
    set: Opt(Type.Number({ description: 'the score to use' })),
    delta: Opt(Type.Number({ description: 'added to the computed score (negative lowers it)' })),
  },
  { title: 'ScoreChange' },
);

const Status = Type.Union(
  OVERRIDE_STATUSES.map((s) => Type.Literal(s)),
  { description: '`expired`: approved, and expiresAt has passed (computed when asked)' },
);
const Closed = Type.Object({ by: Str(), at: Time, comment: Opt(Str()) });

/** src/registry/records.ts OverrideRecord as the registry gives it out (overrides/view.ts). */
export const OverrideSchema = Type.Object(
  {
    id: Str('`ov-<n>`'),
    policy: Str(),
    businessUnit: Str(),
    customer: Str('the customer id'),
    kind: Kind,
    tier: Opt(Str()),
    score: Opt(ScoreChange),
    reason: Opt(Str('phone numbers masked')),
    evidence: Type.Array(Str(), { description: 'references (text or URLs), phone numbers masked' }),
    expires: Str('as proposed: an instant, or a duration from approval (P3M)'),
    expiresAt: Opt(Time),
    status: Status,
    proposedBy: Str(),
    proposedAt: Time,
    approval: Opt(Closed),
    closed: Opt(Closed),
    updatedAt: Time,
    revision: Type.Integer({ minimum: 1, description: 'the ETag: send it back as If-Match' }),
  },
  { title: 'Override' },
);

export const ProposeOverride = strict(
  {
    policy: Opt(
      Type.String({ minLength: 1, description: 'what the business unit has in force when left out' }),
    ),
    businessUnit: Type.String({ minLength: 1 }),
    customer: Type.String({ minLength: 1, maxLength: 200, description: 'the customer id, never a name' }),
    kind: Kind,
    tier: Opt(Type.String({ minLength: 1 })),
    score: Opt(ScoreChange),
    reason: Opt(Type.String({ maxLength: 10_000 })),
    evidence: Opt(Type.Array(Type.String({ maxLength: 2_000 }), { maxItems: 20 })),
    expires: Type.String({
      minLength: 1,
      description: 'ISO 8601 date-time with an offset, or a duration from approval such as P3M (at most P1Y)',
    }),
  },
  { title: 'ProposeOverride' },
);
export type ProposeOverride = Static<typeof ProposeOverride>;

/** What an override did to a customer's result, in the evaluate response (src/report/override.ts). */
export const OverrideNoteSchema = Type.Object(
  {
    id: Str(),
    kind: Kind,
    tier: Opt(Str('the tier the override decided')),
    score: Opt(Type.Number()),
    computedTier: Opt(Str('the tier the policy computed')),
    computedScore: Opt(Type.Number()),
    reason: Opt(Str()),
    approvedBy: Opt(Str()),
    expiresAt: Opt(Time),
  },
  { title: 'OverrideNote' },
);
