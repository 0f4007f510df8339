import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import type { ResultFormat } from '../../../report/formats.js';
import { renderResults, resultColumns } from '../../../report/results.js';
import { writtenLine } from '../../../report/written.js';
import { chooseEngine, onlyDuckReads } from '../../../simulate/engine-choice.js';
import { evaluatePopulationParallel } from '../../../simulate/parallel.js';
import type { PopulationRun } from '../../../simulate/population.js';
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
import { readOptions } from '../../population.js';
import type { EvalOptions } from '../eval.js';
import { readOverrides, withOverrides } from './overrides.js';

export async function evaluate(opts: EvalOptions, io: CliIO): Promise<number> {
  if (opts.format === 'parquet') return toParquet(opts, io);
  return evaluateAs({ ...opts, format: opts.format }, io);
}

/**
 * `--format parquet`: the run writes its CSV (for a program: no BOM, no formula guard) to a
 * temporary file, which DuckDB copies into typed Parquet columns; the Parquet file replaces --out
 * only when whole, and only if the run wrote its results (a failed run writes nothing).
 */
async function toParquet(opts: EvalOptions, io: CliIO): Promise<number> {
  if (opts.out === undefined || opts.summary) {
    io.err(`${t(opts.lang, 'cli.parquetNeedsOut')}\n`);
    return EXIT.usage;
  }
  const dir = await mkdtemp(join(tmpdir(), 'tierwise-parquet-'));
  try {
    const csv = join(dir, 'results.csv');
    const policy: { value?: Policy } = {};
    const code = await evaluateAs({ ...opts, format: 'csv', out: csv, forProgram: true }, io, policy);
    if (!existsSync(csv) || policy.value === undefined) return code;
    try {
      const columns = resultColumns(policy.value, { explain: opts.explain, withFacts: opts.facts });
      const { csvToParquet } = await import('../../../duckdb/parquet-out.js');
      await csvToParquet(csv, opts.out, columns);
    } catch (error) {
      io.err(`${cannotWrite(opts.lang, opts.out, error)}\n`);
      return EXIT.usage;
    }
    io.err(writtenLine(opts.lang, { file: opts.out, format: 'parquet', bytes: statSync(opts.out).size }));
    return code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The options of a run that renders one of the result formats (Parquet is made from its CSV). */
type ResultOptions = EvalOptions & { format: ResultFormat };

async function evaluateAs(opts: ResultOptions, io: CliIO, used: { value?: Policy } = {}): Promise<number> {
  const badAsOf =
    factsUsageExit(opts, io) ?? customerDataExit(opts, io, opts.lang) ?? asOfExit(opts.asOf, io, opts.lang);
  if (badAsOf !== undefined) return badAsOf;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  used.value = policy;
  const engine = opts.engine === 'auto' ? autoEngine(opts) : opts.engine;
  if (engine === 'duckdb' && (opts.explain || opts.overrides)) {
    io.err(`${t(opts.lang, 'cli.duckdbNoExplain')}\n`);
    return EXIT.usage;
  }
  const overrides = opts.overrides ? await readOverrides(policy, opts, io) : undefined;
  if (typeof overrides === 'number') return overrides;
  if (engine === 'duckdb') {
    if (opts.summary && !opts.customer && policy.tiers !== undefined)
      return summarized(policy, opts, 'duckdb', io);
    return onDuck(policy, opts, io);
  }
  const { evaluate, notes } = chooseEvaluator(policy, engine);
  const runOptions: RunOptions = {
    evaluate,
    explain: opts.explain,
    ...readOptions(opts),
    only: opts.customer,
  };
  // The distribution alone needs no object per customer: the batch form reads columns. A policy
  // without tiers has no distribution to count that way: its summary is the customers evaluated.
  if (
    opts.summary &&
    !opts.overrides &&
    engine === 'compiled' &&
    notes.length === 0 &&
    !opts.customer &&
    !opts.explain &&
    policy.tiers !== undefined
  )
    return summarized(policy, opts, 'js', io);
  // Row-by-row output of a policy that needs no population or transaction join is streamed:
  // memory then follows a chunk, not the file. --on-error fail keeps the whole run, so a bad
  // row never leaves half the results printed.
  const streamable =
    !opts.overrides &&
    canStream(policy, runOptions) &&
    opts.onError !== 'fail' &&
    (opts.summary || opts.format === 'ndjson' || opts.format === 'csv');
  if (streamable)
    return streamed(policy, (onChunk) => streamEvaluation(policy, runOptions, onChunk), notes, opts, io);
  const run = await runEvaluation(policy, runOptions);
  run.diagnostics.unshift(...notes);
  reportRun(run.diagnostics, io, opts.lang);
  if (run.failed) return failedExit(run.diagnostics);
  const missing = missingCustomers(opts, run.results, io);
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
    forProgram: opts.forProgram,
  };
  const text = opts.summary
    ? renderDistribution(opts.format, distribution, { language: opts.lang })
    : renderResults(opts.format, input);
  const written = await writeReport(text, reportFile(opts), io);
  if (written !== EXIT.ok) return written;
  io.err(`${summaryLine(opts.lang, run.results.length, run)}\n`);
  const untiered = untieredExit(distribution, opts.allowUntiered, io, opts.lang);
  return missing || (hasErrors(run.diagnostics) && opts.onError === 'fail') ? EXIT.findings : untiered;
}

/** Where writeReport puts a report: a CSV for a spreadsheet gets a BOM; a CSV for a program neither that nor the "wrote" line. */
function reportFile(opts: ResultOptions) {
  const forSheet = !opts.forProgram;
  return {
    out: opts.out,
    bom: opts.format === 'csv' && forSheet,
    format: forSheet ? opts.format : undefined,
    lang: opts.lang,
  };
}

/** `--facts` goes with a format that lists customers: csv, ndjson or json, not a table or --summary. */
function factsUsageExit(opts: ResultOptions, io: CliIO): number | undefined {
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

/**
 * `--engine auto`: DuckDB where chooseEngine takes it (Parquet and database files, large inputs),
 * except that a large CSV asked to explain or to apply overrides stays on the compiled path,
 * which can; a file only DuckDB reads goes there and says what it cannot do.
 */
function autoEngine(opts: ResultOptions): 'compiled' | 'duckdb' {
  const files = { customers: opts.data, transactions: opts.transactions };
  if (chooseEngine('auto', files) === 'js') return 'compiled';
  return (opts.explain || opts.overrides) && !onlyDuckReads(files) ? 'compiled' : 'duckdb';
}

async function summarized(
  policy: Policy,
  opts: ResultOptions,
  engine: 'js' | 'duckdb',
  io: CliIO,
): Promise<number> {
  const run = await evaluatePopulationParallel(policy, {
    workers: opts.workers,
    ...readOptions(opts),
    engine,
  });
  reportRun(run.diagnostics, io, opts.lang);
  if (run.failed) return failedExit(run.diagnostics);
  const text = renderDistribution(opts.format, run.distribution, { language: opts.lang });
  const written = await writeReport(text, reportFile(opts), io);
  if (written !== EXIT.ok) return written;
  io.err(`${summaryLine(opts.lang, run.evaluated, run)}\n`);
  if (run.engine === 'duckdb') io.err(`${t(opts.lang, 'cli.engineUsed', { engine: 'DuckDB' })}\n`);
  const untiered = untieredExit(run.distribution, opts.allowUntiered, io, opts.lang);
  return hasErrors(run.diagnostics) && opts.onError === 'fail' ? EXIT.findings : untiered;
}

/**
 * `eval --engine duckdb` customer by customer: CSV and NDJSON stream as DuckDB gives the rows;
 * a table or JSON holds them for the distribution that closes the report, as on the JavaScript path.
 */
async function onDuck(policy: Policy, opts: ResultOptions, io: CliIO): Promise<number> {
  // DuckDB loads for the runs that use it: its bindings cost a JavaScript run most of its start.
  const { evaluateResultsDuck } = await import('../../../simulate/duckdb-results.js');
  const options = {
    ...readOptions(opts),
    only: opts.customer,
  };
  if (opts.summary || opts.format === 'ndjson' || opts.format === 'csv')
    return streamed(policy, (onChunk) => evaluateResultsDuck(policy, options, onChunk), [], opts, io);
  const results: CustomerResult[] = [];
  const facts = new Map<string, Record<string, unknown>>();
  const run = await evaluateResultsDuck(policy, options, (chunk, chunkFacts) => {
    results.push(...chunk);
    for (const [k, v] of chunkFacts) facts.set(k, v);
  });
  reportRun(run.diagnostics, io, opts.lang);
  if (run.failed) return failedExit(run.diagnostics);
  const missing = missingCustomers(opts, results, io);
  const text = renderResults(opts.format, {
    policy,
    results,
    facts,
    distribution: run.distribution,
    diagnostics: run.diagnostics,
    asOf: run.asOf?.date,
    language: opts.lang,
    withFacts: opts.facts,
    forProgram: opts.forProgram,
  });
  const written = await writeReport(text, reportFile(opts), io);
  if (written !== EXIT.ok) return written;
  io.err(
    `${summaryLine(opts.lang, run.evaluated, run)}\n${t(opts.lang, 'cli.engineUsed', { engine: 'DuckDB' })}\n`,
  );
  const untiered = untieredExit(run.distribution, opts.allowUntiered, io, opts.lang);
  return missing || (hasErrors(run.diagnostics) && opts.onError === 'fail') ? EXIT.findings : untiered;
}

/** Names the customers asked for with --customer that are not in the data; true if any. */
function missingCustomers(opts: EvalOptions, results: readonly CustomerResult[], io: CliIO): boolean {
  if (!opts.customer) return false;
  const found = new Set(results.map((r) => r.customer));
  const missing = opts.customer.filter((id) => !found.has(id));
  if (missing.length === 0) return false;
  io.err(
    `${escapeUnsafe(t(opts.lang, 'cli.noCustomer', { ids: missing.join(', '), file: opts.data ?? opts.transactions ?? '' }))}\n`,
  );
  return true;
}

/** A run that hands its results over chunk by chunk: the JavaScript stream or DuckDB's. */
type ChunkedRun = (
  onChunk: (
    results: CustomerResult[],
    facts: ReadonlyMap<string, Record<string, unknown>>,
  ) => Promise<void> | void,
) => Promise<StreamedRun & Partial<Pick<PopulationRun, 'transactionsSummary' | 'asOf' | 'engine'>>>;

async function streamed(
  policy: Policy,
  source: ChunkedRun,
  notes: Diagnostic[],
  opts: ResultOptions,
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
  if (out && opts.format === 'csv' && !opts.forProgram) await write('\uFEFF');
  let first = true;
  const seen: CustomerResult[] = [];
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
      forProgram: opts.forProgram,
    });
  let run: Awaited<ReturnType<ChunkedRun>>;
  try {
    run = await source(async (results, facts) => {
      if (opts.customer) seen.push(...results);
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
  const missing = missingCustomers(opts, seen, io);
  io.err(`${summaryLine(opts.lang, run.evaluated, run)}${t(opts.lang, 'cli.streamed')}\n`);
  if (run.engine === 'duckdb') io.err(`${t(opts.lang, 'cli.engineUsed', { engine: 'DuckDB' })}\n`);
  const untiered = untieredExit(run.distribution, opts.allowUntiered, io, opts.lang);
  return missing || (hasErrors(diagnostics) && opts.onError === 'fail') ? EXIT.findings : untiered;
}
