import type { Calendar, DateSpan, DayHours, WeekdayKey } from './types.js';
import { addDays, instantOf, isoDate, type LocalDate, parseLocalDate, weekday } from './zone.js';

const KEYS: WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A calendar with its dated entries as sets, looked up once per day of a due-time walk. */
export interface DayIndex {
  calendar: Calendar;
  closed: Set<string>;
  open: Set<string>;
  years: Set<number>;
}

function expand(spans: readonly DateSpan[], into: Set<string>): void {
  for (const span of spans) {
    const from = parseLocalDate(span.from);
    const to = parseLocalDate(span.to ?? span.from);
    for (let d = from; isoDate(d) <= isoDate(to); d = addDays(d, 1)) into.add(isoDate(d));
  }
}

/** `closures`: a business unit's own closed dates (YYYY-MM-DD) on top of the calendar's. */
export function indexCalendar(calendar: Calendar, closures: readonly string[] = []): DayIndex {
  const closed = new Set<string>(closures);
  const open = new Set<string>();
  expand(calendar.holidays, closed);
  expand(calendar.workdays, open);
  return { calendar, closed, open, years: new Set(calendar.years) };
}

export const covers = (index: DayIndex, date: LocalDate): boolean => index.years.has(date.year);

/** The day's opening hours; a closure wins over a make-up day, which wins over the week. */
export function hoursOf(index: DayIndex, date: LocalDate): DayHours {
  const key = isoDate(date);
  if (index.closed.has(key)) return [];
  const { weeklyHours, adjustedWorkdayHours } = index.calendar;
  if (index.open.has(key)) return adjustedWorkdayHours ?? weeklyHours.mon ?? [];
  return weeklyHours[KEYS[weekday(date)] ?? 'mon'] ?? [];
}

export const isWorkingDay = (index: DayIndex, date: LocalDate): boolean => hoursOf(index, date).length > 0;

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The day's working intervals as epoch milliseconds [start, end). */
export function workingIntervals(index: DayIndex, date: LocalDate): [number, number][] {
  const zone = index.calendar.timeZone;
  return hoursOf(index, date).map(([from, to]) => [
    instantOf(zone, date, minutes(from)),
    instantOf(zone, date, minutes(to)),
  ]);
}
