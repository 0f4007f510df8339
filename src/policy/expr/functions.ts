/**
 * The functions an expression may call: a closed list, so that every one of them has the same
 * meaning in the interpreter, the generated code and SQL. Plain data, for the checker, the docs
 * and an editor's completion alike; the meaning of each is docs/language.md#expressions.
 */
export interface FunctionSpec {
  /** Fewest and most arguments. */
  arity: readonly [min: number, max: number];
  /** The call as the docs and messages show it. */
  signature: string;
  /** Measured from the as-of instant: evaluation needs one. */
  asOf?: boolean;
}

export const FUNCTIONS = {
  min: { arity: [1, 32], signature: 'min(a, b, …)' },
  max: { arity: [1, 32], signature: 'max(a, b, …)' },
  abs: { arity: [1, 1], signature: 'abs(x)' },
  round: { arity: [1, 2], signature: 'round(x, digits = 0)' },
  floor: { arity: [1, 1], signature: 'floor(x)' },
  ceil: { arity: [1, 1], signature: 'ceil(x)' },
  if: { arity: [3, 3], signature: 'if(condition, then, else)' },
  coalesce: { arity: [2, 32], signature: 'coalesce(a, b, …)' },
  daysSince: { arity: [1, 1], signature: 'daysSince(date)', asOf: true },
  weeksSince: { arity: [1, 1], signature: 'weeksSince(date)', asOf: true },
  monthsSince: { arity: [1, 1], signature: 'monthsSince(date)', asOf: true },
  daysBetween: { arity: [2, 2], signature: 'daysBetween(from, to)' },
  weeksBetween: { arity: [2, 2], signature: 'weeksBetween(from, to)' },
  monthsBetween: { arity: [2, 2], signature: 'monthsBetween(from, to)' },
  date: { arity: [1, 1], signature: "date('2024-03-01')" },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

/** Digits `round` may keep: a fixed, small range keeps 10 ** digits exact. */
export const MAX_ROUND_DIGITS = 10;
