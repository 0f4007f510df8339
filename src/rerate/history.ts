import { chooseEvaluator, type EngineChoice } from '../compile/evaluate.js';
import type { EncodingOption, OnError, ReadSummary } from '../data/index.js';
import { DEFAULT_MAX_DIAGNOSTICS } from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { type AggregatePlan, compileAggregates, isAggregatePlan } from '../facts/aggregate.js';
import { isAsOf, parseAsOf } from '../facts/asof.js';
import { withLogCustomers } from '../facts/customer-source.js';
import { type CustomerFacts, customerChunks, customerColumns, readTransactions } from '../facts/customers.js';
import { missingLogDiagnostics } from '../facts/requirements.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { ReplayFigures } from '../report/replay/types.js';
import { absentFromData, ratedAfter } from './checks.js';
import {
  mergeFigures,
  type ReplayRun,
  runFigures,
  type TimelineEntry,
  timelineEntries,
} from './history/figures.js';
import { HistoryRecorder, type TransactionHistory } from './history/log.js';
import type { RunDate } from './history/runs.js';
import { rerate } from './rerate.js';
import { rerateRules } from './rules.js';
import type { TierState } from './types.js';

export type { ReplayFigures, ReplayRun, TimelineEntry } from '../report/replay/types.js';
export { isRunDates, MAX_RUNS, type RunDate, runDates } from './history/runs.js';

/** Customers evaluated and stepped at a time, when the policy ranks no population (not quota). */
const CHUNK = 8192;

export interface ReplayOptions {
  /** The customer file; without one the customers are the transaction log's ids. */
  customers?: string;
  transactions?: string;
  onError?: OnError;
  encoding?: EncodingOption;
  sheet?: string;
  /** The run dates, oldest first (runDates). */
  runs: readonly RunDate[];
  /** The state the first run steps from (readState); none: every customer is rated afresh. */
  state?: ReadonlyMap<string, TierState>;
  engine?: EngineChoice;
  /** Called after each run with its customers' timeline lines; not called when not given. */
  onTimeline?: (entries: TimelineEntry[]) => void | Promise<void>;
  /** Only these customers' timelines. */
  timelineOf?: ReadonlySet<string>;
  /** Customers evaluated at a time when the policy ranks no population (CHUNK by default). */
  chunkSize?: number;
}

/** A policy replayed month by month over a transaction history: the report's figures and the states. */
export interface Replay extends ReplayFigures {
  /** Each customer's state after the last run. */
  states: TierState[];
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  failed: boolean;
}

/**
 * Replays the re-rating: the customer file's column facts and the transaction log are read once;
 * then at each run date the aggregates are computed as of that date from the customer's
 * transactions up to it, the population is evaluated as `tierwise eval --as-of` would (the same
 * evaluator, the same facts), and each customer's state is stepped with rerate(). A run's
 * computed tiers are exactly eval's for its as-of date.
 */
export async function replayHistory(policy: Policy, given: ReplayOptions): Promise<Replay> {
  const options = withLogCustomers(policy, given);
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const rules = rerateRules(policy);
  const replay: Replay = {
    policy: { name: policy.metadata.name, version: policy.metadata.version, label: policy.metadata.labels },
    tiers: (policy.tiers?.levels ?? []).map((l) => ({ id: l.id, label: l.label })),
    timezone,
    data: { customers: given.customers, transactions: given.transactions, state: given.state?.size },
    runs: [],
    customers: 0,
    customerMonths: 0,
    states: [],
    stability: { changes: 0, averageChurn: 0, maxChurn: 0 },
    diagnostics: [],
    failed: false,
  };
  const fail = (extra: readonly Diagnostic[]): Replay => {
    replay.diagnostics.push(...extra);
    replay.failed = true;
    return replay;
  };
  const facts = Object.entries(policy.facts ?? {});
  const keyFact = facts.find(([, f]) => f.key)?.[0];
  if (!keyFact) return fail([diagnostic('TW0211', msg('facts.noKeyFact'), { pointer: '/facts' })]);
  const aggregates = Object.fromEntries(facts.filter(([, f]) => f.aggregate !== undefined));
  const useTransactions = options.transactions !== undefined;
  if (!useTransactions) {
    replay.diagnostics.push(...missingLogDiagnostics(policy, true));
    if (hasErrors(replay.diagnostics)) return fail([]);
  }

  const customers: CustomerFacts[] = [];
  const chunks = customerChunks(
    options,
    customerColumns(policy, useTransactions).columns,
    keyFact,
    Number.POSITIVE_INFINITY,
  );
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      replay.diagnostics.push(...next.value.diagnostics);
      replay.customersSummary = next.value.summary;
      if (next.value.failed) return fail([]);
      break;
    }
    for (const customer of next.value) customers.push(customer);
  }
  replay.customers = customers.length;

  let history: TransactionHistory | undefined;
  if (useTransactions && Object.keys(aggregates).length > 0) {
    const recorder = new HistoryRecorder(policy, customers.length);
    const read = await readTransactions(
      policy,
      options,
      options.transactions!,
      timezone,
      recorder.accumulators(customers.map((c) => c.id)),
    );
    replay.diagnostics.push(...read.diagnostics);
    replay.transactionsSummary = read.summary;
    if (read.failed) return fail([]);
    history = recorder.history();
    replay.transactions = history.transactions;
  }

  const first = given.runs[0];
  const future = first ? ratedAfter(given.state?.values() ?? [], first.day, first.asOf) : [];
  if (future.length > 0) return fail(future);

  const { evaluate, notes } = chooseEvaluator(policy, given.engine);
  replay.diagnostics.push(...notes);
  const results = new ResultDiagnostics();
  let states: ReadonlyMap<string, TierState> = new Map(given.state ?? []);
  // Customers of the state the data lacks are carried from run to run as they are (rerate()).
  const known = new Set(customers.map((c) => c.id));
  const absent = [...states.values()].filter((s) => !known.has(s.customer));
  replay.diagnostics.push(...absentFromData(absent.map((s) => s.customer)));
  // A quota ranks the whole population; any other method decides each customer alone, so a run
  // goes a chunk at a time and memory holds one chunk's facts and results, not the population's.
  const size = policy.tiers?.method === 'quota' ? Math.max(1, customers.length) : (given.chunkSize ?? CHUNK);
  for (const run of given.runs) {
    const asOf = parseAsOf(run.asOf, { timezone });
    if (!isAsOf(asOf)) return fail(asOf);
    let plan: AggregatePlan | undefined;
    if (history) {
      const compiled = compileAggregates(aggregates, { asOf });
      if (!isAggregatePlan(compiled)) return fail(compiled);
      plan = compiled;
    }
    const next = new Map<string, TierState>();
    const parts: ReplayRun[] = [];
    for (let first = 0; first < customers.length; first += size) {
      const chunk = customers.slice(first, first + size);
      const inputs = plan ? factsAsOf(chunk, first, history!, plan, asOf.instant) : chunk;
      const evaluated = await evaluate(inputs, { explain: false, asOf });
      results.add(evaluated);
      const before = new Map<string, TierState>();
      for (const c of chunk) {
        const state = states.get(c.id);
        if (state) before.set(c.id, state);
      }
      const outcome = rerate(rules, before, evaluated, run.day);
      parts.push(runFigures(rules, run, before, outcome, evaluated));
      if (given.onTimeline)
        await given.onTimeline(timelineEntries(run, outcome, evaluated, given.timelineOf));
      for (const state of outcome.states) next.set(state.customer, state);
    }
    for (const state of absent) next.set(state.customer, state);
    const carried = { states: absent, events: [], absent: [], undecided: 0 };
    parts.push(runFigures(rules, run, states, carried, []));
    replay.runs.push(mergeFigures(parts));
    states = next;
  }
  replay.states = [...states.values()];
  replay.customerMonths = customers.length * given.runs.length;
  replay.stability = stability(replay.runs, given.state !== undefined);
  replay.diagnostics.push(...results.diagnostics());
  return replay;
}

/** Each customer's column facts with the aggregates as of `upTo`, fed from the buffered log. */
function factsAsOf(
  customers: readonly CustomerFacts[],
  offset: number,
  history: TransactionHistory,
  plan: AggregatePlan,
  upTo: number,
): CustomerFacts[] {
  return customers.map((customer, i) => {
    const accumulator = plan.accumulator();
    history.feed(offset + i, upTo, accumulator);
    // The customer file holds no aggregate fact when a log is read (customerColumns), so the two
    // sets of keys are apart and the column facts can be copied onto the aggregates' object.
    return { id: customer.id, row: customer.row, facts: Object.assign(accumulator.result(), customer.facts) };
  });
}

/**
 * Tier churn over the runs that stepped from a tier held: all of them when the replay starts
 * from a state, all but the first when it starts from none (that run only rates).
 */
function stability(runs: readonly ReplayRun[], fromState: boolean): Replay['stability'] {
  const counted = fromState ? runs : runs.slice(1);
  let changes = 0;
  let customers = 0;
  let worst: ReplayRun | undefined;
  for (const run of counted) {
    changes += run.changed;
    customers += run.customers;
    if (!worst || run.churn > worst.churn) worst = run;
  }
  return {
    changes,
    averageChurn: customers === 0 ? 0 : changes / customers,
    maxChurn: worst?.churn ?? 0,
    worstRun: worst && worst.changed > 0 ? worst.label : undefined,
  };
}

/**
 * The evaluations' own diagnostics (a fact a customer lacks, a tier not decided), kept once per
 * code and message across runs and at most DEFAULT_MAX_DIAGNOSTICS: a replay repeats each run's.
 */
class ResultDiagnostics {
  readonly #seen = new Set<string>();
  readonly #kept: Diagnostic[] = [];

  add(results: readonly { diagnostics: readonly Diagnostic[] }[]): void {
    for (const result of results)
      for (const d of result.diagnostics) {
        if (this.#kept.length >= DEFAULT_MAX_DIAGNOSTICS) return;
        const key = `${d.code}\u0000${JSON.stringify(d.message)}`;
        if (this.#seen.has(key)) continue;
        this.#seen.add(key);
        this.#kept.push(d);
      }
  }

  diagnostics(): Diagnostic[] {
    return this.#kept;
  }
}
