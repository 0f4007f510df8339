import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { tierOrderInversions } from '../policy/analysis/order.js';
import type { Policy } from '../policy/schema/policy.js';

/**
 * What calibrate says about a threshold search besides the number: why a target cannot be
 * searched (TW0802), and what a suggested threshold would break in the rest of the policy
 * (TW0803), so that no suggestion is offered silently when it empties or reorders other tiers.
 */

/** TW0802 when level k has no minScore threshold to search; undefined when it has one. */
export function unsearchable(policy: Policy, k: number, severity: Severity): Diagnostic | undefined {
  const tiers = policy.tiers!;
  const level = tiers.levels[k]!;
  const pointer = `/tiers/levels/${k}`;
  if (tiers.method !== 'thresholds')
    return diagnostic('TW0802', msg('calibrate.notThresholds', { method: tiers.method }), {
      pointer: '/tiers/method',
      severity,
      help: msg('calibrate.notThresholdsHelp', { method: tiers.method, tier: level.id }),
    });
  if (level.score !== undefined)
    return diagnostic('TW0802', msg('calibrate.scoreRange', { tier: level.id }), {
      pointer: `${pointer}/score`,
      severity,
      help: msg('calibrate.scoreRangeHelp'),
    });
  if (k === tiers.levels.length - 1)
    return diagnostic('TW0802', msg('calibrate.lastTier', { tier: level.id }), {
      pointer,
      severity,
      help: msg('calibrate.lastTierHelp'),
    });
  return undefined;
}

export interface Suggestion {
  policy: Policy;
  /** The policy with level k's minScore set to `value`. */
  variant: Policy;
  k: number;
  value: number;
  /** Customers per level now, and with the suggestion. */
  before: readonly number[];
  after: readonly number[];
}

/**
 * A suggested minScore for level k: later tiers it makes unreachable (at or below their own
 * threshold), tiers it leaves without the customers they have now, and tier order inversions
 * (TW0322, the checker's own analysis) on the policy with the suggestion applied.
 */
export function checkSuggestion(s: Suggestion): Diagnostic[] {
  const levels = s.variant.tiers!.levels;
  const tier = levels[s.k]!.id;
  const pointer = `/tiers/levels/${s.k}/minScore`;
  const out: Diagnostic[] = [];
  const crossed = new Set<number>();
  levels.forEach((level, j) => {
    const threshold = level.minScore ?? level.score?.atLeast ?? level.score?.above;
    if (j <= s.k || threshold === undefined || s.value > threshold) return;
    crossed.add(j);
    out.push(
      diagnostic(
        'TW0803',
        msg('calibrate.crossesTier', { tier, value: s.value, other: level.id, threshold }),
        { pointer, help: msg('calibrate.crossesTierHelp', { other: level.id }) },
      ),
    );
  });
  levels.forEach((level, j) => {
    if (j === s.k || crossed.has(j) || !(s.before[j]! > 0) || s.after[j] !== 0) return;
    out.push(
      diagnostic(
        'TW0803',
        msg('calibrate.emptiesTier', { tier, value: s.value, other: level.id, before: s.before[j]! }),
        { pointer, help: msg('calibrate.emptiesTierHelp') },
      ),
    );
  });
  const pair = (i: ReturnType<typeof tierOrderInversions>[number]) =>
    i.method === 'thresholds' ? `${i.better.level}>${i.worse.level}` : undefined;
  const already = new Set(tierOrderInversions(s.policy).map(pair));
  for (const inversion of tierOrderInversions(s.variant)) {
    if (inversion.method !== 'thresholds' || already.has(pair(inversion))) continue;
    const [high, low] = [inversion.better, inversion.worse];
    out.push(
      diagnostic(
        'TW0803',
        msg('calibrate.invertsOrder', {
          tier,
          value: s.value,
          worseTier: levels[high.level]!.id,
          betterTier: levels[low.level]!.id,
          high: high.value,
          low: low.value,
        }),
        {
          pointer,
          example: {
            better: { score: high.value, tier: levels[high.level]!.id },
            worse: { score: low.value, tier: levels[low.level]!.id },
          },
          help: msg('calibrate.invertsOrderHelp'),
        },
      ),
    );
  }
  return out;
}
