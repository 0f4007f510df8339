import { joinPointer } from '../diagnostics/pointer.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Rerating } from '../policy/schema/rules.js';
import type { SiteResult } from './conditions/trace.js';

export interface Outcomes {
  /** Classifier id → the classes the customer is in (one for pick: first, any number for all). */
  classes: Record<string, string[]>;
  /** Flags set by triggers (e.g. churn-warning). */
  flags: string[];
  /** A trigger asked for an immediate re-rating. */
  rerate: boolean;
  notify: string[];
  /** Ids of the triggers that fired. */
  triggers: string[];
}

/** Classifiers and re-rating triggers from their conditions' results, in the policy's order. */
export function outcomes(policy: Policy, results: ReadonlyMap<string, SiteResult>): Outcomes {
  const classes = collectClasses(
    policy,
    (id, i) => results.get(joinPointer('/classifiers', id, 'rules', i, 'when'))?.result === true,
  );
  const fired = (policy.rerating?.triggers ?? []).filter(
    (_, i) => results.get(`/rerating/triggers/${i}/when`)?.result,
  );
  return { classes, ...triggerOutcomes(fired) };
}

/**
 * Each classifier's classes, given which rules hold: the first that holds (pick: first) or all
 * of them (pick: all), else `otherwise`. Shared by the reference and the compiled path.
 */
export function collectClasses(
  policy: Policy,
  holds: (classifier: string, rule: number) => boolean,
): Record<string, string[]> {
  const classes: Record<string, string[]> = {};
  for (const [id, classifier] of Object.entries(policy.classifiers ?? {})) {
    const first = (classifier.pick ?? 'first') === 'first';
    const matched: string[] = [];
    for (const [i, rule] of classifier.rules.entries()) {
      if (!holds(id, i)) continue;
      matched.push(rule.id);
      if (first) break;
    }
    if (matched.length === 0 && classifier.otherwise) matched.push(classifier.otherwise.id);
    Object.defineProperty(classes, id, {
      value: matched,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return classes;
}

/** What the fired triggers ask for: flags and roles once each, a re-rating if any asks. */
export function triggerOutcomes(fired: readonly Trigger[]): Omit<Outcomes, 'classes'> {
  const out: Omit<Outcomes, 'classes'> = { flags: [], rerate: false, notify: [], triggers: [] };
  for (const trigger of fired) {
    out.triggers.push(trigger.id);
    if (trigger.then.flag && !out.flags.includes(trigger.then.flag)) out.flags.push(trigger.then.flag);
    if (trigger.then.rerate) out.rerate = true;
    for (const role of trigger.then.notify ?? []) if (!out.notify.includes(role)) out.notify.push(role);
  }
  return out;
}

type Trigger = NonNullable<Rerating['triggers']>[number];
