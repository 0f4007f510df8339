import { formatNumber } from '../../format/number.js';
import { msg, type Text } from '../../i18n/text.js';
import { contains, fromBounds } from '../../policy/analysis/interval.js';
import type { Level } from '../../policy/schema/tiers.js';
import type { Decision } from '../decision.js';

/** The first level, best first, whose score range holds the (rounded) score. */
export function decideThresholds(levels: readonly Level[], score: number): Decision {
  for (let i = 0; i < levels.length; i++) {
    const range = rangeOf(levels[i]!);
    if (contains(fromBounds(range), score)) return { method: 'thresholds', level: i, score, range };
  }
  return { method: 'none', reason: noScoreRange(score) };
}

/** Why a score gets no tier: no level's range holds it (a gap in the thresholds). */
export function noScoreRange(score: number): Text {
  return msg('explain.noScoreRange', { score: formatNumber(score, 6) });
}

export function rangeOf(level: Level): { atLeast?: number; above?: number; below?: number; atMost?: number } {
  return level.minScore !== undefined ? { atLeast: level.minScore } : (level.score ?? {});
}
