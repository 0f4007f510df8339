import type { Command } from 'commander';
import { Option } from 'commander';
import { chooseEvaluator, type EngineChoice } from '../../compile/evaluate.js';
import { type EncodingOption, ON_ERROR, type OnError, type ReadSummary } from '../../data/index.js';
import { ENCODINGS } from '../../data/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { tierDistribution } from '../../engine/distribution.js';
import type { CustomerResult } from '../../engine/evaluate.js';
import {
  canStream,
  type RunOptions,
  runEvaluation,
  type StreamedRun,
  streamEvaluation,
} from '../../engine/run.js';
import { type AtomicFile, openAtomicFile } from '../../io/atomic-write.js';
import type { Policy } from '../../policy/schema/policy.js';
import { renderDistribution } from '../../report/distribution.js';
import { RESULT_FORMATS, type ResultFormat, renderResults } from '../../report/results.js';
import { evaluatePopulationParallel } from '../../simulate/parallel.js';
import { type CliIO, EXIT } from '../io.js';
import { failedExit, parseWorkers, policyFor, reportRun, writeReport } from '../population.js';

interface EvalOptions {
  policy: string;
  data: string;
  transactions?: string;
  customer?: string[];
  asOf?: string;
  format: ResultFormat;
  explain: boolean;
  summary: boolean;
  out?: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  lang: 'en' | 'zh-CN';
  engine: EngineChoice;
  key?: string;
  workers?: number;
}

export function registerEval(program: Command, io: CliIO): void {
  program
    .command('eval')
    .description(
      'evaluate customers against a policy: tier, score, classes, SLA and entitlements, with --explain the reasons',
    )
    .requiredOption('--policy <file>', 'the policy (*.tier.yaml) or a policy artifact (*.tierpkg.tgz)')
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .requiredOption('--data <file>', 'customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option('--transactions <file>', 'transaction log for aggregate facts (sums, recency, trends)')
    .option('--customer <id...>', 'only these customers (quotas still rank everyone)')
    .option(
      '--workers <n>',
      'worker threads for --summary of a large CSV (default: the machine’s cores; 1: none)',
      parseWorkers,
    )
    .option(
      '--as-of <date>',
      'the date windows end on: 2024-03-01, a date-time with offset, or today',
      'today',
    )
    .addOption(new Option('--format <format>', 'output format').choices([...RESULT_FORMATS]).default('table'))
    .option('--explain', 'every metric, the deciding rule and what it takes to move up', false)
    .option('--summary', 'print only the tier distribution (customers and revenue per tier)', false)
    .option('--out <file>', 'write results here (atomically) instead of stdout')
    .addOption(
      new Option('--on-error <mode>', 'what a bad row does').choices([...ON_ERROR]).default('report'),
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of data files')
        .choices([...ENCODINGS])
        .default('auto'),
    )
    .option('--sheet <name>', 'xlsx: the sheet to read (default: the first)')
    .addOption(new Option('--lang <language>', 'language of labels').choices(['en', 'zh-CN']).default('en'))
    .addOption(
      new Option('--engine <engine>', 'compiled (fast) or reference (json-rules-engine)')
        .choices(['compiled', 'reference'])
        .default('compiled'),
    )
    .action(async (opts: EvalOptions) => {
      process.exitCode = await evaluate(opts, io);
    });
}

async function evaluate(opts: EvalOptions, io: CliIO): Promise<number> {
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
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
  // The distribution alone needs no object per customer: the batch form reads columns.
  if (opts.summary && opts.engine === 'compiled' && notes.length === 0 && !opts.customer && !opts.explain)
    return summarized(policy, opts, io);
  // Row-by-row output of a policy that needs no population or transaction join is streamed:
  // memory then follows a chunk, not the file. --on-error fail keeps the whole run, so a bad
  // row never leaves half the results printed.
  const streamable =
    canStream(policy, runOptions) &&
    opts.onError !== 'fail' &&
    (opts.summary || opts.format === 'ndjson' || opts.format === 'csv');
  if (streamable) return streamed(policy, runOptions, notes, opts, io);
  const run = await runEvaluation(policy, runOptions);
  run.diagnostics.unshift(...notes);
  reportRun(run.diagnostics, io);
  if (run.failed) return failedExit(run.diagnostics);
  if (opts.customer) {
    const missing = opts.customer.filter((id) => !run.results.some((r) => r.customer === id));
    if (missing.length > 0) io.err(`tierwise: no customer ${missing.join(', ')} in ${opts.data}\n`);
  }
  const input = {
    policy,
    results: run.results,
    facts: run.facts,
    distribution: run.distribution,
    diagnostics: run.diagnostics,
    asOf: run.asOf?.date,
    explain: opts.explain,
    language: opts.lang,
  };
  const text = opts.summary
    ? renderDistribution(opts.format, run.distribution, { language: opts.lang })
    : renderResults(opts.format, input);
  const written = await writeReport(text, { out: opts.out, bom: opts.format === 'csv' }, io);
  if (written !== EXIT.ok) return written;
  io.err(
    `${summaryLine(run.results.length, run.customersSummary, run.transactionsSummary, run.asOf?.date, run.asOf?.timezone)}\n`,
  );
  return hasErrors(run.diagnostics) && opts.onError === 'fail' ? EXIT.findings : EXIT.ok;
}

function summaryLine(
  evaluated: number,
  customers?: ReadSummary,
  transactions?: ReadSummary,
  asOf?: string,
  zone?: string,
): string {
  const skipped = (s?: ReadSummary) =>
    s && s.rowsSkipped > 0
      ? ` (${s.rowsSkipped} rows skipped: ${Object.entries(s.byCode)
          .map(([c, n]) => `${c} ×${n}`)
          .join(', ')})`
      : '';
  const parts = [
    `evaluated ${evaluated} customers from ${customers?.rowsRead ?? 0} rows${skipped(customers)}`,
  ];
  if (transactions) parts.push(`${transactions.rowsRead} transactions${skipped(transactions)}`);
  if (asOf) parts.push(`as of ${asOf} (${zone})`);
  return parts.join('; ');
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
  });
  reportRun(run.diagnostics, io);
  if (run.failed) return failedExit(run.diagnostics);
  const text = renderDistribution(opts.format, run.distribution, { language: opts.lang });
  const written = await writeReport(text, { out: opts.out, bom: opts.format === 'csv' }, io);
  if (written !== EXIT.ok) return written;
  io.err(
    `${summaryLine(run.evaluated, run.customersSummary, run.transactionsSummary, run.asOf?.date, run.asOf?.timezone)}\n`,
  );
  return hasErrors(run.diagnostics) && opts.onError === 'fail' ? EXIT.findings : EXIT.ok;
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
    io.err(`tierwise: cannot write ${opts.out}: ${(error as Error).message}; nothing was written\n`);
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
    io.err(`tierwise: cannot write ${opts.out}: ${(error as Error).message}; nothing was written\n`);
    return EXIT.usage;
  }
  const diagnostics = [...notes, ...run.diagnostics];
  reportRun(diagnostics, io);
  if (run.failed) return failedExit(diagnostics);
  io.err(`${summaryLine(run.evaluated, run.customersSummary)} (streamed)\n`);
  return EXIT.ok;
}
