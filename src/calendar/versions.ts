import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { Calendar } from './types.js';

/**
 * The version of a calendar a ticket started with, from every version kept. Help desks that
 * recomputed open tickets on the newest calendar moved promises already made; a ticket records
 * the version at opening and is counted on it to the end.
 */
export function calendarVersion(
  versions: readonly Calendar[],
  id: string,
  version: string,
): { calendar: Calendar } | { diagnostic: Diagnostic } {
  const calendar = versions.find((c) => c.id === id && c.version === version);
  if (calendar) return { calendar };
  return {
    diagnostic: diagnostic('TW1407', msg('sla.unknownCalendar', { calendar: `${id}@${version}` }), {
      help: msg('sla.unknownCalendarHelp'),
    }),
  };
}
