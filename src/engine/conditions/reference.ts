import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Operator } from '../../policy/schema/condition.js';
import type { Policy } from '../../policy/schema/policy.js';
import type { ConditionSite } from '../../policy/walk.js';
import { DATE_COMPARISONS } from './date-operators.js';
import { topLevel } from './top-level.js';
import type { ConditionTrace, SiteResult } from './trace.js';

export { topLevel };

/**
 * The reference semantics of conditions: the policy's own conditions run on json-rules-engine,
 * one Engine per policy and phase, reused for every customer, facts passed as constant facts.
 * A missing value is passed as undefined and compares as json-rules-engine compares it (order
 * comparisons false, equal false, notEqual true); unknown facts never get here — the checker
 * refuses them (TW0201).
 */
export class ReferenceConditions {
  private readonly engine: Engine;
  private readonly sites: readonly ConditionSite[];

  constructor(policy: Policy, sites: readonly ConditionSite[]) {
    this.sites = sites;
    this.engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
    for (const [name, compare] of Object.entries(DATE_COMPARISONS)) this.engine.addOperator(name, compare);
    for (const [name, condition] of Object.entries(policy.conditions ?? {})) {
      this.engine.setCondition(name, topLevel(condition));
    }
    for (const site of sites) {
      const rule: RuleProperties = {
        name: site.pointer,
        conditions: topLevel(site.condition),
        event: { type: site.pointer },
      };
      this.engine.addRule(rule);
    }
  }

  /** Every site's result and trace for one customer, keyed by the site's pointer. */
  async evaluate(facts: Readonly<Record<string, unknown>>): Promise<Map<string, SiteResult>> {
    const out = new Map<string, SiteResult>();
    if (this.sites.length === 0) return out;
    const { results, failureResults } = await this.engine.run({ ...facts });
    for (const ruleResult of [...results, ...failureResults]) {
      const raw = ruleResult.conditions as unknown as { toJSON?: (stringify: boolean) => unknown };
      const tree = (typeof raw.toJSON === 'function' ? raw.toJSON(false) : raw) as RawNode;
      out.set(String(ruleResult.name), { result: Boolean(ruleResult.result), trace: toTrace(tree) });
    }
    return out;
  }
}

interface RawNode {
  all?: RawNode[];
  any?: RawNode[];
  not?: RawNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
}

/** Groups get their result from their children, with json-rules-engine's rule that an empty group holds. */
function toTrace(node: RawNode): ConditionTrace {
  if (node.all || node.any) {
    const kind = node.all ? 'all' : 'any';
    const children = (node.all ?? node.any ?? []).map(toTrace);
    const result =
      children.length === 0 ||
      (kind === 'all' ? children.every((c) => c.result) : children.some((c) => c.result));
    return { kind, result, children };
  }
  if (node.not) {
    const child = toTrace(node.not);
    return { kind: 'not', result: !child.result, child };
  }
  return {
    kind: 'fact',
    fact: String(node.fact),
    operator: node.operator as Operator,
    value: node.value,
    factValue: node.factResult,
    result: node.result === true,
  };
}
