import { compilePolicy } from '../compile/policy.js';
import type { EncodingOption, OnError, ReadSummary } from '../data/index.js';
import { DEFAULT_MAX_DIAGNOSTICS } from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { Distribution } from '../engine/distribution.js';
import { runEvaluation } from '../engine/run.js';
import { type AsOf, isAsOf, parseAsOf } from '../facts/asof.js';
import { formatDay } from '../facts/calendar.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { type RerateOutcome, rerate } from './rerate.js';
import { levelOf, nextReview, type RerateRules, rerateRules } from './rules.js';
import { readState } from './state.js';
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
      tiers: rules.tiers,
      timezone,
      onError: options.onError,
      encoding: options.encoding,
    });
    job.diagnostics.push(...read.diagnostics);
    job.stateSummary = read.summary;
    if (read.failed) return job;
    states = read.states;
  }
  const future = [...states.values()].filter((s) => s.ratedAt !== undefined && s.ratedAt > asOf.day);
  if (future.length > 0) {
    job.diagnostics.push(
      ...future.slice(0, DEFAULT_MAX_DIAGNOSTICS).map((s) =>
        diagnostic(
          'TW1423',
          msg('rerate.fromFuture', {
            customer: s.customer,
            ratedAt: formatDay(s.ratedAt!),
            asOf: asOf.date,
          }),
          { file: options.state, help: msg('rerate.fromFutureHelp') },
        ),
      ),
    );
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
  if (outcome.absent.length > 0)
    job.diagnostics.push(
      diagnostic(
        'TW1422',
        msg('rerate.absent', { count: outcome.absent.length, first: outcome.absent[0]! }),
        {
          file: options.state,
          help: msg('rerate.absentHelp'),
        },
      ),
    );
  return { ...job, outcome, failed: false };
}

/** The day a state is next reviewed, by the rules it was rated under. */
export function stateNextReview(rules: RerateRules, state: TierState): number | undefined {
  if (state.tier === undefined || state.ratedAt === undefined) return undefined;
  return nextReview(rules, levelOf(rules, state.tier), state.ratedAt);
}
