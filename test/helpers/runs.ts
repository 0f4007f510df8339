/**
 * How much work the randomised tests do. By default enough to cover each property's cases on a
 * shared 2-core machine in the suite's time budget; `TIERWISE_LONG_TESTS=1` restores the long
 * runs (more fast-check runs, every bundled policy and cut instead of a sample) for a change
 * that touches what they prove, and for nightly CI.
 */
export const LONG_TESTS = process.env.TIERWISE_LONG_TESTS === '1';

/** fast-check's numRuns: `quick` by default, `long` under TIERWISE_LONG_TESTS=1. */
export function propertyRuns(quick: number, long: number): number {
  return LONG_TESTS ? long : quick;
}
