import { DateTime, IANAZone } from 'luxon';
import { msg, type Text } from '../i18n/text.js';
import { nfkc } from './text.js';

/**
 * Dates as exports write them, turned into ISO 8601 with the offset of the policy's zone. A luxon
 * DateTime per value is far too slow for a transaction log of millions of rows (fromFormat
 * re-tokenises its format on every call), so common formats are compiled once into a regular
 * expression and the zone's offset is cached per calendar day; anything else goes to luxon.
 */

/** The seed companies are in mainland China; policies default to this zone too. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export type DateResult = { value: string } | { error: Text; reason?: Text };

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;
/** Excel's serial numbers: 1 is 1900-01-01, 2958465 is 9999-12-31. */
const SERIAL_MIN = 1;
const SERIAL_MAX = 2_958_466;

export function convertDate(
  raw: string | number | Date,
  format: string | undefined,
  timezone: string,
): DateResult {
  if (!isZone(timezone)) return { error: msg('data.knownZone', { zone: timezone }) };
  if (raw instanceof Date) {
    // Excel stores wall-clock time without a zone; exceljs puts it in the Date's UTC fields.
    if (Number.isNaN(raw.getTime())) return { error: expectedDate(format) };
    return { value: isoInZone(wallOfUtcFields(raw), timezone) };
  }
  if (typeof raw === 'number') return fromSerial(raw, timezone, format);
  const text = nfkc(raw).trim();
  const wall = format === undefined ? yearFirst(text) : compiled(format)?.parse(text);
  if (wall === null) return { error: expectedDate(format), reason: msg('data.dateNotExist') };
  if (wall !== undefined) return { value: isoInZone(wall, timezone) };
  if (format !== undefined && compiled(format) !== undefined) return { error: expectedDate(format) };
  const parsed =
    format === undefined
      ? DateTime.fromISO(text, { zone: timezone })
      : DateTime.fromFormat(text, format, { zone: timezone });
  if (!parsed.isValid) {
    const reason = parsed.invalidReason === 'unit out of range' ? msg('data.dateNotExist') : undefined;
    return { error: expectedDate(format), reason };
  }
  const beyond = beyondIso(text, parsed.year);
  if (beyond) return { error: expectedDate(format), reason: beyond };
  return { value: formatIso(wallOfDateTime(parsed), parsed.offset) };
}

/**
 * Offsets are read up to ±18:00, as --as-of reads them (src/facts/asof.ts) and as Temporal and
 * java.time do; real zones stay within −12:00 and +14:00, but a wider offset still names one
 * instant. Beyond it (+25:00) the text is not a time of day anywhere.
 */
const MAX_OFFSET_MINUTES = 18 * 60;
const TRAILING_OFFSET = /T\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?([+-])(\d{2})(?::?(\d{2}))?$/;

/**
 * What luxon accepts that a data file must not hold: years outside 0001–9999 (ISO 8601's
 * expanded years, -001000-01-01, need an agreement between the parties, and no export writes
 * them), and offsets beyond ±18:00 or with minutes past 59.
 */
function beyondIso(text: string, year: number): Text | undefined {
  if (year < 1 || year > 9999 || /^[+-]\d{5,}/.test(text)) return msg('data.yearRange');
  const offset = TRAILING_OFFSET.exec(text);
  if (offset) {
    const minutes = Number(offset[3] ?? 0);
    if (minutes > 59 || Number(offset[2]) * 60 + minutes > MAX_OFFSET_MINUTES) return msg('data.offsetRange');
  }
  return undefined;
}

const exampleCache = new Map<string, string>();

export function expectedDate(format: string | undefined): Text {
  if (format === undefined) return msg('data.dateDefault');
  let example = exampleCache.get(format);
  if (example === undefined) {
    example = DateTime.fromObject({ year: 2024, month: 3, day: 1, hour: 14, minute: 30, second: 5 }).toFormat(
      format,
    );
    if (exampleCache.size < 1000) exampleCache.set(format, example);
  }
  return msg('data.dateInFormat', { format, example });
}

function fromSerial(serial: number, timezone: string, format: string | undefined): DateResult {
  // 60 is 1900-02-29, which Lotus 1-2-3 and so Excel count though it never existed.
  if (!(serial >= SERIAL_MIN && serial < SERIAL_MAX) || Math.floor(serial) === 60) {
    return {
      error: msg('data.dateOrSerial', { expected: expectedDate(format) }),
      reason: serial > SERIAL_MAX ? msg('data.timestampNotDate') : undefined,
    };
  }
  const days = Math.floor(serial);
  const epochDay = days - (days >= 61 ? 25_569 : 25_568);
  const at = epochDay * DAY_MS + Math.round((serial - days) * DAY_MS);
  return { value: isoInZone(wallOfUtcFields(new Date(at)), timezone) };
}

const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const YEAR_FIRST_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日, with an optional time: unambiguous, so read without a format. */
function yearFirst(text: string): WallClock | null | undefined {
  const m = YEAR_FIRST.exec(text);
  if (m) return wallOf(m[1], m[3], m[4], m[5], m[6], m[7], m[8]);
  const c = YEAR_FIRST_CHINESE.exec(text);
  if (c) return wallOf(c[1], c[2], c[3], c[4], c[5], c[6], undefined);
  return undefined;
}

/** A wall clock from matched digits; null when the date or time does not exist. */
function wallOf(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
): WallClock | null {
  const wall = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction === undefined ? 0 : Number(fraction.padEnd(3, '0')),
  };
  return exists(wall) ? wall : null;
}

function exists(w: WallClock): boolean {
  if (w.year < 1 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, w.month, 0)).getUTCDate();
  const leap = w.year % 4 === 0 && (w.year % 100 !== 0 || w.year % 400 === 0);
  if (w.day > (w.month === 2 && !leap ? 28 : daysInMonth)) return false;
  return w.hour <= 23 && w.minute <= 59 && w.second <= 59;
}

interface CompiledFormat {
  parse(text: string): WallClock | null | undefined;
}

/** Numeric tokens of luxon's format language: the unit each sets and how many digits it takes. */
const FIELDS: Record<string, { unit: keyof WallClock; digits: string }> = {
  yyyy: { unit: 'year', digits: '4' },
  M: { unit: 'month', digits: '1,2' },
  MM: { unit: 'month', digits: '2' },
  d: { unit: 'day', digits: '1,2' },
  dd: { unit: 'day', digits: '2' },
  H: { unit: 'hour', digits: '1,2' },
  HH: { unit: 'hour', digits: '2' },
  m: { unit: 'minute', digits: '1,2' },
  mm: { unit: 'minute', digits: '2' },
  s: { unit: 'second', digits: '1,2' },
  ss: { unit: 'second', digits: '2' },
  SSS: { unit: 'millisecond', digits: '3' },
};

const formatCache = new Map<string, CompiledFormat | undefined>();

/**
 * A luxon format made of the numeric tokens above and literals, compiled to one regular
 * expression; undefined for anything else (month names, 12-hour clocks, offsets), which luxon
 * parses. Two variable-width numbers side by side (yyyyMd) are left to luxon too.
 */
function compiled(format: string): CompiledFormat | undefined {
  if (formatCache.has(format)) return formatCache.get(format);
  const result = compile(format);
  if (formatCache.size < 1000) formatCache.set(format, result);
  return result;
}

function compile(format: string): CompiledFormat | undefined {
  const units: (keyof WallClock)[] = [];
  let pattern = '';
  let previousVariable = false;
  let previousNumeric = false;
  for (const token of format.match(/'[^']*'|([A-Za-z])\1*|[^A-Za-z']/g) ?? []) {
    if (/^[A-Za-z]/.test(token)) {
      const field = FIELDS[token];
      if (!field) return undefined;
      const variable = field.digits.includes(',');
      if (previousNumeric && (variable || previousVariable)) return undefined;
      if (units.includes(field.unit)) return undefined;
      units.push(field.unit);
      pattern += `(\\d{${field.digits}})`;
      previousVariable = variable;
      previousNumeric = true;
    } else {
      const literal = token.startsWith("'") ? token.slice(1, -1) : token;
      pattern += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      previousNumeric = false;
    }
  }
  if (!units.includes('year') || !units.includes('month') || !units.includes('day')) return undefined;
  const regex = new RegExp(`^${pattern}$`);
  return {
    parse(text) {
      const m = regex.exec(text);
      if (!m) return undefined;
      const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
      units.forEach((unit, i) => {
        wall[unit] = Number(m[i + 1]);
      });
      return exists(wall) ? wall : null;
    },
  };
}

const zones = new Map<string, boolean>();

function isZone(timezone: string): boolean {
  let known = zones.get(timezone);
  if (known === undefined) {
    known = IANAZone.isValidZone(timezone);
    if (zones.size < 1000) zones.set(timezone, known);
  }
  return known;
}

/** zone → yyyymmdd → the zone's offset in minutes all that day, or null when it changes that day. */
const dayOffsets = new Map<string, Map<number, number | null>>();

function isoInZone(wall: WallClock, timezone: string): string {
  let days = dayOffsets.get(timezone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timezone, days);
  }
  const day = wall.year * 10_000 + wall.month * 100 + wall.day;
  let offset = days.get(day);
  if (offset === undefined) {
    offset = steadyOffset(wall, timezone);
    // Bounded: a log spans some thousands of days; a hostile one must not grow this forever.
    if (days.size >= 100_000) days.clear();
    days.set(day, offset);
  }
  if (offset !== null) return formatIso(wall, offset);
  // A day with a DST change: luxon moves a time that does not exist forward, as clocks do.
  const exact = DateTime.fromObject({ ...wall }, { zone: timezone });
  return formatIso(wallOfDateTime(exact), exact.offset);
}

function steadyOffset(wall: WallClock, timezone: string): number | null {
  const day = { year: wall.year, month: wall.month, day: wall.day };
  const start = DateTime.fromObject({ ...day, hour: 0 }, { zone: timezone });
  const end = DateTime.fromObject({ ...day, hour: 23, minute: 59, second: 59 }, { zone: timezone });
  // A switch at midnight makes 00:00 itself not exist (luxon then reports 01:00).
  if (start.hour !== 0 || start.offset !== end.offset) return null;
  return start.offset;
}

function wallOfUtcFields(date: Date): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

function wallOfDateTime(dt: DateTime): WallClock {
  const { year, month, day, hour, minute, second, millisecond } = dt;
  return { year, month, day, hour, minute, second, millisecond };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * An instant (epoch ms) written as a date column's value is: ISO 8601 with the zone's offset at
 * that instant (`offsetMinutes`), so a date computed from transactions (the first purchase) reads
 * exactly like one read from a customer file.
 */
export function formatInstant(at: number, offsetMinutes: number): string {
  return formatIso(wallOfUtcFields(new Date(at + offsetMinutes * 60_000)), offsetMinutes);
}

/** 2024-03-01T00:00:00+08:00; milliseconds only when there are some, like luxon's suppressMilliseconds. */
function formatIso(w: WallClock, offsetMinutes: number): string {
  if (!Number.isInteger(offsetMinutes)) {
    // Local mean time before standard zones (Shanghai was +08:05:43 until 1901) has no ISO 8601
    // offset; luxon would cut it to +08:05 and move the instant, so the instant is written in UTC.
    const utc = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
    const at = utc.setUTCFullYear(w.year); // Date.UTC reads years 0–99 as 1900–1999
    return formatIso(wallOfUtcFields(new Date(at - Math.round(offsetMinutes * 60_000))), 0);
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const ms = w.millisecond === 0 ? '' : `.${pad(w.millisecond, 3)}`;
  return (
    `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}T${pad(w.hour, 2)}:${pad(w.minute, 2)}:` +
    `${pad(w.second, 2)}${ms}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
  );
}
