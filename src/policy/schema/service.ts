import { type Static, Type } from '@sinclair/typebox';
import { Duration, Id, Label, Percent, strictObject } from './common.js';

export const CHANNELS = ['phone', 'ticket', 'email', 'chat', 'on-site', 'portal'] as const;
const Channel = Type.Union(
  CHANNELS.map((c) => Type.Literal(c)),
  { 'x-expected': `one of ${CHANNELS.join(', ')}` },
);

// How a target's clock runs: only in the calendar's working hours, or on the wall clock.
const Clock = Type.Union([Type.Literal('business'), Type.Literal('elapsed')], {
  'x-expected': 'business or elapsed',
  description: 'business: only working hours count (default); elapsed: wall time. See docs/sla.md.',
});

export const Sla = strictObject(
  {
    response: Type.Optional(
      strictObject({
        within: Type.Optional(Duration('first response target, e.g. PT8H')),
        channel: Type.Optional(Channel),
        availability: Type.Optional(
          Type.Union([Type.Literal('24x7'), Type.Literal('business-hours')], {
            'x-expected': '24x7 or business-hours',
          }),
        ),
        clock: Type.Optional(Clock),
      }),
    ),
    resolution: Type.Optional(
      strictObject({
        within: Type.Optional(Duration('solution target, e.g. PT24H')),
        // seed 004: VIP "within 4 h (2 h on non-working days)"
        onNonWorkingDays: Type.Optional(Duration('target on weekends and public holidays, e.g. PT2H')),
        calendar: Type.Optional(Id('the working-day calendar, e.g. cn-mainland')),
        clock: Type.Optional(Clock),
      }),
    ),
  },
  { description: 'Service-level targets; durations in ISO 8601.' },
);
export type Sla = Static<typeof Sla>;

export const TeamMember = strictObject({
  role: Id('e.g. account-manager, tech-support, service-team'),
  label: Type.Optional(Label),
  dedicated: Type.Optional(Type.Boolean({ description: 'assigned to this one customer' })),
  minExperience: Type.Optional(Duration('e.g. P3Y for "3+ years"')),
});

export const Benefit = strictObject({
  id: Id('e.g. quarterly-executive-visit'),
  label: Type.Optional(Label),
});

export const Cadence = strictObject({
  action: Id('e.g. call, on-site-visit, email, needs-survey, service-review'),
  every: Duration('how often, e.g. P1M (monthly), P3M (quarterly), P2W'),
  channel: Type.Optional(Channel),
  label: Type.Optional(Label),
});

export const Entitlements = strictObject({
  team: Type.Optional(Type.Array(TeamMember)),
  benefits: Type.Optional(Type.Array(Benefit)),
  discountQuota: Type.Optional(Percent('share of the tier’s revenue reserved for service discounts')),
  cadence: Type.Optional(Type.Array(Cadence, { description: 'contact cadence, e.g. monthly call' })),
  followUpWithin: Type.Optional(Duration('a contact is recorded within this, e.g. PT24H')),
});
export type Entitlements = Static<typeof Entitlements>;
