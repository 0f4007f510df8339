import { compileBatch } from '../compile/batch.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { DistributionBuilder } from '../engine/distribution.js';
import type { AsOf } from '../facts/asof.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { ExactSum } from '../format/sum.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { evaluatePopulationParallel } from './parallel.js';
import type { PopulationOptions } from './population.js';
import { checkSuggestion, unsearchable } from './threshold-checks.js';
import type {
  Calibration,
  DistributionRow,
  PolicyRef,
  SensitivityRow,
  StabilityRow,
  ThresholdSearch,
} from './types.js';

export interface CalibrateOptions extends PopulationOptions {
  /** "Which threshold puts `share` of customers (or of revenue) in `tier`?" */
  targets?: { tier: string; share: number; measure: 'customers' | 'revenue' }[];
  /** Points each weight is moved by, up and down; 5 by default. */
  step?: number;
  /** Score distance from a threshold that counts as fragile; 2 points by default. */
  epsilon?: number;
}

/**
 * Threshold search, weight sensitivity and band stability for one policy on one population.
 * The population is read once; every variant policy is evaluated by the batch form over the same
 * columns, so a calibration differs from `eval` only by the change it tries.
 */
export async function calibrate(
  source: { policy: Policy; file: string },
  options: CalibrateOptions,
): Promise<Calibration> {
  const { policy } = source;
  const ref: PolicyRef = {
    name: policy.metadata.name,
    version: policy.metadata.version,
    label: policy.metadata.labels,
    file: source.file,
  };
  const step = options.step ?? 5;
  const epsilon = options.epsilon ?? 2;
  const unknown = unknownTargets(policy, options.targets ?? []);
  if (unknown.length > 0) {
    return {
      policy: ref,
      data: { customers: options.customers, transactions: options.transactions },
      customers: 0,
      untiered: { customers: 0, causes: [] },
      thresholds: [],
      sensitivity: { step, rows: [] },
      stability: { epsilon, rows: [] },
      failed: true,
      diagnostics: unknown,
    };
  }
  const chunks: CustomerColumns[] = [];
  const scores: Float64Array[] = [];
  const tiers: Int32Array[] = [];
  const keep = Object.keys(policy.facts ?? {});
  const run = await evaluatePopulationParallel(policy, { ...options, keep }, (chunk, result) => {
    chunks.push(chunk);
    scores.push(result.score);
    tiers.push(result.tier);
  });
  const revenueFact = run.distribution.revenueFact;
  const current = run.distribution.tiers.map((t) => t.customers);
  const population = { chunks, scores, tiers, revenueFact, current, asOf: run.asOf };
  const thresholdMethod = policy.tiers?.method === 'thresholds';
  const top = policy.tiers?.levels[0]?.id;
  // Every method gets the default targets, so that a policy without thresholds says why.
  const targets =
    options.targets ??
    (top
      ? [
          { tier: top, share: 0.1, measure: 'customers' as const },
          ...(revenueFact ? [{ tier: top, share: 0.4, measure: 'revenue' as const }] : []),
        ]
      : []);
  // Asked for by name, a search that cannot be done fails the run; the defaults only warn.
  const severity = options.targets ? 'error' : 'warning';
  const thresholds = run.failed ? [] : targets.map((t) => searchThreshold(policy, population, t, severity));
  return {
    policy: ref,
    data: { customers: options.customers, transactions: options.transactions },
    asOf: run.asOf ? { date: run.asOf.date, timezone: run.asOf.timezone } : undefined,
    customers: run.evaluated,
    untiered: { customers: run.distribution.untiered, causes: run.distribution.untieredCauses },
    currency: revenueFact ? policy.facts?.[revenueFact]?.unit : undefined,
    thresholds,
    sensitivity: { step, rows: run.failed ? [] : sensitivity(policy, population, step) },
    stability: {
      epsilon,
      rows: run.failed || !thresholdMethod ? [] : stability(policy, population, epsilon),
    },
    failed: run.failed,
    diagnostics: [...run.diagnostics, ...distinct(thresholds.flatMap((t) => t.problems ?? []))],
  };
}

/** Each problem once: every target of a criteria policy has the same reason not to be searched. */
function distinct(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => !seen.has(d.message) && seen.add(d.message));
}

/** TW0801 for each target naming a tier the policy does not have. */
function unknownTargets(policy: Policy, targets: NonNullable<CalibrateOptions['targets']>): Diagnostic[] {
  const ids = (policy.tiers?.levels ?? []).map((l) => l.id);
  return targets
    .filter((t) => !ids.includes(t.tier))
    .map((t) =>
      diagnostic('TW0801', msg('findings.noTierToCalibrate', { tier: t.tier }), {
        pointer: '/tiers/levels',
        help: msg('findings.policyTiers', { ids }),
      }),
    );
}

interface Population {
  chunks: CustomerColumns[];
  scores: Float64Array[];
  tiers: Int32Array[];
  revenueFact?: string;
  asOf?: AsOf;
  /** Customers per level under the policy as it is. */
  current: number[];
}

/** A policy variant over the population: each customer's tier, and the distribution. */
function evaluateVariant(variant: Policy, population: Population) {
  // The chunks are already prepared (dates as instants, derived facts computed) for the run's as-of.
  const batch = compileBatch(variant, { asOf: population.asOf });
  const builder = new DistributionBuilder(variant);
  const tiers = population.chunks.map((chunk) => {
    const result = batch.run(chunk, { prepared: true });
    builder.addColumns(
      result.tier,
      result.score,
      population.revenueFact ? chunk.facts[population.revenueFact] : undefined,
    );
    return result.tier;
  });
  return { tiers, distribution: builder.result(population.revenueFact !== undefined) };
}

function rows(d: ReturnType<typeof evaluateVariant>['distribution']): DistributionRow[] {
  return d.tiers.map((t) => ({
    tier: t.tier,
    label: t.label,
    customers: t.customers,
    share: t.share,
    ...(t.revenue !== undefined ? { revenue: t.revenue, revenueShare: t.revenueShare } : {}),
  }));
}

/**
 * The highest minScore on the population's own score grid that puts at least the target share
 * in the tier (customers already in a better tier stay there: tiers match top-down).
 */
function searchThreshold(
  policy: Policy,
  population: Population,
  target: { tier: string; share: number; measure: 'customers' | 'revenue' },
  severity: Severity,
): ThresholdSearch {
  const levels = policy.tiers!.levels;
  const k = levels.findIndex((l) => l.id === target.tier);
  const level = levels[k];
  const base: ThresholdSearch = {
    tier: target.tier,
    label: level?.label,
    current: level?.minScore,
    target: { measure: target.measure, share: target.share },
    distribution: [],
  };
  if (!level) return base;
  const unavailable = unsearchable(policy, k, severity);
  if (unavailable) return { ...base, problems: [unavailable] };
  // Customers below the tier now, by score: those a lower threshold would pull in.
  const candidates: { score: number; revenue: number }[] = [];
  let total = 0;
  const totalRevenue = new ExactSum();
  population.chunks.forEach((chunk, c) => {
    const revenue = population.revenueFact ? chunk.facts[population.revenueFact] : undefined;
    for (let i = 0; i < chunk.length; i++) {
      const r = Number(revenue?.[i]);
      const money = Number.isNaN(r) ? 0 : r;
      total++;
      totalRevenue.add(money);
      const t = population.tiers[c]![i]!;
      const s = population.scores[c]![i]!;
      if (Number.isNaN(s) || (t !== -1 && t < k)) continue;
      candidates.push({ score: s, revenue: money });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  const goal = target.measure === 'customers' ? target.share * total : target.share * totalRevenue.value;
  const reached = new ExactSum();
  let value: number | undefined;
  for (let i = 0; i < candidates.length; i++) {
    reached.add(target.measure === 'customers' ? 1 : candidates[i]!.revenue);
    const last = i + 1 === candidates.length || candidates[i + 1]!.score !== candidates[i]!.score;
    if (last && reached.value >= goal) {
      value = candidates[i]!.score;
      break;
    }
  }
  if (value === undefined) return base;
  const variant = withLevel(policy, k, { minScore: value });
  const { distribution } = evaluateVariant(variant, population);
  const row = distribution.tiers[k]!;
  const after = distribution.tiers.map((t) => t.customers);
  const problems = checkSuggestion({ policy, variant, k, value, before: population.current, after });
  return {
    ...base,
    value,
    achieved: { customers: row.customers, share: row.share, revenueShare: row.revenueShare },
    distribution: rows(distribution),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

/** Every dimension weight, and every metric weight in a dimension of several, moved ±step. */
function sensitivity(policy: Policy, population: Population, step: number): SensitivityRow[] {
  const out: SensitivityRow[] = [];
  const dims = Object.entries(policy.dimensions ?? {});
  const tryWeights = (
    weight: string,
    label: SensitivityRow['label'],
    current: number,
    make: (w: number) => Policy,
  ): void => {
    const side = (w: number) => {
      const clamped = Math.min(100, Math.max(0, w));
      const changed = compare(population, evaluateVariant(make(clamped), population).tiers);
      return { weight: clamped, ...changed };
    };
    out.push({ weight, label, current, minus: side(current - step), plus: side(current + step) });
  };
  if (dims.length > 1) {
    for (const [id, d] of dims)
      tryWeights(id, d.label, d.weight, (w) => ({
        ...policy,
        dimensions: Object.fromEntries(
          renormalise(
            dims.map(([i, x]) => [i, x.weight]),
            id,
            w,
          ).map(([i, nw]) => [i, { ...policy.dimensions![i]!, weight: nw }]),
        ),
      }));
  }
  for (const [dim, d] of dims) {
    const metrics = Object.entries(d.metrics);
    if (metrics.length < 2) continue;
    for (const [id, m] of metrics)
      tryWeights(`${dim}.${id}`, m.label, m.weight, (w) => ({
        ...policy,
        dimensions: {
          ...policy.dimensions,
          [dim]: {
            ...d,
            metrics: Object.fromEntries(
              renormalise(
                metrics.map(([i, x]) => [i, x.weight]),
                id,
                w,
              ).map(([i, nw]) => [i, { ...d.metrics[i]!, weight: nw }]),
            ),
          },
        },
      }));
  }
  return out.sort(
    (a, b) => Math.max(b.minus.changed, b.plus.changed) - Math.max(a.minus.changed, a.plus.changed),
  );
}

/** One weight set to `w`, the others scaled so that the weights still sum to what they did. */
export function renormalise(weights: [string, number][], id: string, w: number): [string, number][] {
  const sum = weights.reduce((s, [, x]) => s + x, 0);
  const others = sum - weights.find(([i]) => i === id)![1];
  return weights.map(([i, x]) => [i, i === id ? w : others === 0 ? 0 : (x * (sum - w)) / others]);
}

function compare(population: Population, tiers: Int32Array[]): { changed: number; up: number; down: number } {
  let up = 0;
  let down = 0;
  tiers.forEach((t, c) => {
    const base = population.tiers[c]!;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === base[i]) continue;
      // A lower level index is a better tier; no tier (-1) is worse than any.
      const now = t[i] === -1 ? Number.POSITIVE_INFINITY : t[i]!;
      const was = base[i] === -1 ? Number.POSITIVE_INFINITY : base[i]!;
      if (now < was) up++;
      else down++;
    }
  });
  return { changed: up + down, up, down };
}

function stability(policy: Policy, population: Population, epsilon: number): StabilityRow[] {
  const levels = policy.tiers!.levels;
  return levels.flatMap((level, k) => {
    const threshold = level.minScore ?? level.score?.atLeast ?? level.score?.above;
    if (threshold === undefined) return [];
    let justBelow = 0;
    let justAbove = 0;
    let inTier = 0;
    population.chunks.forEach((_, c) => {
      const scores = population.scores[c]!;
      const tiers = population.tiers[c]!;
      for (let i = 0; i < scores.length; i++) {
        const s = scores[i]!;
        if (tiers[i] === k) inTier++;
        if (Number.isNaN(s)) continue;
        if (s >= threshold - epsilon && s < threshold) justBelow++;
        else if (s >= threshold && s < threshold + epsilon && tiers[i] === k) justAbove++;
      }
    });
    return [
      {
        tier: level.id,
        label: level.label,
        threshold,
        justBelow,
        justAbove,
        fragileShare: inTier === 0 ? 0 : justAbove / inTier,
      },
    ];
  });
}

function withLevel(policy: Policy, k: number, change: { minScore: number }): Policy {
  const levels = policy.tiers!.levels.map((l, i) => (i === k ? { ...l, ...change } : l));
  return { ...policy, tiers: { ...policy.tiers!, levels } };
}
