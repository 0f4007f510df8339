import { type Day, dayOf } from './dates.js';

/**
 * The period the example data covers: the 24 months up to the as-of date the examples are read
 * with. A date without a time is the start of that day in the policy's zone and the as-of date
 * the end of its day, so `P12M` as of 2026-11-01 holds 2025-11-02 … 2026-11-01 (docs/facts.md).
 */
export const AS_OF = '2026-11-01';
export const AS_OF_DAY: Day = dayOf(AS_OF);
/** The first day of the last 12 months (the policies' `window: P12M`). */
export const YEAR_START: Day = dayOf('2025-11-02');
/** The first day of the 12 months before them, the base of the order growth rate. */
export const PREVIOUS_YEAR_START: Day = dayOf('2024-11-02');
