import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { daysInMonth, firstDayOfMonth, formatDay, formatMonth } from '../../facts/calendar.js';
import { msg } from '../../i18n/text.js';
import { parseDuration } from '../../policy/analysis/duration.js';

/**
 * One run of a replay. A run is labelled by its month and rates as of the END of that month's
 * last day in the policy's zone (docs/facts.md: a date as-of is the end of that day), so the run
 * 2024-02 sees every order placed up to 2024-02-29 23:59:59.999 and none of March's.
 */
export interface RunDate {
  /** 2024-02 */
  label: string;
  /** 2024-02-29: the as-of date `tierwise eval --as-of` would be given. */
  asOf: string;
  /** The as-of day (days since 1970-01-01). */
  day: number;
}

/** More runs than a replay takes: 50 years of monthly runs. */
export const MAX_RUNS = 600;

const MONTH = /^(\d{4})-(\d{2})$/;

/** A month index (year × 12 + month − 1) from 2024-01, or undefined when it is not one. */
export function parseMonth(text: string): number | undefined {
  const m = MONTH.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1) return undefined;
  return year * 12 + month - 1;
}

/** `--every`: a whole number of months (P1M, P3M, P1Y, P1Y6M), or undefined. */
export function parseEvery(text: string): number | undefined {
  const d = parseDuration(text.trim());
  if (!d) return undefined;
  if (d.weeks !== 0 || d.days !== 0 || d.hours !== 0 || d.minutes !== 0 || d.seconds !== 0) return undefined;
  const months = d.years * 12 + d.months;
  return Number.isInteger(months) && months > 0 ? months : undefined;
}

/** The run for a month: its label and the last day of the month as the as-of date. */
export function runOfMonth(month: number): RunDate {
  const day = firstDayOfMonth(month) + daysInMonth(month) - 1;
  return { label: formatMonth(month), asOf: formatDay(day), day };
}

/**
 * The runs from `from` to `to` (both months, inclusive) stepping `every` months: the first run
 * is `from`, the last is the last step that does not pass `to`. Bad input is a diagnostic:
 * TW1440 a month that cannot be read, TW1441 `to` before `from`, TW1442 a step that is not a
 * whole number of months, TW1443 more than MAX_RUNS runs.
 */
export function runDates(from: string, to: string, every = 'P1M'): RunDate[] | Diagnostic[] {
  const problems: Diagnostic[] = [];
  const month = (text: string, option: string) => {
    const parsed = parseMonth(text);
    if (parsed === undefined)
      problems.push(
        diagnostic('TW1440', msg('replay.badMonth', { option, input: text }), {
          help: msg('replay.badMonthHelp'),
        }),
      );
    return parsed;
  };
  const first = month(from, '--from');
  const last = month(to, '--to');
  const step = parseEvery(every);
  if (step === undefined)
    problems.push(
      diagnostic('TW1442', msg('replay.badEvery', { input: every }), { help: msg('replay.badEveryHelp') }),
    );
  if (first === undefined || last === undefined || step === undefined) return problems;
  if (last < first)
    return [
      diagnostic('TW1441', msg('replay.backwards', { from: formatMonth(first), to: formatMonth(last) }), {
        help: msg('replay.backwardsHelp'),
      }),
    ];
  const count = Math.floor((last - first) / step) + 1;
  if (count > MAX_RUNS)
    return [
      diagnostic('TW1443', msg('replay.tooManyRuns', { runs: count, max: MAX_RUNS }), {
        help: msg('replay.tooManyRunsHelp'),
      }),
    ];
  return Array.from({ length: count }, (_, i) => runOfMonth(first + i * step));
}

export function isRunDates(value: RunDate[] | Diagnostic[]): value is RunDate[] {
  return value.length === 0 || !('code' in value[0]!);
}
