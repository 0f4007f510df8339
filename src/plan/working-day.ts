import { covers, type DayIndex, isWorkingDay } from '../calendar/days.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { civilDate, formatDay } from '../facts/calendar.js';
import { msg } from '../i18n/text.js';

/** A calendar looks at most this far for a working day before it is said never to open. */
const SEARCH_DAYS = 366;

/**
 * The first working day of the calendar on or after `day`. A day in a year the calendar does not
 * cover is TW1401 (never an ordinary week: a missing holiday notice would move contacts silently),
 * a calendar without a working day for a year TW1402, as `sla due` says them.
 */
export function nextWorkingDay(index: DayIndex, day: number): number | Diagnostic {
  const { calendar } = index;
  for (let d = day; d < day + SEARCH_DAYS; d++) {
    const date = civilDate(d);
    if (!covers(index, date))
      return diagnostic(
        'TW1401',
        msg('sla.uncoveredYear', {
          date: formatDay(d),
          calendar: calendar.id,
          version: calendar.version,
          years: calendar.years.join(', '),
        }),
        { help: msg('sla.uncoveredYearHelp') },
      );
    if (isWorkingDay(index, date)) return d;
  }
  return diagnostic('TW1402', msg('sla.neverOpen', { calendar: calendar.id, from: formatDay(day) }), {
    help: msg('sla.neverOpenHelp'),
  });
}
