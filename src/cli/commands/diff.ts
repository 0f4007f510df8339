import type { Command } from 'commander';
import { Option } from 'commander';
import { ON_ERROR } from '../../data/index.js';
import { ENCODINGS } from '../../data/types.js';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import { renderSemverDiff, type SemverStatus, semverDiff } from '../../policy/changes/index.js';
import { renderDiff, SIMULATION_FORMATS, type SimulationFormat } from '../../report/simulation/index.js';
import { diffPolicies } from '../../simulate/diff.js';
import { type CliIO, EXIT } from '../io.js';
import {
  type DataOptions,
  failedExit,
  policyFor,
  populationOptions,
  reportRun,
  writeReport,
} from '../population.js';

/**
 * `tierwise diff` compares two things, one mode per option: `--semver OLD NEW` compares two
 * versions of a policy; `--from A --to B --data D` compares what two policies do to a
 * population. Each mode is a function below; the action only picks one.
 */
interface DiffOptions extends Partial<DataOptions> {
  semver: boolean;
  format: DiagnosticFormat | SimulationFormat;
  maxBytes?: number;
  from?: string;
  to?: string;
  limit: string;
  kpi?: string[];
}

export function registerDiff(program: Command, io: CliIO): void {
  program
    .command('diff')
    .description(
      'compare policies; --semver OLD NEW: classify each change major/minor/patch and fail when the version is not bumped enough',
    )
    .argument(
      '[old]',
      'the old policy: a file, or a git revision REF:path (e.g. origin/main:policies/x.tier.yaml)',
    )
    .argument('[new]', 'the new policy: a file (or REF:path)')
    .option('--semver', 'check that metadata.version is bumped at least as much as the changes need', false)
    .option('--from <policy>', 'population mode: the current policy (file or artifact)')
    .option('--to <policy>', 'population mode: the proposed policy (file or artifact)')
    .option('--data <file>', 'population mode: customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option('--transactions <file>', 'population mode: transaction log for aggregate facts')
    .option('--as-of <date>', 'population mode: the date windows end on', 'today')
    .addOption(
      new Option('--on-error <mode>', 'what a bad row does').choices([...ON_ERROR]).default('report'),
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of data files')
        .choices([...ENCODINGS])
        .default('auto'),
    )
    .option('--sheet <name>', 'xlsx: the sheet to read')
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .option('--limit <n>', 'population mode: movers listed (all are counted)', '1000')
    .option('--kpi <fact...>', 'population mode: facts to average per tier')
    .option('--out <file>', 'population mode: write the report here (atomically)')
    .addOption(
      new Option('--lang <language>', 'language of headings and labels')
        .choices(['en', 'zh-CN'])
        .default('en'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'output format: text|json|sarif|github for --semver; table|json|csv|md|html for a population',
      ).choices(['text', 'json', 'sarif', 'github', ...SIMULATION_FORMATS]),
    )
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(async (oldSpec: string | undefined, newSpec: string | undefined, opts: DiffOptions) => {
      if (opts.semver) {
        if (opts.format !== undefined && !['text', 'json', 'sarif', 'github'].includes(opts.format)) {
          io.err(
            `tierwise diff --semver: --format is one of text, json, sarif, github (got ${opts.format})\n`,
          );
          process.exitCode = EXIT.usage;
          return;
        }
        const format = (opts.format ?? 'text') as DiagnosticFormat;
        process.exitCode = await semverMode(oldSpec, newSpec, { ...opts, format }, io);
        return;
      }
      if (opts.from !== undefined || opts.to !== undefined || opts.data !== undefined) {
        process.exitCode = await populationMode(opts, io);
        return;
      }
      io.err(
        'tierwise diff: choose what to compare: --semver OLD NEW (two versions of a policy), or --from A --to B --data D (what they do to a population)\n',
      );
      process.exitCode = EXIT.usage;
    });
}

async function populationMode(opts: DiffOptions, io: CliIO): Promise<number> {
  const format = (opts.format ?? 'table') as SimulationFormat;
  const limit = Number(opts.limit);
  if (
    !opts.from ||
    !opts.to ||
    !opts.data ||
    !SIMULATION_FORMATS.includes(format) ||
    !(Number.isInteger(limit) && limit >= 0)
  ) {
    io.err(
      `tierwise diff: the population mode needs --from A --to B --data D, --format one of ${SIMULATION_FORMATS.join(', ')} and --limit a whole number\n`,
    );
    return EXIT.usage;
  }
  const data = opts as DataOptions;
  const from = await policyFor(opts.from, data, io);
  if (typeof from === 'number') return from;
  const to = await policyFor(opts.to, data, io);
  if (typeof to === 'number') return to;
  const population = populationOptions(data, io);
  const diff = await diffPolicies(
    { policy: from, file: opts.from },
    { policy: to, file: opts.to },
    { ...population, limit, kpis: opts.kpi },
  );
  population.stop();
  reportRun(diff.diagnostics, io);
  if (diff.failed) return failedExit(diff.diagnostics);
  return writeReport(
    renderDiff(format, diff, { lang: data.lang }),
    { out: opts.out, bom: format === 'csv', format, lang: data.lang },
    io,
  );
}

const SEMVER_EXIT: Record<SemverStatus, number> = {
  ok: EXIT.ok,
  new: EXIT.ok,
  'not-bumped': EXIT.findings,
  lowered: EXIT.findings,
  unreadable: EXIT.usage,
};

async function semverMode(
  oldSpec: string | undefined,
  newSpec: string | undefined,
  opts: DiffOptions & { format: DiagnosticFormat },
  io: CliIO,
): Promise<number> {
  if (oldSpec === undefined || newSpec === undefined) {
    io.err(
      'tierwise diff --semver: needs OLD and NEW, e.g. diff --semver origin/main:policies/x.tier.yaml policies/x.tier.yaml\n',
    );
    return EXIT.usage;
  }
  const diff = await semverDiff(oldSpec, newSpec, { maxBytes: opts.maxBytes });
  const text = renderSemverDiff(opts.format, diff, io.isTTY);
  // Read errors in text go where eval's go; a machine format stays on stdout for its reader.
  if (diff.status === 'unreadable' && opts.format === 'text') io.err(text);
  else io.out(text);
  return SEMVER_EXIT[diff.status];
}
