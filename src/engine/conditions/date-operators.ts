import type { DateOperator } from '../../policy/date-value.js';

const isInstant = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The date operators on instants (epoch ms): evaluation turns date facts and the dates a policy
 * writes into instants first (src/facts/derive.ts, src/facts/date-values.ts). A missing date, like
 * a missing number under lessThan, makes the comparison false. Registered with json-rules-engine
 * for the reference and called by the compiled path, so both mean the same.
 */
export const DATE_COMPARISONS: Record<DateOperator, (a: unknown, b: unknown) => boolean> = {
  before: (a, b) => isInstant(a) && isInstant(b) && a < b,
  onOrBefore: (a, b) => isInstant(a) && isInstant(b) && a <= b,
  after: (a, b) => isInstant(a) && isInstant(b) && a > b,
  onOrAfter: (a, b) => isInstant(a) && isInstant(b) && a >= b,
};
