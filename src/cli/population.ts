import { closeSync, openSync, readSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { VERIFY_KEY_ENV } from '../artifact/keys.js';
import { type LoadedPolicy, loadPolicyFrom } from '../artifact/load.js';
import { ON_ERROR, type OnError } from '../data/index.js';
import { ENCODINGS, type EncodingOption } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../diagnostics/render/index.js';
import type { Language } from '../i18n/language.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { Policy } from '../policy/schema/policy.js';
import { writtenLine } from '../report/written.js';
import type { PopulationOptions } from '../simulate/population.js';
import { type CliIO, EXIT } from './io.js';

export function parseWorkers(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError('expected a whole number from 1 to 256');
  return n;
}

/** The data options every population command (simulate, diff, calibrate) takes. */
export interface DataOptions {
  data: string;
  transactions?: string;
  asOf: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  key?: string;
  workers?: number;
  out?: string;
  lang: 'en' | 'zh-CN';
}

export function addDataOptions(command: Command): Command {
  return command
    .requiredOption('--data <file>', 'customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option('--transactions <file>', 'transaction log for aggregate facts (sums, recency, trends)')
    .option(
      '--workers <n>',
      'worker threads reading a large CSV (default: the machine’s cores; 1: none)',
      parseWorkers,
    )
    .option(
      '--as-of <date>',
      'the date windows end on: 2024-03-01, a date-time with offset, or today',
      'today',
    )
    .addOption(
      new Option('--on-error <mode>', 'what a bad row does').choices([...ON_ERROR]).default('report'),
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of data files')
        .choices([...ENCODINGS])
        .default('auto'),
    )
    .option('--sheet <name>', 'xlsx: the sheet to read (default: the first)')
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .option('--out <file>', 'write the report here (atomically) instead of stdout')
    .addOption(
      new Option('--lang <language>', 'language of headings and labels')
        .choices(['en', 'zh-CN'])
        .default('en'),
    );
}

/**
 * A policy file or artifact for a population command. With a verification key configured only
 * artifacts signed with it are accepted: a plain file is unverified too. Warnings (an unsigned
 * artifact) are shown; errors end the command.
 */
export async function policyFor(path: string, opts: { key?: string }, io: CliIO): Promise<Policy | number> {
  const keyed = opts.key !== undefined || process.env[VERIFY_KEY_ENV] !== undefined;
  const loaded: LoadedPolicy = await loadPolicyFrom(path, { key: opts.key, requireArtifact: keyed });
  if (loaded.diagnostics.length > 0)
    io.err(
      renderDiagnostics('text', {
        diagnostics: loaded.diagnostics,
        sources: loaded.sources,
        color: io.isTTY,
        files: [path],
        summary: false,
      }),
    );
  if (!loaded.policy) return failedExit(loaded.diagnostics, ['TW0001']);
  return loaded.policy;
}

/** The population options of the data flags, with a progress bar on a terminal. */
export function populationOptions(opts: DataOptions, io: CliIO): PopulationOptions & { stop(): void } {
  const bar = progressBar(opts.data, io);
  return {
    customers: opts.data,
    transactions: opts.transactions,
    asOf: opts.asOf,
    onError: opts.onError,
    encoding: opts.encoding,
    sheet: opts.sheet,
    workers: opts.workers,
    onProgress: bar?.update,
    stop: () => bar?.stop(),
  };
}

/**
 * The exit code of a command that could not finish: a file that cannot be read (or an option
 * that cannot be used) is a usage error, anything else a finding.
 */
export function failedExit(
  diagnostics: readonly Diagnostic[],
  usage: readonly string[] = ['TW0601'],
): number {
  return diagnostics.some((d) => usage.includes(d.code)) ? EXIT.usage : EXIT.findings;
}

/** A run's diagnostics on stderr, as every command shows them. */
export function reportRun(diagnostics: readonly Diagnostic[], io: CliIO): void {
  if (diagnostics.length === 0) return;
  io.err(
    renderDiagnostics('text', {
      diagnostics: [...diagnostics],
      sources: new Map(),
      color: io.isTTY,
      summary: false,
    }),
  );
}

/** A report to stdout, or to --out; then one line on stderr says what was written (path, format, size). */
export async function writeReport(
  text: string,
  opts: { out?: string; bom?: boolean; format?: string; lang?: Language },
  io: CliIO,
): Promise<number> {
  if (!opts.out) {
    io.out(text);
    return EXIT.ok;
  }
  try {
    // A BOM lets Excel open a UTF-8 CSV with Chinese text correctly.
    const content = opts.bom ? `\uFEFF${text}` : text;
    await writeFileAtomic(opts.out, content);
    if (opts.format)
      io.err(
        writtenLine(opts.lang ?? 'en', {
          file: opts.out,
          format: opts.format,
          bytes: Buffer.byteLength(content),
        }),
      );
    return EXIT.ok;
  } catch (error) {
    io.err(`tierwise: cannot write ${opts.out}: ${(error as Error).message}; nothing was written\n`);
    return EXIT.usage;
  }
}

/**
 * A bar over the customers read, its total estimated from the file's size and the length of its
 * first rows: exact counts would need a second pass over the file.
 */
function progressBar(file: string, io: CliIO): { update(n: number): void; stop(): void } | undefined {
  if (!io.progress) return undefined;
  const estimate = estimateRows(file);
  if (estimate === undefined || estimate < 50_000) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.progress,
      format: 'reading {bar} {percentage}% | {value}/~{total} customers | {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(estimate, 0);
  return {
    update: (n) => bar.update(Math.min(n, estimate), {}),
    stop: () => {
      bar.update(estimate);
      bar.stop();
    },
  };
}

function estimateRows(file: string): number | undefined {
  try {
    const size = statSync(file).size;
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(Math.min(size, 256 * 1024));
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    let lines = 0;
    for (let i = head.indexOf(10); i >= 0; i = head.indexOf(10, i + 1)) lines++;
    return lines === 0 ? undefined : Math.round((size / head.length) * lines);
  } catch {
    return undefined;
  }
}
