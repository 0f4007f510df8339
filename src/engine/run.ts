import type { ReadSummary } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AsOf } from '../facts/asof.js';
import { type LoadCustomersOptions, loadCustomers } from '../facts/customers.js';
import type { Policy } from '../policy/schema/policy.js';
import { type Distribution, tierDistribution } from './distribution.js';
import { type CustomerInput, type CustomerResult, ReferenceEvaluator } from './evaluate.js';

export interface EvaluationRun {
  results: CustomerResult[];
  /** Each customer's facts, for outputs that show them (masked) and for revenue shares. */
  facts: Map<string, Record<string, unknown>>;
  distribution: Distribution;
  diagnostics: Diagnostic[];
  asOf?: AsOf;
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  failed: boolean;
}

export interface RunOptions extends LoadCustomersOptions {
  /** How to evaluate; the reference evaluator unless a surface passes the compiled one. */
  evaluate?: Evaluate;
  /** Evaluate only these customers (ids); quotas still rank the whole population. */
  only?: readonly string[];
  /** Build explanations (score breakdowns, condition traces). */
  explain?: boolean;
}

/** Anything that evaluates a population the way ReferenceEvaluator does. */
export type Evaluate = (
  customers: readonly CustomerInput[],
  options: { explain: boolean },
) => Promise<CustomerResult[]>;

/** The whole job behind `tierwise eval`: read the data, compute facts, evaluate every customer. */
export async function runEvaluation(policy: Policy, options: RunOptions): Promise<EvaluationRun> {
  const loaded = await loadCustomers(policy, options);
  const facts = new Map(loaded.customers.map((c) => [c.id, c.facts]));
  if (loaded.failed) {
    return {
      results: [],
      facts,
      distribution: tierDistribution(policy, []),
      diagnostics: loaded.diagnostics,
      asOf: loaded.asOf,
      customersSummary: loaded.customersSummary,
      transactionsSummary: loaded.transactionsSummary,
      failed: true,
    };
  }
  const all = await (options.evaluate ?? referenceEvaluate(policy))(loaded.customers, {
    explain: options.explain ?? false,
  });
  const only = options.only ? new Set(options.only) : undefined;
  const results = only ? all.filter((r) => only.has(r.customer)) : all;
  const diagnostics = [...loaded.diagnostics, ...results.flatMap((r) => r.diagnostics)];
  return {
    results,
    facts,
    distribution: tierDistribution(policy, results, facts),
    diagnostics,
    asOf: loaded.asOf,
    customersSummary: loaded.customersSummary,
    transactionsSummary: loaded.transactionsSummary,
    failed: false,
  };
}

export function referenceEvaluate(policy: Policy): Evaluate {
  const evaluator = new ReferenceEvaluator(policy);
  return (customers) => evaluator.evaluate(customers);
}
