import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import type { Refusal } from '../outcome.js';
import type { OverrideRecord } from '../records.js';
import { refuse } from '../refuse.js';

export const MAX_EVIDENCE = 20;
export const MAX_EVIDENCE_LENGTH = 2_000;

/** What an override changes, as proposed: checked against the policy in force (whatChecks). */
export type OverrideChange = Pick<OverrideRecord, 'kind' | 'tier' | 'score'>;

const malformed = (message: Parameters<typeof refuse>[2], pointer: string): Refusal =>
  refuse('invalid', 'TW1416', message, { pointer });

/** The shape of a proposal, before any policy is read: one change, an id for a customer, bounded evidence. */
export function shapeProblem(request: {
  customer: string;
  kind: OverrideRecord['kind'];
  tier?: string;
  score?: { set?: number; delta?: number };
  evidence?: readonly string[];
}): Refusal | undefined {
  const { customer, kind, tier, score, evidence = [] } = request;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (customer.length === 0 || customer.length > 200 || /[\u0000-\u001f\u007f]/.test(customer))
    return malformed(msg('overrides.badCustomer'), '/customer');
  if (kind === 'tier') {
    if (!tier) return malformed(msg('overrides.tierNeedsTier'), '/tier');
    if (score !== undefined)
      return malformed(msg('overrides.kindMismatch', { kind, field: 'score' }), '/score');
  } else {
    if (tier !== undefined) return malformed(msg('overrides.kindMismatch', { kind, field: 'tier' }), '/tier');
    const given = [score?.set, score?.delta].filter((n) => n !== undefined);
    if (given.length !== 1 || !Number.isFinite(given[0]))
      return malformed(msg('overrides.scoreNeedsValue'), '/score');
  }
  if (evidence.length > MAX_EVIDENCE || evidence.some((e) => e.length > MAX_EVIDENCE_LENGTH))
    return malformed(
      msg('overrides.tooMuchEvidence', { max: MAX_EVIDENCE, length: MAX_EVIDENCE_LENGTH }),
      '/evidence',
    );
  return undefined;
}

/**
 * What the policy in force says of the change: a tier it has (TW1410), a score only where score
 * thresholds decide the tier (TW1411), a reason where the policy's review requires one (TW1412).
 */
export function policyProblem(
  policy: Policy,
  change: OverrideChange,
  reason: string | undefined,
): Refusal | undefined {
  const name = policy.metadata.name;
  const levels = policy.tiers?.levels ?? [];
  if (change.kind === 'tier' && !levels.some((l) => l.id === change.tier))
    return refuse(
      'invalid',
      'TW1410',
      msg('overrides.unknownTier', {
        tier: change.tier ?? '',
        policy: name,
        tiers: levels.map((l) => l.id).join(', '),
      }),
      { pointer: '/tier', help: msg('overrides.unknownTierHelp') },
    );
  if (change.kind === 'score' && policy.tiers?.method !== 'thresholds')
    return refuse(
      'invalid',
      'TW1411',
      msg('overrides.scoreNeedsThresholds', { policy: name, method: policy.tiers?.method ?? 'none' }),
      { pointer: '/kind', help: msg('overrides.scoreNeedsThresholdsHelp') },
    );
  if (policy.rerating?.review?.adjustment?.reasonRequired === true && !reason?.trim())
    return refuse('invalid', 'TW1412', msg('overrides.reasonRequired', { policy: name }), {
      pointer: '/reason',
      help: msg('overrides.reasonRequiredHelp'),
    });
  return undefined;
}
