import type { Calendar } from '../calendar/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy } from '../policy/schema/policy.js';
import { type DueResult, dueTimes } from './due.js';
import { calendarFor, slaOfTier } from './tier.js';

export interface TicketInput {
  policy: Policy;
  tier: string;
  opened: string;
  pauses?: readonly { from: string; to: string }[];
  /** A calendar given in place of the one the SLA names (the version a ticket started with). */
  calendar?: Calendar;
  closures?: readonly string[];
}

/** Due times of a ticket of a tier of a policy: what the CLI and the server both ask. */
export function ticketDue(input: TicketInput): DueResult {
  const tier = slaOfTier(input.policy, input.tier);
  if ('diagnostic' in tier) return fail(tier.diagnostic);
  const calendar = calendarFor(tier.sla, input.calendar);
  if ('diagnostic' in calendar) return fail(calendar.diagnostic);
  return dueTimes({ ...input, sla: tier.sla, calendar: calendar.calendar });
}

const fail = (d: Diagnostic): DueResult => ({ diagnostics: [d] });
