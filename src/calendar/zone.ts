/**
 * Wall-clock arithmetic in an IANA time zone on Node's Intl alone: the calendar needs only "which
 * local date is this instant" and "which instant is 09:00 on this local date", and Intl answers
 * both without a dependency.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(timeZone: string, epochMs: number): number[] {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return [
    parts.year ?? 0,
    parts.month ?? 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  ];
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(timeZone: string, epochMs: number): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = wallClock(timeZone, epochMs);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

export function localDateOf(timeZone: string, epochMs: number): LocalDate {
  const [year = 0, month = 1, day = 1] = wallClock(timeZone, epochMs);
  return { year, month, day };
}

/**
 * The instant a local wall time names. Two passes settle the offset on either side of a DST
 * change; a wall time the change skips lands just after it, as clocks do.
 */
export function instantOf(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const utc = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60000;
  const first = utc - offsetMinutes(timeZone, utc) * 60000;
  return utc - offsetMinutes(timeZone, first) * 60000;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** 0 = Sunday … 6 = Saturday, as Date numbers them. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** An instant as ISO 8601 with the zone's offset at that instant: 2025-10-09T12:00:00+08:00. */
export function formatInstant(timeZone: string, epochMs: number): string {
  const offset = offsetMinutes(timeZone, epochMs);
  const local = new Date(epochMs + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an ISO 8601 instant that states its offset; undefined otherwise. */
export function parseInstant(text: string): number | undefined {
  if (!INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function parseLocalDate(text: string): LocalDate {
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) };
}
