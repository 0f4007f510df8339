import { DateTime } from 'luxon';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { parseDuration } from '../policy/analysis/duration.js';
import type { AsOf } from './asof.js';
import { firstDayOfMonth, monthOfDay } from './calendar.js';
import type { ZoneCalendar } from './zone.js';

/**
 * The transactions a fact reads: those with after < at ≤ upTo, in epoch ms. Computed once per
 * window at compile time so that the per-transaction test is two comparisons.
 */
export interface WindowBounds {
  /** Exclusive lower end; −Infinity without a window (all history). */
  after: number;
  /** Inclusive upper end: the as-of instant, or the end of the last complete month (calendar). */
  upTo: number;
  /** First and last calendar month lying wholly inside (after, upTo]; month-based facts use them. */
  firstWholeMonth: number;
  lastWholeMonth: number;
}

export interface WindowSpec {
  window?: string | undefined;
  /** Align to complete calendar months instead of rolling back from the as-of instant. */
  calendar?: boolean | undefined;
}

/** Bounds of a fact's window, or a diagnostic at `pointer` (the fact) when it cannot be used. */
export function windowBounds(
  spec: WindowSpec,
  asOf: AsOf,
  zone: ZoneCalendar,
  pointer: string,
): WindowBounds | Diagnostic {
  if (spec.window === undefined) {
    if (spec.calendar) {
      return diagnostic('TW0211', msg('facts.calendarNeedsLength'), {
        pointer: `${pointer}/calendar`,
        help: msg('facts.calendarNeedsLengthHelp'),
      });
    }
    return withMonths(Number.NEGATIVE_INFINITY, asOf.instant, zone);
  }
  const at = `${pointer}/window`;
  const parts = parseDuration(spec.window);
  if (!parts) {
    return diagnostic('TW0104', msg('facts.notDuration', { window: spec.window }), {
      pointer: at,
      help: msg('facts.notDurationHelp'),
    });
  }
  const { years, months, weeks, days, hours, minutes, seconds } = parts;
  if (years + months + weeks + days + hours + minutes + seconds === 0) {
    return diagnostic('TW0508', msg('facts.zeroWindow', { window: spec.window }), { pointer: at });
  }
  // Luxon spreads a fractional month over days at an average length; a window of "1.5 months"
  // would then depend on luxon's averaging, so calendar units are whole.
  if (![years, months, weeks, days].every(Number.isInteger)) {
    return diagnostic('TW0104', msg('facts.fractionalWindow', { window: spec.window }), {
      pointer: at,
      help: msg('facts.fractionalWindowHelp'),
    });
  }
  if (spec.calendar) {
    if (weeks + days + hours + minutes + seconds > 0) {
      return diagnostic('TW0211', msg('facts.calendarWhole', { window: spec.window }), {
        pointer: at,
        help: msg('facts.calendarWholeHelp'),
      });
    }
    return calendarMonths(years * 12 + months, asOf, zone);
  }
  const after = DateTime.fromMillis(asOf.instant, { zone: asOf.timezone })
    .minus({ years, months, weeks, days, hours, minutes, seconds })
    .toMillis();
  return withMonths(after, asOf.instant, zone);
}

export function isWindowBounds(value: WindowBounds | Diagnostic): value is WindowBounds {
  return 'upTo' in value;
}

/** The `count` complete calendar months ending at or before the as-of instant. */
function calendarMonths(count: number, asOf: AsOf, zone: ZoneCalendar): WindowBounds {
  const last = lastCompleteMonth(asOf.instant, zone);
  const upTo = startOfMonth(last + 1, zone) - 1;
  const after = startOfMonth(last - count + 1, zone) - 1;
  return { after, upTo, firstWholeMonth: last - count + 1, lastWholeMonth: last };
}

function withMonths(after: number, upTo: number, zone: ZoneCalendar): WindowBounds {
  const firstWholeMonth = after === Number.NEGATIVE_INFINITY ? after : firstMonthFrom(after + 1, zone);
  return { after, upTo, firstWholeMonth, lastWholeMonth: lastCompleteMonth(upTo, zone) };
}

function startOfMonth(month: number, zone: ZoneCalendar): number {
  return zone.startOfDay(firstDayOfMonth(month));
}

/** The last month that has ended by `upTo` (inclusive): its own month if upTo is its last ms. */
function lastCompleteMonth(upTo: number, zone: ZoneCalendar): number {
  const month = monthOfDay(zone.dayOf(upTo));
  return startOfMonth(month + 1, zone) - 1 === upTo ? month : month - 1;
}

/** The first month that starts at or after `from`. */
function firstMonthFrom(from: number, zone: ZoneCalendar): number {
  const month = monthOfDay(zone.dayOf(from));
  return startOfMonth(month, zone) >= from ? month : month + 1;
}
