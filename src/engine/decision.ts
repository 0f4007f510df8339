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
