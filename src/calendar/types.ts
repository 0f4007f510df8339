import type { Localized } from '../i18n/language.js';

/** Opening hours of one day, as local wall times: [["09:00", "12:00"], ["13:00", "18:00"]]. */
export type DayHours = [string, string][];

export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface DateSpan {
  from: string;
  /** Inclusive; a one-day span may leave it out. */
  to?: string;
  name?: string | Localized;
}

export interface CalendarSource {
  year: number;
  title: string;
  number?: string;
  published?: string;
  url?: string;
}

/**
 * A business calendar as data. `years` bounds what it knows: a date in another year is an error,
 * never an ordinary week, because a missing holiday notice would silently move every due time.
 */
export interface Calendar {
  id: string;
  version: string;
  timeZone: string;
  years: number[];
  weeklyHours: Partial<Record<WeekdayKey, DayHours>>;
  /** Hours of an adjusted working day (调休); Monday's when not given. */
  adjustedWorkdayHours?: DayHours;
  holidays: DateSpan[];
  /** Weekend dates that are working days (调休). */
  workdays: DateSpan[];
  sources?: CalendarSource[];
}
