export { BUNDLED_CALENDARS, bundledCalendar } from './bundled.js';
export { indexCalendar, isWorkingDay, workingIntervals } from './days.js';
export { checkCalendar, parseCalendar } from './read.js';
export type { Calendar, CalendarSource, DateSpan, DayHours } from './types.js';
export { calendarVersion } from './versions.js';
