import type { ReadSummary } from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { AsOf } from '../facts/asof.js';
import {
  customerChunks,
  customerColumns,
  type LoadCustomersOptions,
  loadCustomers,
} from '../facts/customers.js';
import { derivedFactsAdder, runAsOf } from '../facts/derive.js';
import { missingLogDiagnostics } from '../facts/requirements.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { type Distribution, DistributionBuilder, tierDistribution } from './distribution.js';
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
  options: { explain: boolean; asOf?: AsOf },
) => Promise<CustomerResult[]>;

/** The whole job behind `tierwise eval`: read the data, compute facts, evaluate every customer. */
export async function runEvaluation(policy: Policy, options: RunOptions): Promise<EvaluationRun> {
  const loaded = await loadCustomers(policy, options);
  const measured = loaded.asOf
    ? { asOf: loaded.asOf, diagnostics: [] }
    : runAsOf(policy, options.asOf, options.now);
  const withDerived = hasErrors(measured.diagnostics)
    ? (f: Record<string, unknown>) => f
    : derivedFactsAdder(policy, measured.asOf);
  // What outputs show beside the results: the facts read, and the derived ones computed from them.
  const facts = new Map(loaded.customers.map((c) => [c.id, withDerived(c.facts)]));
  if (hasErrors(measured.diagnostics)) loaded.diagnostics.push(...measured.diagnostics);
  if (loaded.failed || hasErrors(measured.diagnostics)) {
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
    asOf: measured.asOf,
  });
  const only = options.only ? new Set(options.only) : undefined;
  const results = only ? all.filter((r) => only.has(r.customer)) : all;
  const diagnostics = [...loaded.diagnostics, ...results.flatMap((r) => r.diagnostics)];
  return {
    results,
    facts,
    distribution: tierDistribution(policy, results, facts),
    diagnostics,
    asOf: measured.asOf ?? loaded.asOf,
    customersSummary: loaded.customersSummary,
    transactionsSummary: loaded.transactionsSummary,
    failed: false,
  };
}

export function referenceEvaluate(policy: Policy): Evaluate {
  const evaluator = new ReferenceEvaluator(policy);
  return (customers, options) => evaluator.evaluate(customers, { asOf: options.asOf });
}

const MAX_CUSTOMER_DIAGNOSTICS = 1000;

/** What a streamed evaluation returns once the file is read: the counters, never the customers. */
export interface StreamedRun {
  distribution: Distribution;
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  evaluated: number;
  failed: boolean;
}

/** Whether a policy can be evaluated as its rows stream by: no population ranking, no transaction join. */
export function canStream(policy: Policy, options: RunOptions): boolean {
  return policy.tiers?.method !== 'quota' && options.transactions === undefined && options.only === undefined;
}

/**
 * Evaluates the customer file chunk by chunk, handing each chunk's results to `onChunk` and
 * keeping only the distribution's counters (and the keys seen, for duplicates), so memory
 * follows the chunk size rather than the file. For policies `canStream` accepts.
 */
export async function streamEvaluation(
  policy: Policy,
  options: RunOptions,
  onChunk: (
    results: CustomerResult[],
    facts: ReadonlyMap<string, Record<string, unknown>>,
  ) => Promise<void> | void,
  chunkSize = 4096,
): Promise<StreamedRun> {
  const { keyFact, columns } = customerColumns(policy, false);
  const builder = new DistributionBuilder(policy);
  const notes = missingLogDiagnostics(policy);
  if (hasErrors(notes))
    return { distribution: builder.result(false), diagnostics: notes, evaluated: 0, failed: true };
  const evaluate = options.evaluate ?? referenceEvaluate(policy);
  if (!keyFact) {
    return { distribution: builder.result(false), diagnostics: [], evaluated: 0, failed: true };
  }
  const measured = runAsOf(policy, options.asOf, options.now);
  if (hasErrors(measured.diagnostics))
    return {
      distribution: builder.result(false),
      diagnostics: measured.diagnostics,
      evaluated: 0,
      failed: true,
    };
  const chunks = customerChunks(options, columns, keyFact, chunkSize);
  const withDerived = derivedFactsAdder(policy, measured.asOf);
  const diagnostics: Diagnostic[] = [];
  let evaluated = 0;
  let omitted = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      const end = next.value;
      return {
        distribution: builder.result(true),
        diagnostics: [
          ...notes,
          ...end.diagnostics,
          ...diagnostics,
          ...(omitted > 0
            ? [diagnostic('TW0702', msg('findings.moreNotListed', { n: omitted }), { severity: 'info' })]
            : []),
        ],
        customersSummary: end.summary,
        evaluated,
        failed: end.failed,
      };
    }
    const results = await evaluate(next.value, { explain: options.explain ?? false, asOf: measured.asOf });
    const facts = new Map(next.value.map((c) => [c.id, withDerived(c.facts)]));
    builder.add(results, facts);
    for (const r of results) {
      for (const d of r.diagnostics) {
        // Capped like row errors: a million untiered customers must not fill memory with warnings.
        if (diagnostics.length < MAX_CUSTOMER_DIAGNOSTICS) diagnostics.push(d);
        else omitted++;
      }
    }
    evaluated += results.length;
    await onChunk(results, facts);
  }
}
