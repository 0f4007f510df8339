import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
import type { ConditionTrace } from './conditions/trace.js';

/** What decided a customer's tier, per method: the explanation's "because". */
export type Decision =
  | {
      method: 'thresholds';
      level: number;
      score: number;
      range: { atLeast?: number; above?: number; below?: number; atMost?: number };
    }
  | {
      method: 'quota';
      level: number;
      rank: number;
      of: number;
      levelEndsAt: number;
      rankValue: number;
      tiedUp?: boolean;
    }
  | {
      method: 'criteria';
      level: number;
      otherwise: boolean;
      trace?: ConditionTrace;
      rejected: { level: number; trace: ConditionTrace }[];
    }
  | { method: 'matrix'; level: number; row: string; column: string; rowValue: number; columnValue: number }
  // Decided by the policy's SQL query (DuckDB): the tier is known, the why is the JavaScript engine's to say.
  | { method: 'sql'; level: number }
  | { method: 'none'; reason: Text };

/** TW0702 for a customer left without a tier, in the words of the decision that left them so. */
export function noTierDiagnostic(customer: string, decision: Decision, row: number | undefined): Diagnostic {
  return diagnostic(
    'TW0702',
    msg('explain.noTierFor', { customer, reason: decision.method === 'none' ? decision.reason : '' }),
    { row },
  );
}
