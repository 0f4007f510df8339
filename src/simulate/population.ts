import { type BatchResult, compileBatch, quotaFacts, rankQuota } from '../compile/batch.js';
import { compilePolicy } from '../compile/policy.js';
import type { OnError, ReadSummary } from '../data/index.js';
import type { EncodingOption } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type Distribution, DistributionBuilder } from '../engine/distribution.js';
import type { CustomerInput } from '../engine/evaluate.js';
import type { AggregatePlan } from '../facts/aggregate.js';
import type { AsOf } from '../facts/asof.js';
import { type CustomerColumns, customerColumnChunks } from '../facts/columnar.js';
import { customerColumns, planAggregates, readTransactions } from '../facts/customers.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import type { Policy } from '../policy/schema/policy.js';
import { ColumnStore } from './column-store.js';

export interface PopulationOptions {
  customers: string;
  /** A transaction log for the policy's aggregate facts. */
  transactions?: string;
  asOf?: string;
  /** The clock for `--as-of today`; tests pin it. */
  now?: number;
  onError?: OnError;
  encoding?: EncodingOption;
  sheet?: string;
  /** Customers read and evaluated at a time. */
  chunkSize?: number;
  /**
   * Facts `onChunk` reads besides the tier and score (revenue, KPIs). Only runs that must hold
   * the population (quotas, transaction logs) need to be told: a streamed chunk has every fact.
   */
  keep?: readonly string[];
}

/** A chunk of customers with each one's tier (index in policy.tiers.levels, -1: none) and score. */
export type PopulationChunk = (chunk: CustomerColumns, result: BatchResult) => void;

export interface PopulationRun {
  distribution: Distribution;
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  asOf?: AsOf;
  evaluated: number;
  failed: boolean;
}

const MAX_CUSTOMER_DIAGNOSTICS = 1000;

/**
 * A whole customer file through the compiled batch form, read as columns: the tier distribution
 * of `tierwise eval --summary` and the simulations, with no object per customer. A policy that
 * needs neither a population ranking nor a transaction log streams: memory follows the chunk
 * (plus the keys seen, for duplicates). A quota keeps the key, score and ranking facts of every
 * customer in typed arrays until it ranks; a transaction log, every customer's columns and one
 * accumulator each. Customers left without a tier are evaluated again on the object path, so
 * that their diagnostics are the ones `eval` reports.
 */
export async function evaluatePopulation(
  policy: Policy,
  options: PopulationOptions,
  onChunk?: PopulationChunk,
): Promise<PopulationRun> {
  const builder = new DistributionBuilder(policy);
  const failed = (diagnostics: Diagnostic[], extra: Partial<PopulationRun> = {}): PopulationRun => ({
    distribution: builder.result(false),
    diagnostics,
    evaluated: 0,
    failed: true,
    ...extra,
  });
  const aggregates = Object.entries(policy.facts ?? {}).filter(([, f]) => f.aggregate !== undefined);
  const joinTransactions = options.transactions !== undefined && aggregates.length > 0;
  const { keyFact, columns } = customerColumns(policy, options.transactions !== undefined);
  if (!keyFact) return failed([]);
  const planned = joinTransactions ? planAggregates(policy, options) : undefined;
  if (Array.isArray(planned)) return failed(planned);

  const batch = compileBatch(policy);
  const findings = new CustomerFindings(policy);
  const revenueFact = Object.entries(policy.facts ?? {}).find(([, f]) => f.revenue)?.[0];
  const quota = policy.tiers?.method === 'quota';
  const finish = (chunk: CustomerColumns, result: BatchResult) => {
    builder.addColumns(result.tier, result.score, revenueFact ? chunk.facts[revenueFact] : undefined);
    findings.add(chunk, result);
    onChunk?.(chunk, result);
  };
  // Held whole: every column when transactions still have to be joined, else what ranking needs.
  const store =
    joinTransactions || quota
      ? new ColumnStore(
          joinTransactions
            ? columns.map((c) => c.id)
            : [...quotaFacts(policy), ...(revenueFact ? [revenueFact] : []), ...(options.keep ?? [])],
        )
      : undefined;

  const chunks = customerColumnChunks(options, columns, keyFact, options.chunkSize ?? 8192);
  let evaluated = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      const end = next.value;
      if (end.failed) return failed(end.diagnostics, { customersSummary: end.summary });
      let transactionsSummary: ReadSummary | undefined;
      const diagnostics = [...end.diagnostics];
      if (store) {
        const all = store.columns();
        if (planned) {
          const tx = await joinLog(policy, options, planned.plan, all);
          diagnostics.push(...tx.diagnostics);
          transactionsSummary = tx.summary;
          if (tx.failed) return failed(diagnostics, { customersSummary: end.summary, transactionsSummary });
          finish(all, batch.run(all));
        } else {
          const result = { tier: new Int32Array(all.length).fill(-1), score: store.score() };
          rankQuota(policy, all, result.score, result.tier);
          finish(all, result);
        }
      }
      return {
        distribution: builder.result(revenueFact !== undefined),
        diagnostics: [...diagnostics, ...findings.diagnostics()],
        customersSummary: end.summary,
        transactionsSummary,
        asOf: planned?.asOf,
        evaluated,
        failed: false,
      };
    }
    const chunk = next.value;
    evaluated += chunk.length;
    if (joinTransactions) store!.add(chunk);
    else if (store) store.add(chunk, batch.run(chunk, { rank: false }).score);
    else finish(chunk, batch.run(chunk));
  }
}

/** The transaction log folded into aggregate fact columns of the whole population. */
async function joinLog(
  policy: Policy,
  options: PopulationOptions,
  plan: AggregatePlan,
  all: CustomerColumns,
): Promise<{ diagnostics: Diagnostic[]; summary?: ReadSummary; failed: boolean }> {
  const accumulators = new Map(all.keys.map((key) => [key, plan.accumulator()]));
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const tx = await readTransactions(policy, options, options.transactions!, timezone, accumulators);
  if (tx.failed) return tx;
  const ids = Object.entries(policy.facts ?? {}).filter(([, f]) => f.aggregate !== undefined);
  const targets = ids.map(([id, fact]) => {
    const column =
      fact.type === 'number' || fact.type === 'integer'
        ? new Float64Array(all.length).fill(Number.NaN)
        : new Array<unknown>(all.length).fill(undefined);
    all.facts[id] = column;
    return { id, column };
  });
  for (let i = 0; i < all.length; i++) {
    const values = accumulators.get(all.keys[i]!)!.result();
    for (const { id, column } of targets) {
      const v = values[id];
      if (column instanceof Float64Array) column[i] = typeof v === 'number' ? v : Number.NaN;
      else column[i] = v;
    }
  }
  return tx;
}

/**
 * Diagnostics for customers the batch left without a tier, from the object path (capped: a
 * million untiered customers must not fill memory with warnings).
 */
class CustomerFindings {
  private readonly objects;
  private readonly list: Diagnostic[] = [];
  private omitted = 0;

  constructor(policy: Policy) {
    this.objects = compilePolicy(policy);
  }

  add(chunk: CustomerColumns, result: BatchResult): void {
    const untiered: CustomerInput[] = [];
    for (let i = 0; i < chunk.length; i++) {
      if (result.tier[i] !== -1) continue;
      if (this.list.length + untiered.length >= MAX_CUSTOMER_DIAGNOSTICS) this.omitted++;
      else untiered.push(customerAt(chunk, i));
    }
    if (untiered.length === 0) return;
    for (const r of this.objects.evaluate(untiered)) {
      for (const d of r.diagnostics) {
        if (this.list.length < MAX_CUSTOMER_DIAGNOSTICS) this.list.push(d);
        else this.omitted++;
      }
    }
  }

  diagnostics(): Diagnostic[] {
    if (this.omitted === 0) return this.list;
    return [
      ...this.list,
      diagnostic('TW0702', `${this.omitted} more customer findings are not listed`, { severity: 'info' }),
    ];
  }
}

/** Customer i of a chunk as the object path takes it: missing values undefined. */
export function customerAt(chunk: CustomerColumns, i: number): CustomerInput {
  const facts: Record<string, unknown> = {};
  for (const [id, column] of Object.entries(chunk.facts)) {
    const v = column[i];
    if (v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) facts[id] = v;
  }
  return { id: chunk.keys[i]!, facts, row: chunk.rows[i] };
}
