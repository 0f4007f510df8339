import { covers, type DayIndex, indexCalendar, isWorkingDay } from '../calendar/days.js';
import { neverOpen, uncoveredYear } from '../calendar/faults.js';
import type { Calendar } from '../calendar/types.js';
import { formatInstant, isoDate, localDateOf, parseInstant } from '../calendar/zone.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { parseDuration } from '../policy/analysis/duration.js';
import type { Sla } from '../policy/schema/service.js';
import { businessDue, elapsedDue, type Interval, mergePauses, type WalkFault } from './clock.js';

export type Clock = 'business' | 'elapsed';

export interface DueInput {
  sla: Sla;
  tier: string;
  /** ISO 8601 with an offset: 2025-09-30T17:00+08:00. */
  opened: string;
  /** Waiting for the customer: the clock stops from `from` to `to`. */
  pauses?: readonly { from: string; to: string }[];
  /**
   * The calendar version the ticket started with. A ticket keeps it to the end: a holiday added
   * after opening must not move a promise already made, so the caller stores and passes it back.
   */
  calendar: Calendar;
  /** The business unit's own closed dates (YYYY-MM-DD), on top of the calendar's. */
  closures?: readonly string[];
}

export interface DueTarget {
  /** The target as the policy states it (ISO 8601 duration). */
  within: string;
  clock: Clock;
  /** 'onNonWorkingDays' when seed 004's rule chose the target. */
  rule: 'within' | 'onNonWorkingDays';
  due: string;
}

export interface DueAnswer {
  tier: string;
  opened: string;
  calendar: { id: string; version: string; timeZone: string };
  startedOnWorkingDay: boolean;
  response?: DueTarget;
  resolution?: DueTarget;
}

export type DueResult =
  | { answer: DueAnswer; diagnostics: [] }
  | { answer?: undefined; diagnostics: Diagnostic[] };

interface Started {
  opened: number;
  pauses: Interval[];
  index: DayIndex;
  onWorkingDay: boolean;
}

/** Response and resolution due instants of a ticket under its tier's SLA. */
export function dueTimes(input: DueInput): DueResult {
  const started = start(input);
  if ('diagnostics' in started) return { diagnostics: started.diagnostics };
  const { calendar } = input;
  const answer: DueAnswer = {
    tier: input.tier,
    opened: formatInstant(calendar.timeZone, started.opened),
    calendar: { id: calendar.id, version: calendar.version, timeZone: calendar.timeZone },
    startedOnWorkingDay: started.onWorkingDay,
  };
  const problems: Diagnostic[] = [];
  const { response, resolution } = input.sla;
  if (response?.within) {
    const clock = response.clock ?? (response.availability === '24x7' ? 'elapsed' : 'business');
    const target = due(started, response.within, clock, 'within', '/response/within');
    if ('due' in target) answer.response = target;
    else problems.push(target.diagnostic);
  }
  if (resolution?.within) {
    // Seed 004: a day without working hours has its own, shorter target, which runs on the wall clock.
    const special = !started.onWorkingDay && resolution.onNonWorkingDays !== undefined;
    const target = special
      ? due(
          started,
          resolution.onNonWorkingDays ?? '',
          'elapsed',
          'onNonWorkingDays',
          '/resolution/onNonWorkingDays',
        )
      : due(started, resolution.within, resolution.clock ?? 'business', 'within', '/resolution/within');
    if ('due' in target) answer.resolution = target;
    else problems.push(target.diagnostic);
  }
  if (!response?.within && !resolution?.within)
    problems.push(
      diagnostic('TW1404', msg('sla.noTargets', { tier: input.tier }), { help: msg('sla.noTargetsHelp') }),
    );
  return problems.length > 0 ? { diagnostics: problems } : { answer, diagnostics: [] };
}

function start(input: DueInput): Started | { diagnostics: Diagnostic[] } {
  const opened = parseInstant(input.opened);
  if (opened === undefined) return { diagnostics: [badInstant(input.opened, 'opened')] };
  const pauses: Interval[] = [];
  for (const [i, p] of (input.pauses ?? []).entries()) {
    const from = parseInstant(p.from);
    const to = parseInstant(p.to);
    if (from === undefined) return { diagnostics: [badInstant(p.from, `pauses/${i}/from`)] };
    if (to === undefined) return { diagnostics: [badInstant(p.to, `pauses/${i}/to`)] };
    if (to < from)
      return {
        diagnostics: [
          diagnostic('TW1403', msg('sla.pauseBackwards', { from: p.from, to: p.to }), {
            pointer: `/pauses/${i}`,
            help: msg('sla.instantHelp'),
          }),
        ],
      };
    pauses.push([from, to]);
  }
  const index = indexCalendar(input.calendar, input.closures);
  const date = localDateOf(input.calendar.timeZone, opened);
  if (!covers(index, date)) return { diagnostics: [uncoveredYear(input.calendar, isoDate(date))] };
  return { opened, pauses: mergePauses(pauses), index, onWorkingDay: isWorkingDay(index, date) };
}

function due(
  started: Started,
  within: string,
  clock: Clock,
  rule: DueTarget['rule'],
  pointer: string,
): DueTarget | { diagnostic: Diagnostic } {
  const budget = durationMs(within);
  if (budget === undefined)
    return {
      diagnostic: diagnostic('TW1406', msg('sla.badTarget', { within }), {
        pointer,
        help: msg('sla.badTargetHelp'),
      }),
    };
  const { index, opened, pauses } = started;
  const zone = index.calendar.timeZone;
  if (clock === 'elapsed')
    return { within, clock, rule, due: formatInstant(zone, elapsedDue(opened, budget, pauses)) };
  const walked = businessDue(opened, budget, pauses, index);
  if ('fault' in walked) return { diagnostic: walkDiagnostic(index.calendar, walked.fault) };
  return { within, clock, rule, due: formatInstant(zone, walked.due) };
}

/**
 * Milliseconds of a target; a day is 24 hours of running clock. Months and years have no fixed
 * length, so a target in them is refused rather than guessed.
 */
function durationMs(text: string): number | undefined {
  const d = parseDuration(text);
  if (!d || d.years > 0 || d.months > 0) return undefined;
  return ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

function badInstant(text: string, pointer: string): Diagnostic {
  return diagnostic('TW1403', msg('sla.badInstant', { text }), {
    pointer: `/${pointer}`,
    help: msg('sla.instantHelp'),
  });
}

function walkDiagnostic(calendar: Calendar, fault: WalkFault): Diagnostic {
  return fault.kind === 'uncovered' ? uncoveredYear(calendar, fault.date) : neverOpen(calendar, fault.from);
}
