import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, policyChoice, strict } from './common.js';
import { DraftPolicy } from './population.js';

export const StateFormat = Type.Union([Type.Literal('csv'), Type.Literal('ndjson'), Type.Literal('json')]);

export const PlanRequest = strict(
  {
    ...policyChoice,
    draft: Type.Optional(DraftPolicy),
    state: Type.String({
      minLength: 1,
      description:
        'the tier state as text: the `states` of a POST /v1/rerate answer, or the CLI’s state file',
    }),
    stateFormat: Type.Optional(StateFormat),
    from: Type.Optional(
      Type.String({ description: 'the first day, 2025-10-01; today in the policy’s zone by default' }),
    ),
    horizon: Type.Optional(
      Type.String({ description: 'how far ahead, an ISO 8601 duration; P3M by default' }),
    ),
    calendar: Type.Optional(
      Type.Unknown({
        description: 'a calendar to place contacts on instead of the one each tier’s SLA names (docs/sla.md)',
      }),
    ),
    onError: Type.Optional(Type.Union([Type.Literal('report'), Type.Literal('skip'), Type.Literal('fail')])),
  },
  { title: 'PlanRequest' },
);
export type PlanRequest = Static<typeof PlanRequest>;

export const PlanResponse = Type.Object(
  {
    policy: Type.String(),
    timezone: Type.String(),
    from: Type.String(),
    to: Type.String(),
    horizon: Type.String(),
    calendars: Type.Array(Type.Object({ id: Type.String(), version: Type.String() })),
    items: Type.Array(Type.Object({}, { additionalProperties: true }), {
      description: 'contacts, reviews and grace ends, by day (as `tierwise plan --format json`)',
    }),
    diagnostics: Type.Array(DiagnosticSchema),
  },
  { title: 'PlanResponse' },
);
