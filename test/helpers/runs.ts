/**
 * How much work the randomised and generated-data tests do. By default enough to cover each
 * property's cases and edge cases while the whole suite stays within minutes on a shared 2-core
 * machine; `TIERWISE_LONG_TESTS=1` gives the long runs (more fast-check runs, bigger generated
 * files, every bundled policy instead of one of each tier method) for a change that touches what
 * they prove, and for a nightly run. No test may depend on how fast the machine is: sizes change
 * how much is checked, never what a test expects.
 */
export const LONG_TESTS = process.env.TIERWISE_LONG_TESTS === '1';

/** fast-check's numRuns: `quick` by default, `long` under TIERWISE_LONG_TESTS=1. */
export function propertyRuns(quick: number, long: number): number {
  return LONG_TESTS ? long : quick;
}

/** Any other size (rows generated, cuts tried, variants run): `quick` by default, `long` under TIERWISE_LONG_TESTS=1. */
export function sized<T>(quick: T, long: T): T {
  return LONG_TESTS ? long : quick;
}

/**
 * One bundled policy of each tier method — matrix with classifiers, criteria, quota, and
 * thresholds through `extends` — for the tests that run every bundled policy on the bundled data.
 */
const QUICK_POLICIES = [
  'retail-scorecard.tier.yaml',
  'seed000-classifiers.tier.yaml',
  'seed001-five-levels.tier.yaml',
  'seed004-quota.tier.yaml',
];

/** The bundled policies such a test runs: one of each tier method by default, all under TIERWISE_LONG_TESTS=1. */
export function bundledPolicies(all: readonly string[]): string[] {
  if (LONG_TESTS) return [...all];
  const missing = QUICK_POLICIES.filter((name) => !all.includes(name));
  if (missing.length > 0)
    throw new Error(`test/helpers/runs.ts names policies that are gone: ${missing.join(', ')}`);
  return all.filter((name) => QUICK_POLICIES.includes(name));
}
