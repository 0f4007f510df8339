import { joinPointer } from '../diagnostics/pointer.js';
import type { Condition } from './schema/condition.js';
import type { Policy } from './schema/policy.js';

export interface ConditionSite {
  pointer: string;
  condition: Condition;
  /** What the condition decides, for messages: "tier vip", "classifier lifecycle rule new". */
  owner: string;
}

/** Every top-level condition of a policy: tier rules, named conditions, classifiers, triggers. */
export function conditionSites(policy: Policy): ConditionSite[] {
  const sites: ConditionSite[] = [];
  for (const [name, condition] of Object.entries(policy.conditions ?? {})) {
    sites.push({ pointer: joinPointer('/conditions', name), condition, owner: `named condition '${name}'` });
  }
  policy.tiers?.levels.forEach((level, i) => {
    if (level.when)
      sites.push({ pointer: `/tiers/levels/${i}/when`, condition: level.when, owner: `tier '${level.id}'` });
  });
  for (const [id, classifier] of Object.entries(policy.classifiers ?? {})) {
    classifier.rules.forEach((rule, i) => {
      sites.push({
        pointer: joinPointer('/classifiers', id, 'rules', i, 'when'),
        condition: rule.when,
        owner: `classifier '${id}' rule '${rule.id}'`,
      });
    });
  }
  policy.rerating?.triggers?.forEach((trigger, i) => {
    sites.push({
      pointer: `/rerating/triggers/${i}/when`,
      condition: trigger.when,
      owner: `trigger '${trigger.id}'`,
    });
  });
  return sites;
}

export interface ConditionNode {
  pointer: string;
  node: Condition;
}

/** Every node of a condition tree, depth first, with its pointer. */
export function* conditionNodes(condition: Condition, pointer: string): Generator<ConditionNode> {
  yield { pointer, node: condition };
  for (const group of ['all', 'any'] as const) {
    const children = condition[group];
    if (Array.isArray(children)) {
      for (let i = 0; i < children.length; i++)
        yield* conditionNodes(children[i]!, joinPointer(pointer, group, i));
    }
  }
  if (condition.not) yield* conditionNodes(condition.not, joinPointer(pointer, 'not'));
}

/** The fact a metric scores: its `fact`, or the metric id. */
export function metricFact(metricId: string, metric: { fact?: string }): string {
  return metric.fact ?? metricId;
}
