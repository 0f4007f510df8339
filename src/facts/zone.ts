import { DateTime, IANAZone } from 'luxon';
import { civilDate, DAY_MS, dayNumber } from './calendar.js';

/** The seed companies are in mainland China; the policy's metadata.timezone defaults to it too. */
export { DEFAULT_TIMEZONE } from '../data/date.js';

/** Zones found valid: luxon asks Intl afresh each time, which the server did on every evaluate. */
const validZones = new Set<string>();

export function isTimeZone(timezone: string): boolean {
  if (validZones.has(timezone)) return true;
  // Only valid names are kept: the tz database bounds them, while invalid input is unbounded.
  const valid = IANAZone.isValidZone(timezone);
  if (valid) validZones.add(timezone);
  return valid;
}

const calendars = new Map<string, ZoneCalendar>();

/**
 * The shared calendar of a zone (which must be valid). Its offset cache is what makes dayOf cheap,
 * so every plan and every customer's monthly series in one zone use the same one instead of
 * asking luxon again; it holds one entry per UTC day seen, about 365 per year of data.
 */
export function zoneCalendar(timezone: string): ZoneCalendar {
  let calendar = calendars.get(timezone);
  if (calendar === undefined) {
    calendar = new ZoneCalendar(timezone);
    calendars.set(timezone, calendar);
  }
  return calendar;
}

interface OffsetChange {
  at: number;
  before: number;
  after: number;
}

/**
 * Turns instants into calendar days of one IANA zone. A luxon DateTime per transaction is far too
 * slow for millions of rows, so the zone's offset is looked up once per UTC day and cached: the
 * per-transaction cost is one Map lookup and a division. A UTC day in which the offset changes
 * (a DST switch) stores the exact instant of the change, found by bisection. This assumes at most
 * one change per UTC day, which holds for every zone in the tz database since 1900.
 */
export class ZoneCalendar {
  readonly timezone: string;
  readonly #zone: IANAZone;
  /** UTC day → offset in ms over the whole day, or NaN when it changes that day (see #changes). */
  readonly #offsets = new Map<number, number>();
  readonly #changes = new Map<number, OffsetChange>();
  /** Local day → its first instant: dates of a customer file repeat, luxon is slow to ask. */
  readonly #starts = new Map<number, number>();
  /** UTC day → the offset at its first instant: each day's end is the next day's start. */
  readonly #samples = new Map<number, number>();

  /** The zone must be valid (check with isTimeZone first). */
  constructor(timezone: string) {
    this.timezone = timezone;
    this.#zone = IANAZone.create(timezone);
  }

  /** The zone-local calendar day (days since 1970-01-01) of an instant in epoch ms. */
  dayOf(at: number): number {
    return Math.floor((at + this.offsetAt(at)) / DAY_MS);
  }

  offsetAt(at: number): number {
    const utcDay = Math.floor(at / DAY_MS);
    const offset = this.#offsets.get(utcDay) ?? this.#learn(utcDay);
    if (!Number.isNaN(offset)) return offset;
    const change = this.#changes.get(utcDay)!;
    return at < change.at ? change.before : change.after;
  }

  /**
   * The first instant of a local day. Some zones skip midnight when DST starts; luxon then moves
   * to the first wall time that exists, which is where that day begins.
   */
  startOfDay(day: number): number {
    let start = this.#starts.get(day);
    if (start === undefined) {
      // Away from an offset change, local midnight is one instant: the day's UTC midnight moved
      // by the offset. The days around a change are luxon's to settle (a skipped midnight).
      const offset = this.#steadyAround(day);
      start =
        offset === undefined
          ? DateTime.fromObject(civilDate(day), { zone: this.timezone }).toMillis()
          : day * DAY_MS - offset;
      // Bounded: data spans some thousands of days; a hostile file must not grow this forever.
      if (this.#starts.size >= 100_000) this.#starts.clear();
      this.#starts.set(day, start);
    }
    return start;
  }

  /** The last millisecond of a local day, the end of an as-of date. */
  endOfDay(day: number): number {
    return this.startOfDay(day + 1) - 1;
  }

  /** Start of the local day year-month-day. */
  startOfDate(year: number, month: number, day: number): number {
    return this.startOfDay(dayNumber(year, month, day));
  }

  /**
   * The offset over the UTC days around a local day (the day before to the day after, which hold
   * every instant its midnight can be), or undefined when it changes there.
   */
  #steadyAround(day: number): number | undefined {
    const offset = this.#offsets.get(day) ?? this.#learn(day);
    if (Number.isNaN(offset)) return undefined;
    for (const near of [day - 1, day + 1])
      if ((this.#offsets.get(near) ?? this.#learn(near)) !== offset) return undefined;
    return offset;
  }

  /** The UTC day's offset (NaN when it changes that day, and the change in #changes). */
  #learn(utcDay: number): number {
    const start = utcDay * DAY_MS;
    // The offset just before the next day is taken as the one at its start: one question to
    // Intl per day, not two. A change at that very instant is found by the bisection below.
    const before = this.#sample(utcDay);
    const after = this.#sample(utcDay + 1);
    if (before === after) {
      this.#offsets.set(utcDay, before);
      return before;
    }
    let low = start;
    let high = start + DAY_MS;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.#minutes(middle) === before) low = middle;
      else high = middle;
    }
    this.#offsets.set(utcDay, Number.NaN);
    // At most one change a day (see the class): the offset after it is the next day's.
    this.#changes.set(utcDay, { at: high, before, after });
    return Number.NaN;
  }

  #sample(utcDay: number): number {
    let offset = this.#samples.get(utcDay);
    if (offset === undefined) {
      offset = this.#minutes(utcDay * DAY_MS);
      this.#samples.set(utcDay, offset);
    }
    return offset;
  }

  #minutes(at: number): number {
    return this.#zone.offset(at) * 60_000;
  }
}
