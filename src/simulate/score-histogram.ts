import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy } from '../policy/schema/policy.js';
import { evaluatePopulationParallel } from './parallel.js';
import type { PopulationOptions } from './population.js';

/** Scores run 0–100: weights are points out of 100 and every scoring function gives 0–100 points. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
export const DEFAULT_BINS = 20;

export interface ScoreHistogramOptions extends PopulationOptions {
  /** Equal-width bins over 0–100; 20 (5 points each) by default. */
  bins?: number;
}

export interface HistogramTier {
  tier: string;
  label?: { 'zh-CN'?: string; en?: string };
  customers: number;
}

export interface ScoreHistogram {
  /** bins + 1 ascending edges: bin i holds scores from edges[i] up to edges[i + 1], the last one including 100. */
  edges: number[];
  /** Customers per bin. */
  counts: number[];
  /** Per bin, customers per tier, in the order of `tiers` (a threshold slider colours the bars by it). */
  tierCounts: number[][];
  /** The policy's levels, best first, with the customers each got. */
  tiers: HistogramTier[];
  /** Customers evaluated. */
  customers: number;
  /** Customers with a score (the histogram's total). */
  scored: number;
  /** Customers the policy left without a tier. */
  untiered: number;
  lowest?: number;
  highest?: number;
  /** What the readers said about the data (row errors, a missing log). */
  diagnostics: Diagnostic[];
  /** The run could not read the data at all (the diagnostics say why). */
  failed: boolean;
}

/**
 * The policy's rounded scores over a population, counted in equal bins over 0–100, with each
 * bin's customers split by the tier they got: what an editor draws under a threshold slider.
 * Tiers and scores are exactly those `simulate` gives (the same batch evaluation, quotas ranked
 * over everyone).
 */
export async function scoreHistogram(
  policy: Policy,
  options: ScoreHistogramOptions,
): Promise<ScoreHistogram> {
  const bins = options.bins ?? DEFAULT_BINS;
  const levels = policy.tiers?.levels ?? [];
  const counts = new Array<number>(bins).fill(0);
  const tierCounts = counts.map(() => new Array<number>(levels.length).fill(0));
  const perTier = new Array<number>(levels.length).fill(0);
  let scored = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  const run = await evaluatePopulationParallel(policy, options, (_chunk, result) => {
    for (let i = 0; i < result.score.length; i++) {
      const tier = result.tier[i]!;
      if (tier >= 0) perTier[tier]!++;
      const score = result.score[i]!;
      if (Number.isNaN(score)) continue;
      scored++;
      if (score < lowest) lowest = score;
      if (score > highest) highest = score;
      const bin = binOf(score, bins);
      counts[bin]!++;
      if (tier >= 0) tierCounts[bin]![tier]!++;
    }
  });
  return {
    edges: edgesOf(bins),
    counts,
    tierCounts,
    tiers: levels.map((level, k) => ({
      tier: level.id,
      ...(level.label ? { label: level.label } : {}),
      customers: perTier[k]!,
    })),
    customers: run.evaluated,
    scored,
    untiered: run.distribution.untiered,
    ...(scored > 0 ? { lowest, highest } : {}),
    diagnostics: run.diagnostics,
    failed: run.failed,
  };
}

/** Equal steps over 0–100; computed from the index so 0.1-wide bins do not drift (0.30000000000000004). */
export function edgesOf(bins: number): number[] {
  const width = (SCORE_MAX - SCORE_MIN) / bins;
  return Array.from({ length: bins + 1 }, (_, i) =>
    i === bins ? SCORE_MAX : Number((SCORE_MIN + i * width).toFixed(9)),
  );
}

/**
 * The bin of a score: lower edge inclusive, upper exclusive, except 100 which closes the last bin
 * (so "VIP ≥ 90" with 5-point bins starts exactly at a bar). A score outside 0–100 (a policy
 * whose weights do not add up) falls in the nearest end bin rather than out of the chart.
 */
export function binOf(score: number, bins: number): number {
  const width = (SCORE_MAX - SCORE_MIN) / bins;
  const index = Math.floor((score - SCORE_MIN) / width + 1e-9);
  return Math.min(bins - 1, Math.max(0, index));
}
