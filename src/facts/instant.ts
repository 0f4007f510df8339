import { DateTime } from 'luxon';
import { formatInstant } from '../data/index.js';
import {
  civilDate,
  DAY_MS,
  dayNumber,
  daysInMonth,
  firstDayOfMonth,
  isRealDate,
  monthOfDay,
} from './calendar.js';
import { type ZoneCalendar, zoneCalendar } from './zone.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;
/** As the data layer reads offsets (src/data/date.ts): up to ±18:00; +25:00 names no time of day. */
const MAX_OFFSET_MINUTES = 18 * 60;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/**
 * A date fact's value as an instant (epoch ms), as evaluation compares dates: the ISO 8601 text the
 * data layer writes (with its offset), a date alone (the start of that day in the policy's zone,
 * as the data layer reads it), a wall time without offset (in the zone), or already a number.
 * Anything else — a date that does not exist, a word — is no value.
 */
export function toInstant(value: unknown, zone: ZoneCalendar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) {
    const at = value.getTime();
    return Number.isNaN(at) ? undefined : at;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return isRealDate(y, m, d) ? zone.startOfDate(y, m, d) : undefined;
  }
  const o = WITH_OFFSET.exec(text);
  if (o) {
    // Arithmetic rather than a parser: the data layer writes every date this way, and a run reads
    // one or two per customer (luxon's parser was most of the cost of a derived fact).
    const [y, m, d, h, mi] = [Number(o[1]), Number(o[2]), Number(o[3]), Number(o[4]), Number(o[5])];
    const sec = Number(o[6] ?? 0);
    const ms = o[7] === undefined ? 0 : Math.floor(Number(`0.${o[7]}`) * 1000);
    const [oh, om] = [Number(o[10] ?? 0), Number(o[11] ?? 0)];
    if (om > 59 || oh * 60 + om > MAX_OFFSET_MINUTES) return undefined;
    if (!isRealDate(y, m, d) || h > 23 || mi > 59 || sec > 59) return undefined;
    const offset = o[8] === 'Z' ? 0 : (o[9] === '-' ? -1 : 1) * (oh * 60 + om);
    return dayNumber(y, m, d) * DAY_MS + ((h * 60 + mi - offset) * 60 + sec) * 1000 + ms;
  }
  const local = LOCAL.exec(text);
  if (local) {
    const [y, m, d] = [Number(local[1]), Number(local[2]), Number(local[3])];
    if (!isRealDate(y, m, d)) return undefined;
    const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: zone.timezone });
    return parsed.isValid ? parsed.toMillis() : undefined;
  }
  return undefined;
}

/**
 * Calendar months from day `from` to day `to` (zone-local day numbers) as a fraction: the whole
 * months by the month-end clamping windows use (Jan 31 → Feb 29 is one month), then the days left
 * over ÷ the length in days of the next month step. Jan 15 → Mar 1 (2024) is 1 + 15/29 months.
 * Negative when `to` is before `from`.
 */
export function fractionalMonths(from: number, to: number): number {
  if (to < from) {
    const back = fractionalMonths(to, from);
    return back === 0 ? 0 : -back;
  }
  const start = civilDate(from);
  const startMonth = monthOfDay(from);
  const step = (n: number) => {
    const month = startMonth + n;
    return firstDayOfMonth(month) + Math.min(start.day, daysInMonth(month)) - 1;
  };
  let whole = monthOfDay(to) - startMonth;
  if (step(whole) > to) whole--;
  const at = step(whole);
  const next = step(whole + 1);
  return whole + (to - at) / (next - at);
}

/**
 * An instant as outputs write a date: ISO 8601 with the offset the zone has at that instant, the
 * string a date column read from a file gives (src/data/date.ts), so every surface reads alike.
 */
export function instantText(at: number, timezone: string): string {
  return formatInstant(at, zoneCalendar(timezone).offsetAt(at) / 60_000);
}
