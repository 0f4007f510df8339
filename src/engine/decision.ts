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
  | { method: 'none'; reason: string };

/** TW0702 for a customer left without a tier, in the words of the decision that left them so. */
export function noTierDiagnostic(customer: string, decision: Decision, row: number | undefined): Diagnostic {
  const reason = decision.method === 'none' ? reasonText(decision.reason) : '';
  return diagnostic('TW0702', msg('findings.noTier', { customer, reason }), { row });
}

const FIXED_REASONS: Record<string, Text> = {
  'the customer could not be scored': msg('findings.reasonNotScored'),
  'a condition could not be evaluated': msg('findings.reasonConditionFailed'),
  'quota is decided over the population': msg('findings.reasonQuota'),
  'no value to rank by': msg('findings.reasonNoRankValue'),
  unranked: msg('findings.reasonUnranked'),
  'no tier’s criteria hold': msg('findings.reasonNoCriteria'),
};

/**
 * A decision's reason as catalogue text. The engine writes reasons in English for the explain
 * trace; the words it uses are few and fixed, so they are read back here rather than changing
 * what every tier method returns.
 */
export function reasonText(reason: string): Text {
  const fixed = FIXED_REASONS[reason];
  if (fixed) return fixed;
  const axis = /^(rows|columns): (.*)$/s.exec(reason);
  if (axis)
    return msg('findings.reasonAxis', { axis: axis[1] as 'rows' | 'columns', reason: reasonText(axis[2]!) });
  const cell = /^no tier in cell (.+) × (.+)$/s.exec(reason);
  if (cell) return msg('findings.reasonNoCell', { row: cell[1]!, column: cell[2]! });
  const value = /^no value for (.+)$/s.exec(reason);
  if (value) return msg('findings.reasonNoValue', { id: value[1]! });
  const band = /^no band holds (.+)$/s.exec(reason);
  if (band) return msg('findings.reasonNoBand', { value: band[1]! });
  const range = /^no tier's score range holds (.+)$/s.exec(reason);
  if (range) return msg('findings.reasonNoRange', { score: range[1]! });
  return msg('findings.reasonOther', { reason });
}
