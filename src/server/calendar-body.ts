import { checkCalendar } from '../calendar/read.js';
import type { Calendar } from '../calendar/types.js';
import type { Refusal } from '../registry/outcome.js';

/**
 * A request's `calendar` (a whole calendar sent instead of the one a tier names), checked as a
 * calendar file is: its findings point into the body at `/calendar…`. Undefined when none sent.
 */
export function bodyCalendar(value: unknown): { calendar?: Calendar } | Refusal {
  if (value === undefined) return {};
  const checked = checkCalendar(value);
  if (checked.calendar) return { calendar: checked.calendar };
  return {
    refused: 'invalid',
    diagnostics: checked.diagnostics.map((d) => ({ ...d, pointer: `/calendar${d.pointer ?? ''}` })),
  };
}
