import type { PublicationRecord } from './records.js';
import { instantOf } from './times.js';

/** Whether the publication is in force at the instant: effectiveFrom ≤ at < effectiveTo. */
export function inForceAt(publication: PublicationRecord, at: number): boolean {
  const from = instantOf(publication.effectiveFrom) ?? Number.POSITIVE_INFINITY;
  const to =
    publication.effectiveTo === undefined
      ? Number.POSITIVE_INFINITY
      : (instantOf(publication.effectiveTo) ?? 0);
  return from <= at && at < to;
}

/**
 * The publications in force at `at`, one per policy: the one that started last wins, because
 * a later publication ends the earlier one from its own start.
 */
export function publicationsInForce(
  publications: readonly PublicationRecord[],
  at: number,
): PublicationRecord[] {
  const byPolicy = new Map<string, PublicationRecord>();
  for (const p of publications) {
    if (!inForceAt(p, at)) continue;
    const seen = byPolicy.get(p.policy);
    if (!seen || (instantOf(seen.effectiveFrom) ?? 0) <= (instantOf(p.effectiveFrom) ?? 0))
      byPolicy.set(p.policy, p);
  }
  return [...byPolicy.values()];
}
