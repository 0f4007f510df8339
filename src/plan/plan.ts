import { createHash } from 'node:crypto';
import { type DayIndex, indexCalendar } from '../calendar/days.js';
import type { Calendar } from '../calendar/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import { LANGUAGES, type Localized } from '../i18n/language.js';
import { msg, t } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Sla } from '../policy/schema/service.js';
import { levelOf, nextReview, rerateRules } from '../rerate/rules.js';
import type { TierState } from '../rerate/types.js';
import { calendarFor } from '../sla/tier.js';
import { cadenceDays, periodOf, type Step, stepOf } from './steps.js';
import { type Plan, type PlanItem, UNASSIGNED } from './types.js';
import { nextWorkingDay } from './working-day.js';

export interface PlanInput {
  policy: Policy;
  states: Iterable<TierState>;
  /** First day of the horizon, a calendar day of the policy's zone. */
  from: number;
  /** The day after the horizon's last. */
  until: number;
  /** As given (P3M), for the plan's header. */
  horizon: string;
  /** A calendar that replaces the one each tier's SLA names (cn-mainland by default). */
  calendar?: Calendar;
}

export interface PlanResult {
  /** Absent when a contact cannot be placed on the calendar (TW1401, TW1402, TW1407). */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

interface TierPlan {
  id: string;
  label: Localized;
  cadence: { action: string; label: Localized; channel?: string; every: string; step: Step }[];
  followUpWithin?: string;
  calendar: DayIndex;
}

/**
 * Each customer's contacts, tier review and grace end from `from` to before `until`:
 *
 * - a contact for each cadence entry of the tier held, on ratedAt + k × every (k ≥ 1, each counted
 *   from the rating, so month ends clamp without drifting), moved to the next working day of the
 *   business calendar, and listed when that working day is in the horizon;
 * - the tier review on the day re-rating makes it due (src/rerate/rules.ts nextReview), as the
 *   state's nextReview column shows it; a review already overdue is listed on `from`;
 * - for a customer in grace, the day the grace ends.
 *
 * A customer without a tier or a rating date has no anchor: nothing is planned (TW1450).
 */
export function servicePlan(input: PlanInput): PlanResult {
  const { policy, from, until } = input;
  const tiers = tierPlans(policy, input.calendar);
  if ('diagnostic' in tiers) return { diagnostics: [tiers.diagnostic] };
  const rules = rerateRules(policy);
  const name = policy.metadata.name;
  const items: PlanItem[] = [];
  const unanchored: string[] = [];
  const errors = new Map<string, Diagnostic>();
  const moved = new Map<string, number | Diagnostic>();
  const workingDay = (tier: TierPlan, day: number) => {
    const key = `${tier.calendar.calendar.id}:${day}`;
    const known = moved.get(key);
    if (known !== undefined) return known;
    const found = nextWorkingDay(tier.calendar, day);
    moved.set(key, found);
    return found;
  };
  for (const state of input.states) {
    const tier = state.tier === undefined ? undefined : tiers.get(state.tier);
    if (tier === undefined || state.ratedAt === undefined) {
      unanchored.push(state.customer);
      continue;
    }
    const ratedAt = state.ratedAt;
    const base = {
      customer: state.customer,
      manager: state.manager ?? UNASSIGNED,
      tier: tier.id,
      tierLabel: tier.label,
    };
    const uid = (kind: string, action: string, key: string) =>
      `${createHash('sha256').update(`${name}\n${state.customer}\n${kind}\n${action}\n${key}`).digest('hex').slice(0, 32)}@tierwise`;
    for (const c of tier.cadence)
      for (const due of cadenceDays(ratedAt, c.step, from, until)) {
        const day = workingDay(tier, due);
        if (typeof day !== 'number') {
          // Days before the window are searched only for a move into it: a plan from early January
          // must not fail on December of a year the calendar does not cover.
          if (due >= from) errors.set(day.message, day);
          continue;
        }
        if (day < from || day >= until) continue;
        items.push({
          ...base,
          kind: 'contact',
          action: c.action,
          label: c.label,
          ...(c.channel === undefined ? {} : { channel: c.channel }),
          every: c.every,
          ...(tier.followUpWithin === undefined ? {} : { followUpWithin: tier.followUpWithin }),
          day,
          due,
          uid: uid('contact', c.action, periodOf(due, c.step)),
        });
      }
    const review = nextReview(rules, levelOf(rules, tier.id), ratedAt);
    if (review !== undefined && review < until)
      items.push({
        ...base,
        kind: 'review',
        action: 'tier-review',
        label: catalogueLabel('plan.review'),
        day: Math.max(review, from),
        due: review,
        uid: uid('review', 'tier-review', String(review)),
      });
    if (state.graceUntil !== undefined && state.graceUntil >= from && state.graceUntil < until)
      items.push({
        ...base,
        kind: 'grace-end',
        action: 'grace-ends',
        label: catalogueLabel('plan.graceEnds'),
        day: state.graceUntil,
        due: state.graceUntil,
        ...(state.graceTier === undefined ? {} : { graceTier: state.graceTier }),
        uid: uid('grace-end', 'grace-ends', String(state.graceUntil)),
      });
  }
  const diagnostics: Diagnostic[] = [...errors.values()];
  if (unanchored.length > 0)
    diagnostics.push(
      diagnostic('TW1450', msg('plan.unanchored', { count: unanchored.length, first: unanchored[0]! }), {
        help: msg('plan.unanchoredHelp'),
      }),
    );
  if (errors.size > 0) return { diagnostics };
  items.sort(byDay);
  const calendars = [
    ...new Map([...tiers.values()].map((t) => [t.calendar.calendar.id, t.calendar.calendar])).values(),
  ];
  return {
    plan: {
      policy: name,
      timezone: policy.metadata.timezone ?? DEFAULT_TIMEZONE,
      from,
      until,
      horizon: input.horizon,
      calendars: calendars.map((c) => ({ id: c.id, version: c.version })),
      items,
    },
    diagnostics,
  };
}

const KIND_ORDER = { 'grace-end': 0, review: 1, contact: 2 } as const;

function byDay(a: PlanItem, b: PlanItem): number {
  return (
    a.day - b.day ||
    compare(a.manager, b.manager) ||
    compare(a.customer, b.customer) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compare(a.action, b.action)
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A catalogue text in every language, as a policy label is: the plan carries both. */
function catalogueLabel(id: 'plan.review' | 'plan.graceEnds'): Localized {
  return Object.fromEntries(LANGUAGES.map((l) => [l, t(l, id)]));
}

function tierPlans(
  policy: Policy,
  given: Calendar | undefined,
): Map<string, TierPlan> | { diagnostic: Diagnostic } {
  const tiers = new Map<string, TierPlan>();
  const indexes = new Map<Calendar, DayIndex>();
  for (const level of policy.tiers?.levels ?? []) {
    const found = calendarFor((level.sla ?? {}) as Sla, given);
    if ('diagnostic' in found) return found;
    const calendar = indexes.get(found.calendar) ?? indexCalendar(found.calendar);
    indexes.set(found.calendar, calendar);
    const cadence = (level.entitlements?.cadence ?? []).flatMap((c) => {
      // The policy check refuses a zero or unreadable duration (TW0508): such an entry plans nothing.
      const step = stepOf(c.every);
      return step === undefined
        ? []
        : [
            {
              action: c.action,
              label: c.label ?? { en: c.action, 'zh-CN': c.action },
              ...(c.channel === undefined ? {} : { channel: c.channel }),
              every: c.every,
              step,
            },
          ];
    });
    const followUpWithin = level.entitlements?.followUpWithin;
    tiers.set(level.id, {
      id: level.id,
      label: level.label ?? { en: level.id },
      cadence,
      ...(followUpWithin === undefined ? {} : { followUpWithin }),
      calendar,
    });
  }
  return tiers;
}
