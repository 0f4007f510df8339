import { joinPointer } from '../diagnostics/pointer.js';
import type { Policy } from '../policy/schema/policy.js';
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
  const classes: Record<string, string[]> = {};
  for (const [id, classifier] of Object.entries(policy.classifiers ?? {})) {
    const matched: string[] = [];
    for (const [i, rule] of classifier.rules.entries()) {
      if (!results.get(joinPointer('/classifiers', id, 'rules', i, 'when'))?.result) continue;
      matched.push(rule.id);
      if ((classifier.pick ?? 'first') === 'first') break;
    }
    if (matched.length === 0 && classifier.otherwise) matched.push(classifier.otherwise.id);
    Object.defineProperty(classes, id, {
      value: matched,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const out: Outcomes = { classes, flags: [], rerate: false, notify: [], triggers: [] };
  for (const [i, trigger] of (policy.rerating?.triggers ?? []).entries()) {
    if (!results.get(`/rerating/triggers/${i}/when`)?.result) continue;
    out.triggers.push(trigger.id);
    if (trigger.then.flag && !out.flags.includes(trigger.then.flag)) out.flags.push(trigger.then.flag);
    if (trigger.then.rerate) out.rerate = true;
    for (const role of trigger.then.notify ?? []) if (!out.notify.includes(role)) out.notify.push(role);
  }
  return out;
}
