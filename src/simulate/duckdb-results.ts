import type { BatchResult } from '../compile/batch.js';
import { compilePolicy } from '../compile/policy.js';
import { noTierDiagnostic } from '../engine/decision.js';
import { tierDistribution } from '../engine/distribution.js';
import type { CustomerInput, CustomerResult } from '../engine/evaluate.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { evaluateOutcomesDuck, type OutcomeColumns } from './duckdb-population.js';
import { customerAt } from './findings.js';
import type { PopulationOptions, PopulationRun } from './population.js';

/** A chunk of results with each customer's facts, as `eval` renders them. */
export type ResultsChunk = (
  results: CustomerResult[],
  facts: ReadonlyMap<string, Record<string, unknown>>,
) => void | Promise<void>;

/**
 * Each customer's result from the policy's SQL query on DuckDB, chunk by chunk in file order: the
 * tier, score, classes, flags, SLA and entitlements the query computed, with the facts it carried
 * back (so `--facts` and the name column read as on the JavaScript path). The decision is
 * `{ method: 'sql' }`: the query gives the tier, not the trace that explains it. Customers the query
 * left unscored or without a tier are evaluated again on the object path for their findings, so
 * the problems column names the same codes. `only` keeps the named customers.
 */
export async function evaluateResultsDuck(
  policy: Policy,
  options: PopulationOptions & { only?: readonly string[] },
  onResults: ResultsChunk,
): Promise<PopulationRun> {
  const levels = policy.tiers?.levels ?? [];
  const scored = policy.dimensions !== undefined;
  const objects = compilePolicy(policy);
  const only = options.only ? new Set(options.only) : undefined;
  const kept: CustomerResult[] = [];
  const keptFacts = new Map<string, Record<string, unknown>>();
  const run = await evaluateOutcomesDuck(policy, options, async (view, result, outcomes, asOf) => {
    const results: CustomerResult[] = [];
    const facts = new Map<string, Record<string, unknown>>();
    const recheck: { input: CustomerInput; result: CustomerResult }[] = [];
    for (let i = 0; i < view.length; i++) {
      const key = view.keys[i]!;
      if (only && !only.has(key)) continue;
      const input = customerAt(view, i);
      const r = resultAt(view, result, outcomes, i, levels);
      results.push(r);
      facts.set(key, input.facts);
      if (r.tier === undefined || (scored && r.score === undefined)) recheck.push({ input, result: r });
    }
    if (recheck.length > 0) {
      const again = objects.evaluate(
        recheck.map((c) => c.input),
        { asOf },
      );
      again.forEach((a, k) => {
        const { result: r } = recheck[k]!;
        r.diagnostics = a.diagnostics;
        if (r.tier !== undefined) return;
        r.decision =
          a.decision.method === 'none' ? a.decision : { method: 'none', reason: msg('explain.notScored') };
        if (r.diagnostics.length === 0 && levels.length > 0)
          r.diagnostics = [noTierDiagnostic(r.customer, r.decision, r.row)];
      });
    }
    if (only) {
      kept.push(...results);
      for (const [k, v] of facts) keptFacts.set(k, v);
    }
    await onResults(results, facts);
  });
  // The distribution of the customers asked for, as the JavaScript path counts them.
  return only && !run.failed ? { ...run, distribution: tierDistribution(policy, kept, keptFacts) } : run;
}

function resultAt(
  view: CustomerColumns,
  result: BatchResult,
  o: OutcomeColumns,
  i: number,
  levels: NonNullable<Policy['tiers']>['levels'],
): CustomerResult {
  const list = (v: string | null | undefined) => (typeof v === 'string' && v !== '' ? v.split(',') : []);
  const level = result.tier[i]!;
  const tier = level >= 0 ? levels[level] : undefined;
  const score = result.score[i]!;
  const classes: Record<string, string[]> = {};
  for (const [c, column] of Object.entries(o.classes)) classes[c] = list(column[i]);
  return {
    customer: view.keys[i]!,
    row: view.rows[i],
    score: Number.isNaN(score) ? undefined : score,
    tier: tier?.id,
    decision: level >= 0 ? { method: 'sql', level } : { method: 'none', reason: msg('explain.notScored') },
    // The level's own, as the JavaScript engine gives them.
    sla: tier?.sla,
    entitlements: tier?.entitlements,
    classes,
    flags: list(o.flags[i]),
    notify: list(o.notify[i]),
    triggers: list(o.triggers[i]),
    rerate: o.rerate[i] === true,
    diagnostics: [],
  };
}
