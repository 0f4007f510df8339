/**
 * Stops the bench when a peer decides a different tier for any customer: a faster engine that
 * computes something else is not a peer. The first differences are named so they can be traced.
 */
export function assertSameTiers(
  peer: string,
  ids: readonly string[],
  expected: readonly (string | null)[],
  actual: readonly unknown[],
): void {
  const differences: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const theirs = actual[i] ?? null;
    if (theirs !== expected[i])
      differences.push(`${ids[i]}: tierwise ${expected[i]}, ${peer} ${String(theirs)}`);
  }
  if (differences.length === 0) return;
  throw new Error(
    `${peer} disagrees with tierwise on ${differences.length} of ${expected.length} customers:\n  ${differences.slice(0, 5).join('\n  ')}`,
  );
}
