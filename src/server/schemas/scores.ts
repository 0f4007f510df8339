import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, policyChoice, strict } from './common.js';
import { populationData } from './population.js';

/** Policy text being edited: what an editor sends before the text is a version. */
export const DraftSchema = strict(
  {
    content: Type.String({ description: 'the policy YAML, exactly as written' }),
    fileName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[^/\\\\]+$',
        description: 'the name diagnostics give the text; `draft.tier.yaml` if not given',
      }),
    ),
  },
  { title: 'DraftPolicy' },
);

export const ScoresRequest = strict(
  {
    ...policyChoice,
    draft: Type.Optional(DraftSchema),
    ...populationData,
    bins: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'equal bins over 0–100; 20 by default' }),
    ),
  },
  { title: 'ScoresRequest' },
);
export type ScoresRequest = Static<typeof ScoresRequest>;

const Label = Type.Object({ 'zh-CN': Type.Optional(Type.String()), en: Type.Optional(Type.String()) });

export const ScoresResponse = Type.Object(
  {
    policy: Type.String({ description: 'the version id, or the draft’s file name' }),
    edges: Type.Array(Type.Number(), {
      description:
        'bins + 1 ascending edges; a bin holds scores from its lower edge up to the next (the last includes 100)',
    }),
    counts: Type.Array(Type.Integer(), { description: 'customers per bin' }),
    tierCounts: Type.Array(Type.Array(Type.Integer()), {
      description: 'per bin, customers per tier in the order of `tiers`',
    }),
    tiers: Type.Array(
      Type.Object({ tier: Type.String(), label: Type.Optional(Label), customers: Type.Integer() }),
    ),
    customers: Type.Integer(),
    scored: Type.Integer(),
    untiered: Type.Integer(),
    lowest: Type.Optional(Type.Number()),
    highest: Type.Optional(Type.Number()),
    diagnostics: Type.Array(DiagnosticSchema),
  },
  { title: 'ScoresResponse' },
);
