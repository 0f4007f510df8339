import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type Evaluate, referenceEvaluate } from '../engine/run.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { UnsupportedCondition } from './conditions.js';
import { compilePolicy } from './policy.js';

export type EngineChoice = 'compiled' | 'reference';

/**
 * The evaluator a surface asked for. A policy whose conditions use what the compiler does not
 * reproduce (JSONPath, params) falls back to the reference, and says so.
 */
export function chooseEvaluator(
  policy: Policy,
  engine: EngineChoice = 'compiled',
): { evaluate: Evaluate; notes: Diagnostic[] } {
  if (engine === 'reference') return { evaluate: referenceEvaluate(policy), notes: [] };
  try {
    const compiled = compilePolicy(policy);
    return { evaluate: async (customers, options) => compiled.evaluate(customers, options), notes: [] };
  } catch (error) {
    if (!(error instanceof UnsupportedCondition)) throw error;
    const note = diagnostic('TW0703', msg('findings.fastPathFallback', { what: error.message }), {
      severity: 'info',
    });
    return { evaluate: referenceEvaluate(policy), notes: [note] };
  }
}
