import { fromBounds, type Interval, subtract } from '../../policy/analysis/interval.js';
import type { Policy } from '../../policy/schema/policy.js';
import type { ScoringFunction } from '../../policy/schema/scoring.js';
import { failedComparisons } from '../conditions/trace.js';
import type { CustomerResult } from '../evaluate.js';
import { minimumRawFor } from '../round.js';
import { rangeOf } from '../tiers/thresholds.js';

/** One way to close the gap to the next tier by moving a single metric. */
export interface MoveUpOption {
  metric: string;
  fact: string;
  current: unknown;
  /** The condition on the fact that would close the gap alone: ≥, ≤ or = a value. */
  operator: 'atLeast' | 'above' | 'atMost' | 'below' | 'equal';
  target: unknown;
}

export interface MoveUp {
  tier: string;
  /** Unrounded points still missing, for scored methods. */
  pointsNeeded?: number;
  options: MoveUpOption[];
  /** For criteria: the comparisons of the next tier's rule that failed. */
  failed?: { fact: string; operator: string; value: unknown; factValue: unknown }[];
}

/**
 * What it would take to reach the next better tier. For a score, the points missing and, for
 * each metric that could close the gap alone, the fact value that would do it; for criteria,
 * the next tier's comparisons that failed.
 */
export function moveUp(policy: Policy, result: CustomerResult): MoveUp | undefined {
  const tiers = policy.tiers!;
  const decision = result.decision;
  if (decision.method === 'none' || decision.level === 0) return undefined;
  const better = tiers.levels[decision.level - 1]!;
  if (decision.method === 'criteria') {
    const rejected = decision.rejected.find((r) => r.level === decision.level - 1);
    const failed = rejected
      ? failedComparisons(rejected.trace).map(({ fact, operator, value, factValue }) => ({
          fact,
          operator,
          value,
          factValue,
        }))
      : [];
    return { tier: better.id, options: [], failed };
  }
  const breakdown = result.breakdown;
  if (!breakdown) return { tier: better.id, options: [] };
  let targetScore: number | undefined;
  if (decision.method === 'thresholds') {
    const lower = fromBounds(rangeOf(better));
    targetScore = Number.isFinite(lower.lo) ? lower.lo : undefined;
  }
  if (targetScore === undefined) return { tier: better.id, options: [] };
  const round = policy.score?.round ?? 'half-up';
  const needed = minimumRawFor(targetScore, round, policy.score?.digits ?? 0) - breakdown.raw;
  const options: MoveUpOption[] = [];
  for (const metric of breakdown.metrics) {
    if (metric.points === undefined || metric.share <= 0) continue;
    const targetPoints = metric.points + needed / metric.share;
    if (targetPoints > 100 + 1e-9) continue;
    const fn = policy.dimensions?.[metric.dimension]?.metrics[metric.metric]?.score;
    const option = fn && invert(fn, targetPoints, metric.value);
    if (option) options.push({ metric: metric.metric, fact: metric.fact, current: metric.value, ...option });
  }
  return { tier: better.id, pointsNeeded: Math.max(0, needed), options };
}

/** The fact value at which a scoring function first gives `points`, nearest the current value. */
function invert(
  fn: ScoringFunction,
  points: number,
  current: unknown,
): Pick<MoveUpOption, 'operator' | 'target'> | undefined {
  if (fn.linear) {
    const { from, to } = fn.linear;
    const target = from + ((to - from) * points) / 100;
    return { operator: to >= from ? 'atLeast' : 'atMost', target: tidy(target) };
  }
  if (fn.lowerIsBetter) {
    const { best, worst } = fn.lowerIsBetter;
    return { operator: 'atMost', target: tidy(worst - ((worst - best) * points) / 100) };
  }
  if (fn.categories) {
    const best = Object.entries(fn.categories)
      .filter(([, p]) => p >= points - 1e-9)
      .sort((a, b) => a[1] - b[1])[0];
    return best ? { operator: 'equal', target: best[0] } : undefined;
  }
  if (fn.bands && typeof current === 'number') {
    let bestOption: Pick<MoveUpOption, 'operator' | 'target'> | undefined;
    let bestDistance = Infinity;
    fn.bands.forEach((band, i) => {
      if (band.points < points - 1e-9) return;
      // Only the values this band really gets under first-match: its range less the earlier bands'.
      const pieces = subtract(fromBounds(band), fn.bands!.slice(0, i).map(fromBounds));
      for (const piece of pieces) {
        const option = nearestEdge(piece, current);
        if (!option) continue;
        const distance = Math.abs((option.target as number) - current);
        if (distance < bestDistance) {
          bestDistance = distance;
          bestOption = option;
        }
      }
    });
    return bestOption;
  }
  return undefined;
}

/** The condition that puts `current` into the piece: "≥ lo" / "> lo" from below, "≤ hi" / "< hi" from above. */
function nearestEdge(
  piece: Interval,
  current: number,
): Pick<MoveUpOption, 'operator' | 'target'> | undefined {
  if (current < piece.lo || (current === piece.lo && !piece.loClosed)) {
    return { operator: piece.loClosed ? 'atLeast' : 'above', target: piece.lo };
  }
  if (current > piece.hi || (current === piece.hi && !piece.hiClosed)) {
    return { operator: piece.hiClosed ? 'atMost' : 'below', target: piece.hi };
  }
  return undefined;
}

function tidy(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
