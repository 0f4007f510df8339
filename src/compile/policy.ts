import { collectClasses, triggerOutcomes } from '../engine/classify.js';
import { topLevel } from '../engine/conditions/top-level.js';
import { type Decision, noTierDiagnostic } from '../engine/decision.js';
import { defaultsApplier } from '../engine/defaults.js';
import type { CustomerInput, CustomerResult } from '../engine/evaluate.js';
import { roundScore } from '../engine/round.js';
import { planScorecard, type ScorecardPlan, scoreCustomer } from '../engine/scoring/scorecard.js';
import { NO_TIERS, TIERLESS_DECISION } from '../engine/tierless.js';
import { decideQuota, type Ranked, rankValue } from '../engine/tiers/quota.js';
import { noScoreRange, rangeOf } from '../engine/tiers/thresholds.js';
import { type AsOf, asOfKey } from '../facts/asof.js';
import { hasDateValues, resolveDates } from '../facts/date-values.js';
import { deriveContext, factPlan } from '../facts/derive.js';
import { msg } from '../i18n/text.js';
import { contains, fromBounds } from '../policy/analysis/interval.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Policy } from '../policy/schema/policy.js';
import {
  type Computed,
  compileTest,
  compileTracer,
  type Facts,
  type Test,
  type Tracer,
} from './conditions.js';
import { compileFacts } from './derive.js';
import { compileMatrix } from './matrix.js';
import { compileScoring, type PointsFn } from './scoring.js';

export interface CompileOptions {
  /** Build explanations (score breakdown, condition traces) exactly as the reference does. */
  explain?: boolean;
  /** What derived facts measure from; today in the policy's zone when not given. */
  asOf?: AsOf;
}

/** A policy compiled once into synchronous functions; `evaluate` gives the reference's results. */
export interface CompiledPolicy {
  readonly policy: Policy;
  evaluate(customers: readonly CustomerInput[], options?: CompileOptions): CustomerResult[];
}

interface Site {
  test: Test;
  trace: Tracer;
}

/**
 * The compiled fast path: every lookup, interval and condition built at compile time, so a
 * customer costs a few comparisons and one result object. It shares the reference's arithmetic
 * (roundScore, the quota ranking) and is held to it by property tests (test/compile).
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  if (!hasDateValues(policy)) return compileResolved(policy);
  // Dates compared in conditions are instants found from the as-of: one compilation per as-of.
  const compiled = new Map<string, CompiledPolicy>();
  return {
    policy,
    evaluate(input, options = {}) {
      const key = options.asOf ? asOfKey(options.asOf) : undefined;
      let inner = key === undefined ? undefined : compiled.get(key);
      if (!inner) {
        inner = compileResolved(resolveDates(policy, options.asOf), policy);
        if (key !== undefined) {
          if (compiled.size > 16) compiled.clear();
          compiled.set(key, inner);
        }
      }
      return inner.evaluate(input, options);
    },
  };
}

function compileResolved(policy: Policy, original: Policy = policy): CompiledPolicy {
  const tiers = policy.tiers ?? NO_TIERS;
  const named = policy.conditions ?? {};
  const site = (condition: Condition): Site => {
    const top = topLevel(condition) as unknown as Condition;
    return { test: compileTest(top, named), trace: compileTracer(top, named) };
  };
  const plan = planScorecard(policy);
  const scorer = plan ? compileScorecard(plan) : undefined;
  const ranges = tiers.levels.map(rangeOf);
  const thresholds = ranges.map(fromBounds);
  const criteria = tiers.levels.map((l) => (l.when ? site(l.when) : undefined));
  const matrix = tiers.matrix && compileMatrix(policy);
  const classifierTests = new Map(
    Object.entries(policy.classifiers ?? {}).map(([id, c]) => [id, c.rules.map((r) => site(r.when).test)]),
  );
  const triggers = (policy.rerating?.triggers ?? []).map((t) => ({ trigger: t, site: site(t.when) }));
  const withDefaults = defaultsApplier(policy);
  const facts = factPlan(policy);
  // The generated code depends on the as-of only through its context: one compilation per as-of.
  const preparers = new Map<string, ReturnType<typeof compileFacts>>();
  const preparer = (asOf: AsOf | undefined) => {
    // Without an as-of, "today" must be read again on every call: a server runs past midnight.
    if (!asOf && facts.usesAsOf) return compileFacts(facts, deriveContext(facts));
    const key = asOf ? asOfKey(asOf) : '';
    let prepare = preparers.get(key);
    if (!prepare) {
      prepare = compileFacts(facts, deriveContext(facts, asOf));
      if (preparers.size > 16) preparers.clear();
      preparers.set(key, prepare);
    }
    return prepare;
  };

  const decide = (facts: Facts, score: number | undefined, explain: boolean): Decision => {
    if (!policy.tiers) return TIERLESS_DECISION;
    switch (tiers.method) {
      case 'thresholds': {
        if (score === undefined) return { method: 'none', reason: msg('explain.notScored') };
        for (let i = 0; i < thresholds.length; i++) {
          if (contains(thresholds[i]!, score))
            return { method: 'thresholds', level: i, score, range: ranges[i]! };
        }
        return { method: 'none', reason: noScoreRange(score) };
      }
      case 'criteria': {
        const computed: Computed = { score, withTier: false };
        const rejected: { level: number; trace: ReturnType<Tracer> }[] = [];
        for (let i = 0; i < tiers.levels.length; i++) {
          const level = tiers.levels[i]!;
          if (level.otherwise) return { method: 'criteria', level: i, otherwise: true, rejected };
          const s = criteria[i];
          if (!s) continue;
          if (explain) {
            const trace = s.trace(facts, computed);
            if (trace.result) return { method: 'criteria', level: i, otherwise: false, trace, rejected };
            rejected.push({ level: i, trace });
          } else if (s.test(facts, computed))
            return { method: 'criteria', level: i, otherwise: false, rejected };
        }
        return { method: 'none', reason: msg('explain.noCriteria') };
      }
      case 'matrix':
        return matrix!(facts, score);
      default:
        return { method: 'none', reason: msg('explain.quotaPending') };
    }
  };

  return {
    policy: original,
    evaluate(input, options = {}) {
      const explain = options.explain ?? false;
      const prepare = preparer(options.asOf);
      const customers = input.map((c) => ({ ...c, facts: prepare(withDefaults(c.facts)) }));
      const scored = customers.map((c) => {
        if (!scorer) return { total: undefined, breakdown: undefined, diagnostics: [] };
        const total = scorer(c.facts);
        if (total === undefined || explain) {
          const full = scoreCustomer(plan!, c.facts, c.id);
          return { total: full.breakdown?.total, breakdown: full.breakdown, diagnostics: full.diagnostics };
        }
        return { total, breakdown: undefined, diagnostics: [] };
      });
      const decisions = customers.map((c, i) => decide(c.facts, scored[i]!.total, explain));
      if (tiers.method === 'quota') {
        const rankBy = tiers.quota?.rankBy ?? 'score';
        const population: Ranked[] = customers.map((c, i) => ({
          key: c.id,
          rankValue: rankValue(rankBy === 'score' ? scored[i]!.total : c.facts[rankBy]),
          tieBreak: (tiers.quota?.tieBreak ?? []).map((k) => c.facts[k.fact]),
        }));
        decideQuota(tiers, population).forEach((d, i) => {
          decisions[i] = d;
        });
      }
      return customers.map((c, i) => {
        const decision = decisions[i]!;
        const { total, breakdown, diagnostics } = scored[i]!;
        const level = decision.method === 'none' ? undefined : tiers.levels[decision.level];
        if (!level && diagnostics.length === 0 && policy.tiers)
          diagnostics.push(noTierDiagnostic(c.id, decision, c.row));
        const facts = c.facts;
        const computed: Computed = { score: total, tier: level?.id, withTier: true };
        const classes = collectClasses(policy, (id, k) => classifierTests.get(id)![k]!(facts, computed));
        const fired =
          triggers.length === 0
            ? NONE
            : triggers.filter((t) => t.site.test(facts, computed)).map((t) => t.trigger);
        return {
          customer: c.id,
          row: c.row,
          score: total,
          breakdown,
          tier: level?.id,
          decision,
          sla: level?.sla,
          entitlements: level?.entitlements,
          classes,
          ...triggerOutcomes(fired),
          diagnostics: diagnostics.map((d) => (c.row === undefined ? d : { ...d, row: c.row })),
        };
      });
    },
  };
}

/** The rounded total, or undefined when a metric without a missing-value rule has no points. */
export function compileScorecard(plan: ScorecardPlan): (facts: Facts) => number | undefined {
  const dimensions = plan.dimensions.map((d) => ({
    weight: d.weight,
    metrics: d.metrics.map((m) => ({
      fact: m.fact,
      weight: m.weight,
      points: compileScoring(m.fn) as PointsFn,
      missing: m.missing ?? 'error',
    })),
  }));
  return (facts) => {
    let totalWeight = 0;
    let totalWeighted = 0;
    for (const dimension of dimensions) {
      let weightSum = 0;
      let weighted = 0;
      for (const metric of dimension.metrics) {
        const value = facts[metric.fact];
        let points = value === undefined || value === null ? undefined : metric.points(value);
        if (points === undefined) {
          if (metric.missing === 'error') return undefined;
          if (metric.missing === 'exclude') continue;
          points = metric.missing.points;
        }
        weightSum += metric.weight;
        weighted += metric.weight * points;
      }
      // Same order of operations as combine() in src/engine/scoring/scorecard.ts.
      if (weightSum > 0) {
        const points = weighted / weightSum;
        totalWeight += dimension.weight;
        totalWeighted += dimension.weight * points;
      }
    }
    const raw = totalWeight > 0 ? totalWeighted / totalWeight : 0;
    return roundScore(raw, plan.round, plan.digits);
  };
}

/** No trigger fired: one shared empty list rather than a new one per customer. */
const NONE: readonly never[] = Object.freeze([]);
