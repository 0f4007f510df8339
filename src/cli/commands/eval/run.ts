import { chooseEvaluator } from '../../../compile/evaluate.js';
import type { ReadSummary } from '../../../data/index.js';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { escapeUnsafe } from '../../../diagnostics/render/width.js';
import { tierDistribution } from '../../../engine/distribution.js';
import type { CustomerResult } from '../../../engine/evaluate.js';
import {
  canStream,
  type RunOptions,
  runEvaluation,
  type StreamedRun,
  streamEvaluation,
} from '../../../engine/run.js';
import { formatCount } from '../../../format/number.js';
import type { Language } from '../../../i18n/language.js';
import { t } from '../../../i18n/text.js';
import { type AtomicFile, openAtomicFile } from '../../../io/atomic-write.js';
import type { Policy } from '../../../policy/schema/policy.js';
import { renderDistribution } from '../../../report/distribution.js';
import { renderResults } from '../../../report/results.js';
import { evaluatePopulationParallel } from '../../../simulate/parallel.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  cannotWrite,
  customerDataExit,
  failedExit,
  policyFor,
  reportRun,
  untieredExit,
  writeReport,
} from '../../population/run.js';
import type { EvalOptions } from '../eval.js';
import { readOverrides, withOverrides } from './overrides.js';

export async function evaluate(opts: EvalOptions, io: CliIO): Promise<number> {
  const badAsOf =
    factsUsageExit(opts, io) ?? customerDataExit(opts, io, opts.lang) ?? asOfExit(opts.asOf, io, opts.lang);
  if (badAsOf !== undefined) return badAsOf;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const overrides = opts.overrides ? await readOverrides(policy, opts, io) : undefined;
  if (typeof overrides === 'number') return overrides;
  if (opts.engine === 'duckdb') {
    if (opts.summary && !opts.overrides && !opts.customer && !opts.explain && policy.tiers !== undefined)
      return summarized(policy, opts, io);
    io.err(`${t(opts.lang, 'cli.duckdbSummaryOnly')}\n`);
    return EXIT.usage;
  }
  const { evaluate, notes } = chooseEvaluator(policy, opts.engine);
  const runOptions: RunOptions = {
    evaluate,
    explain: opts.explain,
    customers: opts.data,
    transactions: opts.transactions,
    asOf: opts.asOf,
    onError: opts.onError,
    encoding: opts.encoding,
    sheet: opts.sheet,
    only: opts.customer,
  };
  // The distribution alone needs no object per customer: the batch form reads columns. A policy
  // without tiers has no distribution to count that way: its summary is the customers evaluated.
  if (
    opts.summary &&
    !opts.overrides &&
    opts.engine === 'compiled' &&
    notes.length === 0 &&
    !opts.customer &&
    !opts.explain &&
    policy.tiers !== undefined
  )
    return summarized(policy, opts, io);
  // Row-by-row output of a policy that needs no population or transaction join is streamed:
  // memory then follows a chunk, not the file. --on-error fail keeps the whole run, so a bad
  // row never leaves half the results printed.
  const streamable =
    !opts.overrides &&
    canStream(policy, runOptions) &&
    opts.onError !== 'fail' &&
    (opts.summary || opts.format === 'ndjson' || opts.format === 'csv');
  if (streamable) return streamed(policy, runOptions, notes, opts, io);
  const run = await runEvaluation(policy, runOptions);
  run.diagnostics.unshift(...notes);
  reportRun(run.diagnostics, io, opts.lang);
  if (run.failed) return failedExit(run.diagnostics);
  if (opts.customer) {
    const missing = opts.customer.filter((id) => !run.results.some((r) => r.customer === id));
    if (missing.length > 0)
      io.err(
        `${escapeUnsafe(t(opts.lang, 'cli.noCustomer', { ids: missing.join(', '), file: opts.data ?? opts.transactions ?? '' }))}\n`,
      );
  }
  const overridden = overrides ? withOverrides(policy, run.results, overrides, opts, io) : undefined;
  const results = overridden?.results ?? run.results;
  const distribution = overridden?.distribution ?? run.distribution;
  const input = {
    policy,
    results,
    facts: run.facts,
    distribution,
    ...(overridden ? { overridden: overridden.notes } : {}),
    diagnostics: run.diagnostics,
    asOf: run.asOf?.date,
    explain: opts.explain,
    language: opts.lang,
    withFacts: opts.facts,
  };
  const text = opts.summary
    ? renderDistribution(opts.format, distribution, { language: opts.lang })
    : renderResults(opts.format, input);
  const written = await writeReport(
    text,
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  io.err(`${summaryLine(opts.lang, run.results.length, run)}\n`);
  const untiered = untieredExit(distribution, opts.allowUntiered, io, opts.lang);
  return hasErrors(run.diagnostics) && opts.onError === 'fail' ? EXIT.findings : untiered;
}

/** `--facts` goes with a format that lists customers: csv, ndjson or json, not a table or --summary. */
function factsUsageExit(opts: EvalOptions, io: CliIO): number | undefined {
  if (!opts.facts) return undefined;
  if (opts.summary) io.err(`${t(opts.lang, 'factsout.factsSummary')}\n`);
  else if (opts.format === 'table')
    io.err(`${t(opts.lang, 'factsout.factsFormat', { format: opts.format })}\n`);
  else return undefined;
  return EXIT.usage;
}

/** What a run read, on stderr after its report: customers, rows, transactions, the as-of date. */
export function summaryLine(
  language: Language,
  evaluated: number,
  read: {
    customersSummary?: ReadSummary;
    transactionsSummary?: ReadSummary;
    asOf?: { date: string; timezone: string };
  },
): string {
  const skipped = (s?: ReadSummary) =>
    s && s.rowsSkipped > 0
      ? t(language, 'cli.skipped', {
          rows: s.rowsSkipped,
          codes: Object.entries(s.byCode)
            .map(([c, n]) => `${c} ×${formatCount(n)}`)
            .join(', '),
        })
      : '';
  const { customersSummary: customers, transactionsSummary: transactions, asOf } = read;
  const parts = [
    t(language, 'cli.evaluated', {
      customers: evaluated,
      rows: customers?.rowsRead ?? 0,
      skipped: skipped(customers),
    }),
  ];
  if (transactions)
    parts.push(
      t(language, 'cli.transactionsRead', {
        transactions: transactions.rowsRead,
        skipped: skipped(transactions),
      }),
    );
  if (asOf) parts.push(t(language, 'cli.asOf', { date: asOf.date, zone: asOf.timezone }));
  return parts.join(t(language, 'cli.separator'));
}

async function summarized(policy: Policy, opts: EvalOptions, io: CliIO): Promise<number> {
  const run = await evaluatePopulationParallel(policy, {
    workers: opts.workers,
    customers: opts.data,
    transactions: opts.transactions,
    asOf: opts.asOf,
    onError: opts.onError,
    encoding: opts.encoding,
    sheet: opts.sheet,
    engine: opts.engine === 'duckdb' ? 'duckdb' : 'js',
  });
  reportRun(run.diagnostics, io, opts.lang);
  if (run.failed) return failedExit(run.diagnostics);
  const text = renderDistribution(opts.format, run.distribution, { language: opts.lang });
  const written = await writeReport(
    text,
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  io.err(`${summaryLine(opts.lang, run.evaluated, run)}\n`);
  if (run.engine === 'duckdb') io.err(`${t(opts.lang, 'cli.engineUsed', { engine: 'DuckDB' })}\n`);
  const untiered = untieredExit(run.distribution, opts.allowUntiered, io, opts.lang);
  return hasErrors(run.diagnostics) && opts.onError === 'fail' ? EXIT.findings : untiered;
}

async function streamed(
  policy: Policy,
  runOptions: RunOptions,
  notes: Diagnostic[],
  opts: EvalOptions,
  io: CliIO,
): Promise<number> {
  let out: AtomicFile | undefined;
  try {
    out = opts.out ? await openAtomicFile(opts.out) : undefined;
  } catch (error) {
    io.err(`${cannotWrite(opts.lang, opts.out, error)}\n`);
    return EXIT.usage;
  }
  const write = async (text: string) => (out ? out.write(text) : io.out(text));
  if (out && opts.format === 'csv') await write('\uFEFF');
  let first = true;
  const empty = tierDistribution(policy, []);
  const render = (results: CustomerResult[], facts: ReadonlyMap<string, Record<string, unknown>>) =>
    renderResults(opts.format, {
      policy,
      results,
      facts,
      distribution: empty,
      diagnostics: [],
      explain: opts.explain,
      language: opts.lang,
      csvHeader: first,
      withFacts: opts.facts,
    });
  let run: StreamedRun;
  try {
    run = await streamEvaluation(policy, runOptions, async (results, facts) => {
      if (opts.summary) return;
      await write(render(results, facts));
      first = false;
    });
    if (!run.failed) {
      if (opts.summary)
        await write(renderDistribution(opts.format, run.distribution, { language: opts.lang }));
      else if (first && opts.format === 'csv') await write(render([], new Map()));
      await out?.commit();
    } else await out?.abort();
  } catch (error) {
    await out?.abort();
    io.err(`${cannotWrite(opts.lang, opts.out, error)}\n`);
    return EXIT.usage;
  }
  const diagnostics = [...notes, ...run.diagnostics];
  reportRun(diagnostics, io, opts.lang);
  if (run.failed) return failedExit(diagnostics);
  io.err(
    `${summaryLine(opts.lang, run.evaluated, { customersSummary: run.customersSummary })}${t(opts.lang, 'cli.streamed')}\n`,
  );
  return untieredExit(run.distribution, opts.allowUntiered, io, opts.lang);
}
