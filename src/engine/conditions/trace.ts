import type { Operator } from '../../policy/schema/condition.js';

/**
 * How a condition came out for one customer: the raw material of "why this tier". Groups carry
 * their own result; each comparison carries the fact's value and what it was compared with.
 */
export type ConditionTrace =
  | { kind: 'all' | 'any'; result: boolean; children: ConditionTrace[] }
  | { kind: 'not'; result: boolean; child: ConditionTrace }
  | { kind: 'fact'; fact: string; operator: Operator; value: unknown; factValue: unknown; result: boolean };

export interface SiteResult {
  result: boolean;
  trace: ConditionTrace;
}

/** The comparisons of a trace that came out false: what stood between a customer and a rule. */
export function failedComparisons(trace: ConditionTrace): Extract<ConditionTrace, { kind: 'fact' }>[] {
  switch (trace.kind) {
    case 'fact':
      return trace.result ? [] : [trace];
    case 'not':
      return [];
    default:
      return trace.children.flatMap(failedComparisons);
  }
}
