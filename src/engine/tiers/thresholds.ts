import { contains, fromBounds } from '../../policy/analysis/interval.js';
import type { Level } from '../../policy/schema/tiers.js';
import type { Decision } from '../decision.js';

/** The first level, best first, whose score range holds the (rounded) score. */
export function decideThresholds(levels: readonly Level[], score: number): Decision {
  for (let i = 0; i < levels.length; i++) {
    const range = rangeOf(levels[i]!);
    if (contains(fromBounds(range), score)) return { method: 'thresholds', level: i, score, range };
  }
  return { method: 'none', reason: `no tier's score range holds ${score}` };
}

export function rangeOf(level: Level): { atLeast?: number; above?: number; below?: number; atMost?: number } {
  return level.minScore !== undefined ? { atLeast: level.minScore } : (level.score ?? {});
}
