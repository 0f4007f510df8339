import { type Static, Type } from '@sinclair/typebox';
import { DateTime, Id, Label, SEMVER_PATTERN, strictObject } from './common.js';
import { Condition } from './condition.js';
import { Facts } from './facts.js';
import { Classifier, Rerating } from './rules.js';
import { Dimension, ScoreSettings } from './scoring.js';
import { Sources } from './sources.js';
import { Tiers } from './tiers.js';

export const API_VERSION = 'tierwise/v1';
export const SCHEMA_ID = 'https://tierwise.dev/schemas/policy.schema.json';

export const Metadata = strictObject({
  name: Id('the policy name, e.g. service-scorecard'),
  version: Type.String({
    pattern: SEMVER_PATTERN,
    'x-expected': 'a semantic version such as 1.2.0',
  }),
  businessUnit: Type.Optional(Type.String({ minLength: 1 })),
  extends: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'path of the base policy this file varies, e.g. ./scorecard.yaml',
    }),
  ),
  effectiveFrom: Type.Optional(DateTime('when the policy takes effect')),
  effectiveTo: Type.Optional(DateTime('when the policy stops applying (exclusive)')),
  timezone: Type.Optional(
    Type.String({ description: 'IANA time zone for windows and dates; default Asia/Shanghai' }),
  ),
  labels: Type.Optional(Label),
  owner: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
});
export type Metadata = Static<typeof Metadata>;

const IdKeyed = <T extends Parameters<typeof Type.Record>[1]>(value: T, description: string) =>
  Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$' }), value, {
    description,
    additionalProperties: false,
    'x-expected': 'ids made of letters, digits, "-" and "_", starting with a letter',
  });

export const Policy = strictObject(
  {
    apiVersion: Type.Literal(API_VERSION),
    kind: Type.Literal('TierPolicy'),
    metadata: Metadata,
    facts: Type.Optional(Facts),
    sources: Type.Optional(Sources),
    conditions: Type.Optional(IdKeyed(Condition, 'named conditions, used as { condition: name }')),
    dimensions: Type.Optional(IdKeyed(Dimension, 'dimensions of the score, keyed by id')),
    score: Type.Optional(ScoreSettings),
    tiers: Type.Optional(Tiers),
    classifiers: Type.Optional(IdKeyed(Classifier, 'labels beside the tier, keyed by id')),
    rerating: Type.Optional(Rerating),
  },
  { $id: SCHEMA_ID, title: 'tierwise TierPolicy' },
);
export type Policy = Static<typeof Policy>;

/** A variant (metadata.extends) may leave out whatever it takes from its base. */
export type PolicyDocument = Policy;
