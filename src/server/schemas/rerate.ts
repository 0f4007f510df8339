import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, policyChoice, strict } from './common.js';
import { StateFormat } from './plan.js';
import { DraftPolicy, populationData } from './population.js';

export const RerateRequest = strict(
  {
    ...policyChoice,
    draft: Type.Optional(DraftPolicy),
    ...populationData,
    asOf: Type.String({
      minLength: 1,
      description:
        'the run’s date: 2025-09-30 (the end of that day in the policy’s zone), a date-time with offset, or today',
    }),
    state: Type.Optional(
      Type.String({
        description:
          'the tiers as they stand: a state file as text (the `states` of the last answer, or the CLI’s --out)',
      }),
    ),
    stateFormat: Type.Optional(StateFormat),
  },
  { title: 'RerateRequest' },
);
export type RerateRequest = Static<typeof RerateRequest>;

const Record = Type.Object({}, { additionalProperties: true });

export const RerateResponse = Type.Object(
  {
    policy: Type.String({ description: 'the version id, or the draft’s file name' }),
    asOf: Type.String(),
    timezone: Type.String(),
    customers: Type.Integer({ description: 'customers evaluated' }),
    counts: Type.Record(Type.String(), Type.Integer(), { description: 'events per type' }),
    inGrace: Type.Integer(),
    absent: Type.Array(Type.String(), {
      description: 'customers of the state the data lacks (kept unchanged)',
    }),
    events: Type.Array(Record, {
      description: 'as the CLI’s --events writes them, reasons in the request’s language',
    }),
    states: Type.Array(Record, { description: 'the new state, as the CLI’s --out writes it' }),
    notices: Type.Array(Record, { description: 'customer notices in zh-CN and en' }),
    diagnostics: Type.Array(DiagnosticSchema),
  },
  { title: 'RerateResponse' },
);
