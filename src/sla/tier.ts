import { bundledCalendar } from '../calendar/bundled.js';
import type { Calendar } from '../calendar/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Sla } from '../policy/schema/service.js';

/** The calendar a policy's SLA runs on when it names none. */
export const DEFAULT_CALENDAR = 'cn-mainland';

/** A tier's SLA from the policy, or TW1405 naming the tiers there are. */
export function slaOfTier(policy: Policy, tier: string): { sla: Sla } | { diagnostic: Diagnostic } {
  const tiers: { id: string; sla?: Sla }[] = policy.tiers?.levels ?? [];
  const found = tiers.find((t) => t.id === tier);
  if (!found)
    return {
      diagnostic: diagnostic('TW1405', msg('sla.unknownTier', { tier }), {
        help: msg('sla.unknownTierHelp', { tiers: tiers.map((t) => t.id).join(', ') }),
      }),
    };
  return { sla: found.sla ?? {} };
}

/**
 * The calendar to count on: a file the caller gives (its own closures, another unit's zone, the
 * version a ticket started with) wins; else the bundled calendar the SLA names.
 */
export function calendarFor(sla: Sla, given?: Calendar): { calendar: Calendar } | { diagnostic: Diagnostic } {
  if (given) return { calendar: given };
  const id = sla.resolution?.calendar ?? DEFAULT_CALENDAR;
  const calendar = bundledCalendar(id);
  if (calendar) return { calendar };
  return {
    diagnostic: diagnostic('TW1407', msg('sla.unknownCalendar', { calendar: id }), {
      pointer: '/resolution/calendar',
      help: msg('sla.unknownCalendarHelp'),
    }),
  };
}
