import { covers, type DayIndex, isWorkingDay } from '../calendar/days.js';
import { neverOpen, uncoveredYear } from '../calendar/faults.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { civilDate, formatDay } from '../facts/calendar.js';

/** A calendar looks at most this far for a working day before it is said never to open. */
const SEARCH_DAYS = 366;

/**
 * The first working day of the calendar on or after `day`. A day in a year the calendar does not
 * cover is TW1401 (never an ordinary week: a missing holiday notice would move contacts silently),
 * a calendar without a working day for a year TW1402, as `sla due` says them.
 */
export function nextWorkingDay(index: DayIndex, day: number): number | Diagnostic {
  for (let d = day; d < day + SEARCH_DAYS; d++) {
    const date = civilDate(d);
    if (!covers(index, date)) return uncoveredYear(index.calendar, formatDay(d));
    if (isWorkingDay(index, date)) return d;
  }
  return neverOpen(index.calendar, formatDay(day));
}
