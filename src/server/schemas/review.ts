import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, strict } from './common.js';
import { populationData } from './population.js';

const Time = Type.String({ description: 'ISO 8601 with an offset' });
const Opt = Type.Optional;
const Labels = Type.Object(
  { 'zh-CN': Opt(Type.String()), en: Opt(Type.String()) },
  { description: 'the policy’s bilingual label' },
);
const Name = Type.String({
  pattern: '^[A-Za-z][A-Za-z0-9_-]*$',
  maxLength: 100,
  description: 'a policy name: a letter, then letters, digits, "-" or "_"',
});

const OverviewPublication = Type.Object({
  version: Type.String(),
  semver: Type.String(),
  effectiveFrom: Time,
  effectiveTo: Opt(Time),
  publishedBy: Type.String(),
});

const OpenChangeRequest = Type.Object({
  id: Type.String(),
  state: Type.Union(['draft', 'in_review', 'approved'].map((s) => Type.Literal(s))),
  title: Type.String(),
  author: Type.String(),
  updatedAt: Time,
});

/** src/registry/overview.ts as JSON Schema. */
export const PolicyOverviewSchema = Type.Object(
  {
    at: Time,
    companyUnit: Type.String(),
    policies: Type.Array(
      Type.Object({
        name: Type.String(),
        businessUnit: Type.String(),
        fileName: Opt(Type.String({ description: 'none yet for a proposed policy' })),
        extends: Opt(Type.String({ description: 'the base policy of a variant' })),
        labels: Opt(Labels),
        status: Type.Union(
          ['published', 'scheduled', 'unpublished', 'proposed'].map((s) => Type.Literal(s)),
          {
            description:
              'published: in force now; scheduled: from a later date; unpublished: no publication in force or to come; proposed: only an open change request names it',
          },
        ),
        latest: Opt(
          Type.Object({ id: Type.String(), semver: Type.String(), author: Type.String(), createdAt: Time }),
        ),
        inForce: Opt(OverviewPublication),
        scheduled: Opt(OverviewPublication),
        changeRequests: Type.Array(OpenChangeRequest, { description: 'open ones, newest first' }),
        author: Type.String(),
        editable: Type.Boolean({ description: 'the token may draft changes to it' }),
      }),
    ),
    bases: Type.Array(
      Type.Object({
        name: Type.String(),
        fileName: Type.String(),
        semver: Opt(Type.String()),
        labels: Opt(Labels),
      }),
      { description: 'the company unit’s policies, which a variant may extend' },
    ),
    variantUnits: Type.Array(Type.String(), {
      description: 'the business units the token may draft a variant for',
    }),
  },
  { title: 'PolicyOverview' },
);

export const VariantRequest = strict(
  {
    base: Type.String({ minLength: 1, description: 'the company policy the variant extends' }),
    name: Name,
    businessUnit: Type.String({ minLength: 1, maxLength: 100 }),
    title: Opt(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { title: 'VariantRequest' },
);
export type VariantRequest = Static<typeof VariantRequest>;

const Side = Type.Object({ source: Type.String(), version: Opt(Type.String()) });

/** `tierwise diff --semver --format json`, plus what the change request was compared with. */
export const ChangesSchema = Type.Object(
  {
    version: Type.Literal(1),
    status: Type.Union(['ok', 'not-bumped', 'lowered', 'new', 'unreadable'].map((s) => Type.Literal(s))),
    old: Side,
    new: Side,
    level: Type.Union(['none', 'patch', 'minor', 'major'].map((s) => Type.Literal(s))),
    allowed: Opt(Type.String()),
    suggested: Opt(Type.String()),
    changes: Type.Array(
      Type.Object(
        {
          kind: Type.Union(['major', 'minor', 'patch'].map((s) => Type.Literal(s))),
          pointer: Type.String(),
          message: Type.String(),
        },
        { additionalProperties: true },
      ),
    ),
    diagnostics: Type.Array(DiagnosticSchema),
    against: Opt(
      Type.Object({
        version: Type.String(),
        semver: Type.String(),
        why: Type.Union([Type.Literal('base-version'), Type.Literal('extends')], {
          description:
            'base-version: the version the change request started from; extends: the base a new variant extends',
        }),
      }),
    ),
    baseContent: Opt(Type.String({ description: 'the YAML of the version the change started from' })),
    actions: Type.Array(
      Type.Union(['edit', 'submit', 'approve', 'reject', 'withdraw', 'publish'].map((s) => Type.Literal(s))),
      {
        description: 'what the token may do with the change request now (four eyes: never approve one’s own)',
      },
    ),
  },
  { title: 'ChangeRequestChanges' },
);

export const ImpactRequest = strict(
  {
    ...populationData,
    kpis: Opt(Type.Array(Type.String({ minLength: 1 }), { maxItems: 20 })),
    limit: Opt(
      Type.Integer({ minimum: 0, maximum: 100_000, description: 'movers listed; 1,000 by default' }),
    ),
  },
  { title: 'ImpactRequest' },
);
export type ImpactRequest = Static<typeof ImpactRequest>;
