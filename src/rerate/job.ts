import { compilePolicy } from '../compile/policy.js';
import type { EncodingOption, OnError, ReadSummary } from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { Distribution } from '../engine/distribution.js';
import { runEvaluation } from '../engine/run.js';
import { type AsOf, isAsOf, parseAsOf } from '../facts/asof.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import type { Policy } from '../policy/schema/policy.js';
import { absentFromData, ratedAfter } from './checks.js';
import { type RerateOutcome, rerate } from './rerate.js';
import { type RerateRules, rerateRules } from './rules.js';
import { readState, stateOptions } from './state.js';
import type { TierState } from './types.js';

export interface RerateJobOptions {
  /** The tiers as they stand; without one every customer is rated for the first time. */
  state?: string;
  customers?: string;
  transactions?: string;
  /** `--as-of`: a date (the end of that day in the policy's zone) or `today`. */
  asOf: string;
  now?: number;
  onError?: OnError;
  encoding?: EncodingOption;
  sheet?: string;
}

export interface RerateJob {
  outcome?: RerateOutcome;
  rules: RerateRules;
  asOf?: AsOf;
  timezone: string;
  diagnostics: Diagnostic[];
  distribution?: Distribution;
  stateSummary?: ReadSummary;
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
  failed: boolean;
}

/**
 * The job behind `tierwise rerate`: the state read, the customers evaluated as of the run's date
 * on the compiled path, each customer stepped (rerate), and what the data and the state disagree
 * on said: customers the data lacks (TW1422), ratings later than the run (TW1423).
 */
export async function rerateJob(policy: Policy, options: RerateJobOptions): Promise<RerateJob> {
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const rules = rerateRules(policy);
  const job: RerateJob = { rules, timezone, diagnostics: [], failed: true };
  const asOf = parseAsOf(options.asOf, { timezone, now: options.now });
  if (!isAsOf(asOf)) return { ...job, diagnostics: asOf };
  job.asOf = asOf;
  let states = new Map<string, TierState>();
  if (options.state !== undefined) {
    const read = await readState(options.state, {
      ...stateOptions(policy),
      onError: options.onError,
      encoding: options.encoding,
    });
    job.diagnostics.push(...read.diagnostics);
    job.stateSummary = read.summary;
    if (read.failed) return job;
    states = read.states;
  }
  const future = ratedAfter(states.values(), asOf.day, asOf.date, options.state);
  if (future.length > 0) {
    job.diagnostics.push(...future);
    return job;
  }
  const compiled = compilePolicy(policy);
  const run = await runEvaluation(policy, {
    evaluate: async (customers, o) => compiled.evaluate(customers, { asOf: o.asOf }),
    customers: options.customers,
    transactions: options.transactions,
    asOf: options.asOf,
    now: options.now,
    onError: options.onError,
    encoding: options.encoding,
    sheet: options.sheet,
  });
  job.diagnostics.push(...run.diagnostics);
  job.customersSummary = run.customersSummary;
  job.transactionsSummary = run.transactionsSummary;
  job.distribution = run.distribution;
  if (run.failed || (options.onError === 'fail' && hasErrors(run.diagnostics))) return job;
  const outcome = rerate(rules, states, run.results, asOf.day);
  job.diagnostics.push(...absentFromData(outcome.absent, options.state));
  return { ...job, outcome, failed: false };
}
