import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, policyChoice, strict, Values } from './common.js';
import { OverrideNoteSchema } from './overrides.js';

export const EvaluateRequest = strict(
  {
    ...policyChoice,
    asOf: Type.Optional(
      Type.String({
        description:
          'what windows, recency and { ago } dates measure from: a date, a date-time with offset, or `today` (the default) in the policy zone',
      }),
    ),
    customer: Type.Optional(
      Type.String({ minLength: 1, description: 'the customer id, when the key fact is not given' }),
    ),
    facts: Type.Optional(Values),
    record: Type.Optional(Values),
    transactions: Type.Optional(Type.Array(Values, { maxItems: 100_000 })),
    dataset: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'a stored customer dataset (`ds-3`) to look `customer` up in by the policy key column, in place of `facts` or `record`',
      }),
    ),
    transactionsDataset: Type.Optional(
      Type.String({
        minLength: 1,
        description: "with `dataset`: a stored transaction log, of which the customer's rows are aggregated",
      }),
    ),
    explain: Type.Optional(
      Type.Boolean({ description: 'add the score breakdown, the deciding trace and the explanation' }),
    ),
  },
  { title: 'EvaluateRequest' },
);
export type EvaluateRequest = Static<typeof EvaluateRequest>;

const Label = Type.Object({ en: Type.Optional(Type.String()), 'zh-CN': Type.Optional(Type.String()) });

export const PolicyUsed = Type.Object(
  {
    name: Type.String(),
    semver: Type.String(),
    version: Type.String({ description: 'the version id' }),
    digest: Type.String(),
    businessUnit: Type.Optional(Type.String()),
    publication: Type.Optional(Type.String()),
  },
  { title: 'PolicyUsed' },
);

export const EvaluateResponse = Type.Object(
  {
    decision: Type.String({ description: 'the decision id: GET /v1/decisions/{id}' }),
    policy: PolicyUsed,
    asOf: Type.String(),
    customer: Type.String(),
    tier: Type.Optional(Type.String()),
    tierLabel: Type.Optional(Label),
    score: Type.Optional(Type.Number()),
    decidedBy: Type.Unknown({ description: 'the method and rule that decided the tier' }),
    sla: Type.Optional(Type.Unknown()),
    entitlements: Type.Optional(Type.Unknown()),
    classes: Type.Record(Type.String(), Type.Array(Type.String())),
    flags: Type.Array(Type.String()),
    override: Type.Optional(OverrideNoteSchema),
    explanation: Type.Optional(Type.Array(Type.String())),
    diagnostics: Type.Optional(Type.Array(DiagnosticSchema)),
  },
  { title: 'EvaluateResponse', additionalProperties: true },
);

export const BatchQuery = strict({ ...policyChoice, asOf: Type.Optional(Type.String()) });
export type BatchQuery = Static<typeof BatchQuery>;
