import { type Static, Type } from '@sinclair/typebox';
import { policyChoice, strict } from './common.js';

const Format = Type.Union(['csv', 'tsv', 'ndjson', 'json'].map((f) => Type.Literal(f)));

/** The customers a population endpoint runs on: a stored dataset, or data sent in the request. */
export const populationData = {
  dataset: Type.Optional(Type.String({ minLength: 1, description: 'a stored customer dataset id (`ds-3`)' })),
  data: Type.Optional(Type.String({ description: 'the customer file itself, as text' })),
  dataFormat: Type.Optional(Format),
  transactionsDataset: Type.Optional(
    Type.String({ minLength: 1, description: 'a stored transaction log id' }),
  ),
  transactions: Type.Optional(Type.String({ description: 'the transaction log itself, as text' })),
  transactionsFormat: Type.Optional(Format),
  asOf: Type.Optional(Type.String()),
  onError: Type.Optional(Type.Union([Type.Literal('report'), Type.Literal('skip'), Type.Literal('fail')])),
  engine: Type.Optional(
    Type.Union([Type.Literal('js'), Type.Literal('duckdb'), Type.Literal('auto')], {
      description:
        'where the customers are evaluated, as the CLI --engine: js, duckdb (the policy as SQL on embedded DuckDB) or auto (DuckDB for Parquet and inputs of 64 MB or more; the default)',
    }),
  ),
};

/** Policy text not (yet) in the registry: what the editor's what-if runs, checked as /v1/validate checks it. */
export const DraftPolicy = strict(
  {
    content: Type.String({ minLength: 1, description: 'the policy YAML, exactly as written' }),
    fileName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[^/\\\\]+$',
        description: 'the name its diagnostics and the report give it (`draft.tier.yaml` if not given)',
      }),
    ),
  },
  { title: 'DraftPolicy' },
);
export type DraftPolicy = Static<typeof DraftPolicy>;

const draft = Type.Optional(DraftPolicy);

const kpis = Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 20 }));

export const SimulateRequest = strict(
  { ...policyChoice, draft, ...populationData, kpis },
  { title: 'SimulateRequest' },
);
export type SimulateRequest = Static<typeof SimulateRequest>;

/** One side of a comparison: a stored policy, or a draft's text in its place. */
const PolicySide = strict(
  {
    ...policyChoice,
    content: Type.Optional(DraftPolicy.properties.content),
    fileName: DraftPolicy.properties.fileName,
  },
  { title: 'PolicySide' },
);

export const DiffRequest = strict(
  {
    from: PolicySide,
    to: PolicySide,
    ...populationData,
    kpis,
    limit: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100_000, description: 'movers listed; 1,000 by default' }),
    ),
  },
  { title: 'DiffRequest' },
);
export type DiffRequest = Static<typeof DiffRequest>;

export const CalibrateRequest = strict(
  {
    ...policyChoice,
    draft,
    ...populationData,
    targets: Type.Optional(
      Type.Array(
        strict({
          tier: Type.String({ minLength: 1 }),
          share: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
          measure: Type.Optional(Type.Union([Type.Literal('customers'), Type.Literal('revenue')])),
        }),
        { maxItems: 20 },
      ),
    ),
    step: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    epsilon: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  { title: 'CalibrateRequest' },
);
export type CalibrateRequest = Static<typeof CalibrateRequest>;

export type PopulationData = Static<ReturnType<typeof strict<typeof populationData>>>;
