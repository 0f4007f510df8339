import { addDuration, levelOf, nextReview, type RerateRules } from './rules.js';
import type { Computed, RerateEvent, TierState } from './types.js';

export interface Stepped {
  state: TierState;
  events: RerateEvent[];
}

/**
 * One customer at one run: the tier they hold, what the policy computes for them today, and the
 * rules that move one towards the other (docs/rerating.md). A review happens when it is due by
 * the tier's cadence or a trigger asks for one; upgrades may come between reviews, downgrades
 * only at one unless the policy says `downgrade.when: immediate`; a band keeps a customer whose
 * score stays at or above it; a grace keeps the tier until its last day has passed.
 */
export function rerateCustomer(
  rules: RerateRules,
  customer: string,
  prev: TierState | undefined,
  computed: Computed,
  day: number,
): Stepped {
  const events: RerateEvent[] = [];
  const event = (e: Omit<RerateEvent, 'customer' | 'at'>) => events.push({ customer, at: day, ...e });
  const before = prev?.flags ?? [];
  for (const flag of computed.flags)
    if (!before.includes(flag))
      event({ type: 'flagged', flag, triggers: computed.triggers, because: 'trigger' });
  for (const flag of before)
    if (!computed.flags.includes(flag)) event({ type: 'cleared', flag, because: 'trigger' });
  if (computed.rerate) event({ type: 'triggered', triggers: computed.triggers, because: 'trigger' });

  const state: TierState = { ...(prev ?? { customer }), customer, flags: [...computed.flags] };
  const tierAt = (level: number) => rules.tiers[level];
  const target = computed.level;
  if (target === undefined) {
    event({ type: 'undecided', from: prev?.tier, because: 'new' });
    return { state, events };
  }
  const rated = (level: number) => {
    state.tier = tierAt(level);
    state.ratedAt = day;
    state.score = computed.score;
    delete state.graceTier;
    delete state.graceUntil;
  };
  if (prev?.tier === undefined) {
    rated(target);
    event({ type: 'rated', to: state.tier, score: computed.score, because: 'new' });
    return { state, events };
  }

  const current = levelOf(rules, prev.tier);
  const dueOn = prev.ratedAt === undefined ? day : nextReview(rules, current, prev.ratedAt);
  const due = dueOn !== undefined && dueOn <= day;
  const review = due || computed.rerate;
  const because = due ? 'due' : computed.rerate ? 'trigger' : 'immediate';
  const inGrace = prev.graceUntil !== undefined;
  const moved = (type: 'upgrade' | 'downgrade', level: number, why: RerateEvent['because']) => {
    rated(level);
    event({ type, from: prev.tier, to: state.tier, score: computed.score, because: why });
  };

  if (target <= current && inGrace) {
    delete state.graceTier;
    delete state.graceUntil;
    event({ type: 'recovered', from: prev.tier, to: prev.tier, score: computed.score, because: 'grace' });
  }
  if (target < current) {
    if (review || rules.upgrade === 'immediate') moved('upgrade', target, because);
    return { state, events };
  }
  if (target === current) {
    if (review) {
      rated(current);
      event({ type: 'reviewed', from: prev.tier, to: prev.tier, score: computed.score, because });
    }
    return { state, events };
  }

  // Below the tier held: only at a review, in grace, or when downgrades are immediate.
  if (!review && !inGrace && rules.downgrade !== 'immediate') return { state, events };
  const why = review ? because : inGrace ? 'grace' : 'immediate';
  const band = rules.hold.get(current);
  if (band !== undefined && computed.score !== undefined && computed.score >= band) {
    if (review) state.ratedAt = day;
    state.score = computed.score;
    delete state.graceTier;
    delete state.graceUntil;
    event({ type: 'held', from: prev.tier, to: prev.tier, score: computed.score, hold: band, because: why });
    return { state, events };
  }
  const fallTo = Math.min(target, current + rules.steps);
  if (rules.grace === undefined) {
    moved('downgrade', fallTo, why);
    return { state, events };
  }
  if (!inGrace) {
    if (review) state.ratedAt = day;
    state.score = computed.score;
    state.graceTier = tierAt(fallTo);
    state.graceUntil = addDuration(day, rules.grace);
    event({
      type: 'grace',
      from: prev.tier,
      to: state.graceTier,
      score: computed.score,
      graceUntil: state.graceUntil,
      because: why,
    });
    return { state, events };
  }
  if (day >= prev.graceUntil!) {
    moved('downgrade', fallTo, 'grace');
    return { state, events };
  }
  // Still in grace: where the customer would fall may have changed since it began.
  state.graceTier = tierAt(fallTo);
  if (review) state.ratedAt = day;
  return { state, events };
}
