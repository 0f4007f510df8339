import type { CustomerResult } from '../engine/evaluate.js';
import type { RerateRules } from './rules.js';
import { rerateCustomer } from './step.js';
import type { Computed, RerateEvent, TierState } from './types.js';

export interface RerateOutcome {
  /** Every customer's new state: those evaluated in the data's order, then those the data lacked. */
  states: TierState[];
  events: RerateEvent[];
  /** Customers in the state the data did not have: kept as they were. */
  absent: string[];
  /** Customers the policy left without a tier: their state is kept as it was. */
  undecided: number;
}

/** What the rerating reads from an evaluation: the tier's level, the score, the triggers. */
export function computedOf(rules: RerateRules, result: CustomerResult): Computed {
  const level = result.tier === undefined ? -1 : rules.tiers.indexOf(result.tier);
  return {
    level: level < 0 ? undefined : level,
    score: result.score,
    triggers: result.triggers,
    rerate: result.rerate,
    flags: result.flags,
  };
}

/**
 * One run of the re-rating over a population: each evaluated customer stepped from their state
 * (rerateCustomer), customers the data lacks carried over unchanged. `day` is the as-of day in
 * the policy's zone.
 */
export function rerate(
  rules: RerateRules,
  states: ReadonlyMap<string, TierState>,
  results: readonly CustomerResult[],
  day: number,
): RerateOutcome {
  const out: RerateOutcome = { states: [], events: [], absent: [], undecided: 0 };
  const seen = new Set<string>();
  for (const result of results) {
    seen.add(result.customer);
    const stepped = rerateCustomer(
      rules,
      result.customer,
      states.get(result.customer),
      computedOf(rules, result),
      day,
    );
    if (result.tier === undefined) out.undecided++;
    out.states.push(stepped.state);
    for (const e of stepped.events) out.events.push(e);
  }
  for (const [id, state] of states)
    if (!seen.has(id)) {
      out.absent.push(id);
      out.states.push(state);
    }
  return out;
}
