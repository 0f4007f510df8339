import { dayNumber, formatDay } from '../../src/facts/calendar.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import type { TierState } from '../../src/rerate/types.js';

export const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};
export { formatDay };

let seed004: Policy | undefined;

/** Seed 004's scorecard: VIP executive visit P3M on-site, key service review P1M, watch follow-up P3M. */
export async function seed004Policy(): Promise<Policy> {
  if (!seed004) {
    const loaded = await loadPolicy('policies/seed004-scorecard.tier.yaml');
    if (!loaded.policy) throw new Error('seed004-scorecard does not load');
    seed004 = loaded.policy;
  }
  return seed004;
}

export const held = (
  customer: string,
  tier: string,
  ratedAt: string,
  extra: Partial<TierState> = {},
): TierState => ({
  customer,
  tier,
  ratedAt: day(ratedAt),
  flags: [],
  ...extra,
});
