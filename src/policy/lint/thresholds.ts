import { msg } from '../../i18n/text.js';
import { type Domain, formatNumber, fromBounds, interval, intervalText, REAL } from '../analysis/interval.js';
import { analyseRanges, conflictingBounds, hasUpperBound } from '../analysis/ranges.js';
import type { ScoreSettings } from '../schema/scoring.js';
import type { Level } from '../schema/tiers.js';
import type { LintContext } from './context.js';

/** The score scale every policy uses: 0 to 100 points. */
const SCORE_RANGE = interval(0, 100);

/**
 * Threshold tiers over the score: each level takes the scores of its range that no better level
 * took. Gaps and reachability are judged on the values the rounded score can take, so a gap
 * between 89 and 90 is no gap for an integer score.
 */
export function thresholds(context: LintContext): void {
  const tiers = context.policy.tiers;
  if (tiers?.method !== 'thresholds') return;
  const levels = tiers.levels;
  if (levels.some((l) => l.score && conflictingBounds(l.score))) {
    levels.forEach((l, i) => {
      const conflict = l.score && conflictingBounds(l.score);
      if (conflict)
        context.report(
          'TW0209',
          msg('tiers.tierStates', { tier: l.id, conflict }),
          `/tiers/levels/${i}/score`,
        );
    });
    return;
  }
  const grid = scoreGrid(context.policy.score);
  const { gaps, unreachable, overlaps } = analyseRanges(
    levels.map((l) => ({ interval: fromBounds(rangeOf(l)) })),
    SCORE_RANGE,
    grid,
  );
  for (const i of unreachable) {
    const level = levels[i]!;
    context.report(
      'TW0316',
      msg('tiers.tierShadowed', { tier: level.id, range: intervalText(fromBounds(rangeOf(level))) }),
      `/tiers/levels/${i}`,
      { help: msg('tiers.tierShadowedHelp') },
    );
  }
  for (const gap of gaps) {
    context.report('TW0311', msg('tiers.scoreGap', { range: intervalText(gap.interval) }), '/tiers/levels', {
      part: 'key',
      example: { score: gap.example },
      help: msg('tiers.scoreGapHelp', { example: formatNumber(gap.example) }),
    });
  }
  for (const overlap of overlaps) {
    const level = levels[overlap.later]!;
    if (!level.score || !hasUpperBound(level.score)) continue;
    const earlier = levels[overlap.earlier]!;
    context.report(
      'TW0312',
      msg('tiers.scoreOverlap', {
        tier: level.id,
        range: intervalText(overlap.interval),
        earlier: earlier.id,
      }),
      `/tiers/levels/${overlap.later}/score`,
      {
        example: { score: overlap.example },
        help: msg('tiers.scoreOverlapHelp', { bound: formatNumber(overlap.interval.lo) }),
      },
    );
  }
}

function rangeOf(level: Level) {
  return level.minScore !== undefined ? { atLeast: level.minScore } : (level.score ?? {});
}

/** The values a score can take after the policy's rounding. */
export function scoreGrid(score: ScoreSettings | undefined): Domain {
  const round = score?.round ?? 'half-up';
  if (round === 'none') return REAL;
  return { kind: 'grid', step: 10 ** -(score?.digits ?? 0) };
}
