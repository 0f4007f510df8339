import {
  type BatchResult,
  type CompiledBatch,
  compileBatch,
  quotaFacts,
  rankQuota,
} from '../compile/batch.js';
import type { BatchOutcomes } from '../compile/batch-outcomes.js';
import type { ColumnSpec, OnError, ReadSummary } from '../data/index.js';
import type { EncodingOption } from '../data/types.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { type Distribution, DistributionBuilder } from '../engine/distribution.js';
import type { TierTally } from '../engine/tally.js';
import type { AggregatePlan } from '../facts/aggregate.js';
import type { AsOf } from '../facts/asof.js';
import { type CustomerColumns, customerColumnChunks } from '../facts/columnar.js';
import { type ReadEnd, withLogCustomers } from '../facts/customer-source.js';
import { customerColumns, planAggregates, readTransactions } from '../facts/customers.js';
import { runAsOf } from '../facts/derive.js';
import { missingLogDiagnostics, requiredFacts } from '../facts/requirements.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import type { Policy } from '../policy/schema/policy.js';
import { ColumnStore } from './column-store.js';
import { chooseEngine, type PopulationEngine } from './engine-choice.js';
import { CustomerFindings } from './findings.js';

export interface PopulationOptions {
  /** The customer file; without one, the customers are the transaction log's ids (TW0641). */
  customers?: string;
  /** A transaction log for the policies' aggregate facts. */
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
   * Facts `onChunk` reads besides the tier and score (revenue is always kept). Only runs that
   * must hold the population (quotas, transaction logs) need to be told: a streamed chunk has
   * every fact.
   */
  keep?: readonly string[];
  /**
   * `onChunk` never reads the customers' keys (a simulation counts): the DuckDB engine then
   * decodes only the keys of customers without a tier, for their findings.
   */
  keysUnread?: boolean;
  /**
   * `onChunk` reads each policy's classes and flags (a simulation tallies them). An engine that
   * decides them in its query (DuckDB) hands them over as `onChunk`'s third argument and then
   * keeps only these facts of `keep`: the conditions' facts need not cross into JavaScript.
   * With `tally`, an engine that can count where the customers are (DuckDB, one policy with
   * tiers) hands over per-tier figures instead of chunks: customers, classes, flags, and the
   * exact sums of the `keep` facts; `onChunk` is then not called.
   */
  outcomes?: { keep: readonly string[]; tally?: (tally: readonly TierTally[]) => void };
  /** Worker threads for large CSV files (evaluatePopulationParallel); the machine's cores by default. */
  workers?: number;
  /** Called after each chunk with the customers read so far (for a progress bar). */
  onProgress?: (customers: number) => void;
  /** Where the population is evaluated (chooseEngine); this process unless told. */
  engine?: PopulationEngine;
  /** DuckDB's threads; its default (the machine's cores) otherwise. */
  threads?: number;
}

/**
 * A chunk of customers as each policy sees them (its own facts, the same customers in the same
 * order) and each policy's tiers (index in policy.tiers.levels, -1: none) and scores.
 */
export type PopulationChunk = (
  views: readonly CustomerColumns[],
  results: readonly BatchResult[],
  outcomes?: readonly BatchOutcomes[],
) => void;

/** PopulationChunk for one policy. */
export type PolicyChunk = (chunk: CustomerColumns, result: BatchResult, outcomes?: BatchOutcomes) => void;

export interface PopulationRun {
  distribution: Distribution;
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  asOf?: AsOf;
  evaluated: number;
  failed: boolean;
  /** The engine that evaluated the population. */
  engine?: 'js' | 'duckdb';
}

/**
 * Where customers come from: customerColumnChunks on this thread, or worker threads that have
 * also run the batch form on each chunk (`results`, one per policy, exactly what this module's
 * own batch.run calls would give: tiers, or scores only for a quota, none before a log is joined).
 */
export type ChunkSource = AsyncGenerator<{ chunk: CustomerColumns; results?: BatchResult[] }, ReadEnd>;

/** One policy's part of a run over several. */
interface Lane {
  policy: Policy;
  prefix: string;
  batch: CompiledBatch;
  builder: DistributionBuilder;
  findings: CustomerFindings;
  /** What was said about the data before any row was read (a missing transaction log). */
  notes: Diagnostic[];
  revenueFact?: string;
  plan?: { plan: AggregatePlan; asOf: AsOf };
  /** What derived facts and `{ ago }` dates measure from, when the policy has any. */
  asOf?: AsOf;
}

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
  onChunk?: PolicyChunk,
): Promise<PopulationRun> {
  const [run] = await evaluatePopulations(
    [policy],
    options,
    onChunk && ((v, r, o) => onChunk(v[0]!, r[0]!, o?.[0])),
  );
  return run!;
}

/**
 * Several policies over the same customers in one pass over the file (a diff, a calibration):
 * each reads its own columns with its own conversions; the first policy's key tells customers
 * apart, and a row skipped for one policy is skipped for all, so they see one population.
 */
export async function evaluatePopulations(
  policies: readonly Policy[],
  given: PopulationOptions,
  onChunk?: PopulationChunk,
  source?: (specs: ColumnSpec[], keyFact: string) => ChunkSource,
): Promise<PopulationRun[]> {
  if (!source && chooseEngine(given.engine, given) === 'duckdb') {
    // DuckDB's bindings load for the runs that use them: most of a small JavaScript run's start.
    const { evaluatePopulationsDuck } = await import('./duckdb-population.js');
    return evaluatePopulationsDuck(policies, given, onChunk);
  }
  const options = withLogCustomers(policies[0] ?? {}, given);
  const joinLog = (p: Policy) =>
    options.transactions !== undefined && Object.values(p.facts ?? {}).some((f) => f.aggregate !== undefined);
  const lanes: Lane[] = [];
  const specs: ColumnSpec[] = [];
  let keyFact: string | undefined;
  const failAll = (diagnostics: Diagnostic[], extra: Partial<PopulationRun> = {}): PopulationRun[] =>
    policies.map((policy) => ({
      distribution: new DistributionBuilder(policy).result(false),
      diagnostics,
      evaluated: 0,
      failed: true,
      engine: 'js' as const,
      ...extra,
    }));
  for (const [p, policy] of policies.entries()) {
    const prefix = policies.length === 1 ? '' : `${p}\u0000`;
    const own = customerColumns(policy, options.transactions !== undefined);
    if (!own.keyFact) return failAll([]);
    if (p === 0) keyFact = prefix + own.keyFact;
    for (const spec of own.columns) specs.push({ ...spec, id: prefix + spec.id });
    const planned = joinLog(policy) ? planAggregates(policy, options) : undefined;
    if (Array.isArray(planned)) return failAll(planned);
    // Said before any row is read: a run in which nobody could get a tier is not run at all.
    const notes = options.transactions === undefined ? missingLogDiagnostics(policy) : [];
    if (hasErrors(notes)) return failAll(notes);
    const measured = planned ? { asOf: planned.asOf, diagnostics: [] } : runAsOf(policy, options.asOf);
    if (hasErrors(measured.diagnostics)) return failAll(measured.diagnostics);
    lanes.push({
      policy,
      notes,
      prefix,
      batch: compileBatch(policy, { asOf: measured.asOf }),
      asOf: measured.asOf,
      builder: new DistributionBuilder(policy),
      findings: new CustomerFindings(policy, measured.asOf),
      revenueFact: Object.entries(policy.facts ?? {}).find(([, f]) => f.revenue)?.[0],
      plan: planned,
    });
  }

  const finish = (views: CustomerColumns[], results: BatchResult[]) => {
    lanes.forEach((lane, p) => {
      const view = views[p]!;
      const result = results[p]!;
      lane.builder.addColumns(
        result.tier,
        result.score,
        lane.revenueFact ? view.facts[lane.revenueFact] : undefined,
      );
      lane.findings.add(view, result);
    });
    onChunk?.(views, results);
  };
  // Held whole: every column when a log still has to be joined, else what ranking and onChunk need.
  const whole = lanes.some((l) => l.plan !== undefined || l.policy.tiers?.method === 'quota');
  const store = whole
    ? new ColumnStore(
        lanes.some((l) => l.plan !== undefined)
          ? specs.map((s) => s.id)
          : lanes.flatMap((l) =>
              [
                ...quotaFacts(l.policy),
                ...(l.revenueFact ? [l.revenueFact] : []),
                ...(options.keep ?? []),
              ].map((id) => l.prefix + id),
            ),
        lanes.length,
      )
    : undefined;

  const chunks = source ? source(specs, keyFact!) : ownChunks(options, specs, keyFact!);
  let evaluated = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      const end = next.value;
      if (end.failed) return failAll(end.diagnostics, { customersSummary: end.summary });
      const shared = [...end.diagnostics];
      const perLane: { diagnostics: Diagnostic[]; summary?: ReadSummary }[] = lanes.map(() => ({
        diagnostics: [],
      }));
      if (store) {
        const all = store.columns();
        const raw = lanes.map((l) => view(all, l.prefix));
        const views = raw.slice();
        const results: BatchResult[] = [];
        const joined = new Map<
          string,
          { from: CustomerColumns; tx: Awaited<ReturnType<typeof joinTransactions>> }
        >();
        for (const [p, lane] of lanes.entries()) {
          if (lane.plan) {
            // A draft and what is published usually fold the log the same way: read it once.
            const key = joinKey(lane);
            const earlier = joined.get(key);
            const tx = earlier
              ? reuseJoin(lane.policy, earlier.from, raw[p]!, earlier.tx)
              : await joinTransactions(lane, options, raw[p]!);
            if (!earlier) joined.set(key, { from: raw[p]!, tx });
            perLane[p] = tx;
            if (tx.failed)
              return failAll([...shared, ...tx.diagnostics], {
                customersSummary: end.summary,
                transactionsSummary: tx.summary,
              });
            views[p] = lane.batch.prepare(raw[p]!);
            results.push(lane.batch.run(views[p]!, { prepared: true }));
          } else {
            views[p] = lane.batch.prepare(raw[p]!);
            // Tiers other than a quota's were settled chunk by chunk; a quota ranks everyone now.
            const result = { tier: store.tier(p), score: store.score(p) };
            if (lane.policy.tiers?.method === 'quota')
              rankQuota(lane.policy, views[p]!, result.score, result.tier);
            results.push(result);
          }
        }
        finish(views, results);
      }
      for (const lane of lanes) lane.builder.addUntieredCauses(lane.findings.causes());
      return lanes.map((lane, p) => ({
        distribution: lane.builder.result(lane.revenueFact !== undefined),
        diagnostics: [...lane.notes, ...shared, ...perLane[p]!.diagnostics, ...lane.findings.diagnostics()],
        customersSummary: end.summary,
        transactionsSummary: perLane[p]!.summary,
        asOf: lane.plan?.asOf ?? lane.asOf,
        evaluated,
        failed: false,
        engine: 'js' as const,
      }));
    }
    const { chunk, results } = next.value;
    evaluated += chunk.length;
    options.onProgress?.(evaluated);
    const views = lanes.map((l) => view(chunk, l.prefix));
    if (!store) {
      // Derived facts are facts like the others for what reads them beside the tiers (revenue).
      const prepared = views.map((v, p) => lanes[p]!.batch.prepare(v));
      finish(prepared, results ?? lanes.map((l, p) => l.batch.run(prepared[p]!, { prepared: true })));
    } else if (lanes.some((l) => l.plan !== undefined)) store.add(chunk);
    else store.add(chunk, results ?? lanes.map((l, p) => l.batch.run(views[p]!, { rank: false })));
  }
}

async function* ownChunks(options: PopulationOptions, specs: ColumnSpec[], keyFact: string): ChunkSource {
  const chunks = customerColumnChunks(options, specs, keyFact, options.chunkSize ?? 8192);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    yield { chunk: next.value };
  }
}

/** One policy's columns of a chunk read for several: its own fact ids, unprefixed. */
function view(chunk: CustomerColumns, prefix: string): CustomerColumns {
  if (prefix === '') return chunk;
  const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
  for (const [id, column] of Object.entries(chunk.facts))
    if (id.startsWith(prefix)) facts[id.slice(prefix.length)] = column;
  return { length: chunk.length, keys: chunk.keys, rows: chunk.rows, facts };
}

/**
 * What a join of the log depends on: the facts (aggregates, key, what is essential), the log's
 * columns, the zone and the as-of. Lanes with the same key get the same columns and diagnostics.
 */
function joinKey(lane: Lane): string {
  const { policy } = lane;
  return JSON.stringify([
    policy.facts ?? {},
    policy.sources?.transactions ?? null,
    policy.metadata.timezone ?? DEFAULT_TIMEZONE,
    lane.plan!.asOf.instant,
    lane.plan!.asOf.timezone,
    [...requiredFacts(policy).keys()].sort(),
  ]);
}

/** The aggregate columns another lane's identical join made, copied into this lane's view. */
function reuseJoin<T>(policy: Policy, from: CustomerColumns, to: CustomerColumns, tx: T): T {
  for (const [id, fact] of Object.entries(policy.facts ?? {})) {
    if (fact.aggregate === undefined) continue;
    const column = from.facts[id]!;
    to.facts[id] = column instanceof Float64Array ? column.slice() : [...column];
  }
  return tx;
}

/** The transaction log folded into aggregate fact columns of the whole population. */
async function joinTransactions(
  lane: Lane,
  options: PopulationOptions,
  all: CustomerColumns,
): Promise<{ diagnostics: Diagnostic[]; summary?: ReadSummary; failed: boolean }> {
  const { policy } = lane;
  const plan = lane.plan!.plan;
  const accumulators = new Map(all.keys.map((key) => [key, plan.accumulator()]));
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const tx = await readTransactions(policy, options, options.transactions!, timezone, accumulators);
  if (tx.failed) return tx;
  const targets = Object.entries(policy.facts ?? {})
    .filter(([, f]) => f.aggregate !== undefined)
    .map(([id, fact]) => {
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
