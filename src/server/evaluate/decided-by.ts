import type { Decision } from '../../engine/decision.js';
import type { Language } from '../../i18n/language.js';
import { render } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';

/**
 * What decided the tier, without the condition traces (those come with `explain`): the method,
 * the tier's level and rule (a score range, a criteria level or its `otherwise`, a matrix cell, a
 * rank), or why there is no tier.
 */
export function decidedBy(policy: Policy, decision: Decision, language: Language): Record<string, unknown> {
  const tier = (level: number) => policy.tiers?.levels[level]?.id;
  switch (decision.method) {
    case 'thresholds':
      return {
        method: 'thresholds',
        tier: tier(decision.level),
        score: decision.score,
        range: decision.range,
      };
    case 'criteria':
      return {
        method: 'criteria',
        tier: tier(decision.level),
        rule: decision.otherwise ? 'otherwise' : `/tiers/levels/${decision.level}/when`,
      };
    case 'matrix':
      return { method: 'matrix', tier: tier(decision.level), row: decision.row, column: decision.column };
    case 'quota':
      return { method: 'quota', tier: tier(decision.level), rank: decision.rank, of: decision.of };
    case 'sql':
      return { method: 'sql', tier: tier(decision.level) };
    case 'none':
      return { method: 'none', reason: render(language, decision.reason) };
  }
}
