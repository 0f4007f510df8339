import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
import { DAY_MS, dayNumber, daysInMonth, formatDay, isRealDate } from './calendar.js';
import { DEFAULT_TIMEZONE, isTimeZone, type ZoneCalendar, zoneCalendar } from './zone.js';

/**
 * The moment facts are computed for. A date means the END of that day in the policy's zone: the
 * seed-004 sheet is dated 2024-03-01 and an order placed that day is part of the picture ("0 days
 * since the last purchase"), so the as-of instant is the day's last millisecond. A date-time is
 * that instant exactly. Either way windows are (asOf − window, asOf], so one rule covers both.
 */
export interface AsOf {
  /** Epoch ms of the last millisecond covered: 23:59:59.999 of a date, or the date-time given. */
  instant: number;
  /** The zone-local calendar day of `instant` (days since 1970-01-01). */
  day: number;
  /** `day` as 2024-03-01. */
  date: string;
  timezone: string;
  /** Whether the input was a date (or `today`) rather than a date-time. */
  wholeDay: boolean;
}

export interface AsOfOptions {
  timezone?: string;
  /** The clock used for `today`; tests pin it. */
  now?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Parses `--as-of`. Bad input is a diagnostic: TW0104 unreadable, TW0506 no such date, TW0503 zone. */
export function parseAsOf(input: string, options: AsOfOptions = {}): AsOf | Diagnostic[] {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  if (!isTimeZone(timezone)) {
    return [diagnostic('TW0503', msg('facts.noZone', { zone: timezone }), { help: msg('facts.noZoneHelp') })];
  }
  const calendar = zoneCalendar(timezone);
  const text = input.trim();
  if (text.toLowerCase() === 'today') return wholeDay(calendar, calendar.dayOf(options.now ?? Date.now()));
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1, 4).map(Number) as [number, number, number];
    if (!isRealDate(year, month, day)) return [notReal(text, dateProblem(year, month), false)];
    return wholeDay(calendar, dayNumber(year, month, day));
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) {
    return [
      diagnostic('TW0104', msg('facts.asOfUnreadable', { input }), {
        help: msg('facts.asOfForms'),
      }),
    ];
  }
  const instant = instantOf(dateTime);
  if (typeof instant !== 'number') return [notReal(text, instant, true)];
  const day = calendar.dayOf(instant);
  return { instant, day, date: formatDay(day), timezone, wholeDay: false };
}

/** One key per instant and zone: what evaluations compiled for an as-of are cached by. */
export function asOfKey(asOf: AsOf): string {
  return `${asOf.instant}@${asOf.timezone}`;
}

export function isAsOf(value: AsOf | Diagnostic[]): value is AsOf {
  return !Array.isArray(value);
}

function wholeDay(calendar: ZoneCalendar, day: number): AsOf {
  return {
    instant: calendar.endOfDay(day),
    day,
    date: formatDay(day),
    timezone: calendar.timezone,
    wholeDay: true,
  };
}

/** The instant, or why the fields name none. */
function instantOf(match: RegExpExecArray): number | Text {
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(match[6] ?? 0);
  // Fractions below a millisecond are dropped: instants are epoch milliseconds everywhere.
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  if (!isRealDate(year, month, day)) return dateProblem(year, month);
  if (hour > 23 || minute > 59 || second > 59) return msg('facts.timeRange');
  if (offsetHours > 18 || offsetMinutes > 59) return msg('facts.offsetRange');
  const sign = match[9] === '-' ? -1 : 1;
  const local =
    dayNumber(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/**
 * The date is well formed but names no day: the help says why (February 2026 has 28 days), not
 * how to write a date, which the reader already did.
 */
function notReal(text: string, why: Text, withTime: boolean): Diagnostic {
  return diagnostic('TW0506', msg(withTime ? 'facts.noSuchDateTime' : 'facts.noSuchDate', { text }), {
    help: why,
  });
}

function dateProblem(year: number, month: number): Text {
  if (month < 1 || month > 12) return msg('facts.monthRange');
  return msg('facts.monthDays', { year, month, days: daysInMonth(year * 12 + month - 1) });
}
