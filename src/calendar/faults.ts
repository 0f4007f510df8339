import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { Calendar } from './types.js';

/** TW1401: a date in a year the calendar has no data for (never an ordinary week), as every user of a calendar says it. */
export function uncoveredYear(calendar: Calendar, date: string): Diagnostic {
  return diagnostic(
    'TW1401',
    msg('sla.uncoveredYear', {
      date,
      calendar: calendar.id,
      version: calendar.version,
      years: calendar.years.join(', '),
    }),
    { help: msg('sla.uncoveredYearHelp') },
  );
}

/** TW1402: a calendar with no working hours for a year from `from`. */
export function neverOpen(calendar: Calendar, from: string): Diagnostic {
  return diagnostic('TW1402', msg('sla.neverOpen', { calendar: calendar.id, from }), {
    help: msg('sla.neverOpenHelp'),
  });
}
