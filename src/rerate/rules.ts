import { firstDayOfMonth, monthOfDay } from '../facts/calendar.js';
import { plusMonths } from '../facts/periods.js';
import { monthsAndDays } from '../policy/analysis/duration.js';
import { calendarMonths } from '../policy/lint/rerating.js';
import type { Policy } from '../policy/schema/policy.js';
import type { TierState } from './types.js';

/**
 * A policy's `rerating` section with its defaults filled in: what every step of a re-rating
 * reads. The defaults are the handbooks' (seed 004): reviews `every` after the last rating,
 * upgrades at once, downgrades at the review, all the way down, no grace, no band.
 */
export interface RerateRules {
  tiers: readonly string[];
  anchor: 'last-rating' | 'calendar';
  upgrade: 'immediate' | 'review';
  downgrade: 'review' | 'immediate';
  /** At most this many tiers down at once; Infinity: to the computed tier. */
  steps: number;
  grace?: string;
  /** Level index → the band's minScore. */
  hold: ReadonlyMap<number, number>;
  /** Level index (tiers.length: no tier) → cadence; undefined: reviewed only when triggered. */
  every: readonly (string | undefined)[];
  /** Level index → the months of its calendar period (anchor: calendar), parsed once. */
  periods: readonly (number | undefined)[];
  /** Trigger id → its flag, for the events' labels. */
  triggerIds: readonly string[];
}

export function rerateRules(policy: Policy): RerateRules {
  const r = policy.rerating ?? {};
  const tiers = (policy.tiers?.levels ?? []).map((l) => l.id);
  const every = r.every ?? {};
  const cadences = [...tiers.map((id) => every[id] ?? every.default), every.default];
  return {
    tiers,
    anchor: r.anchor ?? 'last-rating',
    upgrade: r.upgrade?.when ?? 'immediate',
    downgrade: r.downgrade?.when ?? 'review',
    steps: r.downgrade?.steps ?? Number.POSITIVE_INFINITY,
    grace: r.downgrade?.grace,
    hold: new Map(
      Object.entries(r.hold ?? {}).flatMap(([id, band]) => {
        const level = tiers.indexOf(id);
        return level < 0 ? [] : [[level, band.minScore] as const];
      }),
    ),
    every: cadences,
    periods: cadences.map((c) => (c === undefined ? undefined : calendarMonths(c))),
    triggerIds: (r.triggers ?? []).map((t) => t.id),
  };
}

/** The level of a tier id in the rules' order; tiers.length for none or an id the policy lacks. */
export function levelOf(rules: RerateRules, tier: string | undefined): number {
  const i = tier === undefined ? -1 : rules.tiers.indexOf(tier);
  return i < 0 ? rules.tiers.length : i;
}

/**
 * The day a customer rated on `ratedAt` in `level` is next due; undefined when the tier has no
 * cadence. Counted from the last rating (P3M after 2026-02-10 is 2026-05-10; month ends clamp:
 * P1M after 31 Jan is 28/29 Feb), or at the close of the calendar period after the rating
 * (P3M: 31 Mar, 30 Jun, 30 Sep, 31 Dec; a customer rated on 30 Jun is next due on 30 Sep, one
 * rated on 10 Feb on 31 Mar).
 */
export function nextReview(rules: RerateRules, level: number, ratedAt: number): number | undefined {
  const every = rules.every[level];
  if (every === undefined) return undefined;
  if (rules.anchor === 'calendar') {
    const months = rules.periods[level];
    // The policy check refuses such a cadence (TW0509); a library caller gets the plain count.
    if (months !== undefined) return nextPeriodClose(ratedAt, months);
  }
  return addDuration(ratedAt, every);
}

/** The day a state is next reviewed, by the rules it was rated under; undefined when never. */
export function stateNextReview(rules: RerateRules, state: TierState): number | undefined {
  if (state.tier === undefined || state.ratedAt === undefined) return undefined;
  return nextReview(rules, levelOf(rules, state.tier), state.ratedAt);
}

/**
 * The last day of the calendar period of `months` months (counted from 1 January) that holds the
 * day after `day`: the close of the period after the one a rating on `day` belongs to. Runs as
 * of a quarter's last day review the quarter that has just closed.
 */
export function nextPeriodClose(day: number, months: number): number {
  // Month indices count from January of year 0, so multiples of `months` start the year's periods.
  const month = monthOfDay(day + 1);
  return firstDayOfMonth(Math.floor(month / months) * months + months) - 1;
}

/** A day plus an ISO 8601 duration of years, months, weeks and days (time parts round up to a day). */
export function addDuration(day: number, duration: string): number {
  const { months, days } = steps(duration);
  return plusMonths(day, months) + days;
}

/** A policy has a handful of cadences and a replay asks for them per customer and run: parse once. */
const STEPS = new Map<string, { months: number; days: number }>();

function steps(duration: string): { months: number; days: number } {
  let found = STEPS.get(duration);
  if (!found) {
    found = monthsAndDays(duration);
    if (!found) throw new Error(`not a duration: ${duration}`);
    if (STEPS.size > 1000) STEPS.clear();
    STEPS.set(duration, found);
  }
  return found;
}
