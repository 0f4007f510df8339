import { type Static, Type } from '@sinclair/typebox';
import { policyChoice, strict } from './common.js';
import { DraftSchema } from './scores.js';

const Instant = Type.String({
  minLength: 1,
  description: 'ISO 8601 with the offset, e.g. 2025-09-30T17:00+08:00',
});

export const SlaDueRequest = strict(
  {
    ...policyChoice,
    draft: Type.Optional(DraftSchema),
    tier: Type.String({ minLength: 1, description: 'the tier id, e.g. vip' }),
    opened: Instant,
    paused: Type.Optional(
      Type.Array(strict({ from: Instant, to: Instant }), {
        maxItems: 1000,
        description: 'the clock stops while waiting for the customer',
      }),
    ),
    calendar: Type.Optional(
      Type.Unknown({
        description:
          'a calendar to count on instead of the one the SLA names (docs/sla.md): the version a ticket started with, or the unit’s own closures',
      }),
    ),
    closures: Type.Optional(
      Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), {
        maxItems: 1000,
        description: 'the business unit’s own closed dates on top of the calendar’s',
      }),
    ),
  },
  { title: 'SlaDueRequest' },
);
export type SlaDueRequest = Static<typeof SlaDueRequest>;

const Target = Type.Object({
  within: Type.String({ description: 'the target, ISO 8601 duration' }),
  clock: Type.Union([Type.Literal('business'), Type.Literal('elapsed')]),
  rule: Type.Union([Type.Literal('within'), Type.Literal('onNonWorkingDays')]),
  due: Type.String({ description: 'ISO 8601 with the calendar zone’s offset' }),
});

export const SlaDueResponse = Type.Object(
  {
    tier: Type.String(),
    opened: Type.String(),
    calendar: Type.Object({ id: Type.String(), version: Type.String(), timeZone: Type.String() }),
    startedOnWorkingDay: Type.Boolean(),
    response: Type.Optional(Target),
    resolution: Type.Optional(Target),
  },
  { title: 'SlaDueResponse', description: 'as `tierwise sla due --format json` prints it' },
);
