import type { TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../../policy/schema/condition.js';

/**
 * json-rules-engine wants a group at the top; the policy language allows a lone comparison. Apart
 * from reference.ts so that the compiled path, which shares this rule, does not load the engine.
 */
export function topLevel(condition: Condition): TopLevelCondition {
  const group = condition.all ?? condition.any ?? condition.not ?? condition.condition;
  return (group === undefined ? { all: [condition] } : condition) as unknown as TopLevelCondition;
}
