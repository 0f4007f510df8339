import { closeSync, openSync, readSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { VERIFY_KEY_ENV } from '../../artifact/keys.js';
import { loadPoliciesFrom } from '../../artifact/load-mapped.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../diagnostics/render/index.js';
import { escapeUnsafe } from '../../diagnostics/render/width.js';
import { systemReason } from '../../diagnostics/system-error.js';
import { NO_UNTIERED, parseAllowance } from '../../engine/allowance.js';
import { type UntieredCause, untieredFinding } from '../../engine/untiered.js';
import { isAsOf, parseAsOf } from '../../facts/asof.js';
import { noCustomerData } from '../../facts/customer-source.js';
import type { Language } from '../../i18n/language.js';
import { render, t } from '../../i18n/text.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { Policy } from '../../policy/schema/policy.js';
import { untieredLines } from '../../report/untiered.js';
import { writtenLine } from '../../report/written.js';
import { chooseEngine } from '../../simulate/engine-choice.js';
import { tiersNeeded } from '../../simulate/needs-tiers.js';
import type { PopulationOptions } from '../../simulate/population.js';
import { type CliIO, EXIT } from '../io.js';
import { type DataOptions, readOptions } from '../population.js';
import type { RemoteOptions } from '../remote.js';

/**
 * A policy file or artifact for a population command. With a verification key configured only
 * artifacts signed with it are accepted: a plain file is unverified too. Warnings (an unsigned
 * artifact) are shown; errors end the command.
 */
export async function policyFor(
  path: string | undefined,
  opts: { key?: string; mapping?: string; lang?: Language } & RemoteOptions,
  io: CliIO,
): Promise<Policy | number> {
  if (opts.server !== undefined) {
    const { remotePolicy } = await import('../remote.js');
    return remotePolicy(path, opts, io);
  }
  if (path === undefined) {
    io.err(`${t(opts.lang ?? 'en', 'cli.needPolicy')}\n`);
    return EXIT.usage;
  }
  const policies = await policiesFor([path], opts, io);
  return typeof policies === 'number' ? policies : policies[0]!;
}

/** Several policies read through one column mapping (`--mapping`), as policyFor reads one. */
export async function policiesFor(
  paths: readonly string[],
  opts: { key?: string; mapping?: string; lang?: Language },
  io: CliIO,
): Promise<Policy[] | number> {
  const keyed = opts.key !== undefined || process.env[VERIFY_KEY_ENV] !== undefined;
  const loaded = await loadPoliciesFrom(paths, {
    key: opts.key,
    requireArtifact: keyed,
    mapping: opts.mapping,
  });
  if (loaded.diagnostics.length > 0)
    io.err(
      renderDiagnostics('text', {
        diagnostics: loaded.diagnostics,
        sources: loaded.sources,
        color: io.isTTY,
        files: [...paths],
        summary: false,
        language: opts.lang,
      }),
    );
  if (!loaded.policies) return failedExit(loaded.diagnostics, ['TW0001']);
  return loaded.policies;
}

/** Says on stderr that DuckDB evaluated the run (the JavaScript path is the default, said by nothing). */
export function engineNote(
  opts: Pick<DataOptions, 'engine' | 'data' | 'transactions' | 'lang'>,
  io: CliIO,
): void {
  if (chooseEngine(opts.engine, { customers: opts.data, transactions: opts.transactions }) === 'duckdb')
    io.err(`${t(opts.lang, 'cli.engineUsed', { engine: 'DuckDB' })}\n`);
}

/** The population options of the data flags, with a progress bar on a terminal. */
export function populationOptions(opts: DataOptions, io: CliIO): PopulationOptions & { stop(): void } {
  const bar = progressBar(opts.data, io, opts.lang);
  return {
    ...readOptions(opts),
    workers: opts.workers,
    engine: opts.engine,
    threads: opts.workers,
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

/** A run's diagnostics on stderr, as every command shows them: at most 20 of a code, then a count. */
export function reportRun(diagnostics: readonly Diagnostic[], io: CliIO, language: Language = 'en'): void {
  if (diagnostics.length === 0) return;
  io.err(
    renderDiagnostics('text', {
      diagnostics: [...diagnostics],
      sources: new Map(),
      color: io.isTTY,
      summary: false,
      maxPerCode: 20,
      language,
    }),
  );
}

/**
 * TW0640 before anything is read: a population command needs a customer file, a transaction log
 * (its customer ids are then the customers), or both. A usage error (exit 2).
 */
export function customerDataExit(
  opts: { data?: string; transactions?: string },
  io: CliIO,
  language: Language,
): number | undefined {
  const problem = noCustomerData({ customers: opts.data, transactions: opts.transactions });
  if (!problem) return undefined;
  reportRun([problem], io, language);
  return EXIT.usage;
}

/** TW0320 when a command that compares tiers is given a policy without them (exit 1). */
export function tiersExit(
  policies: readonly { policy: Policy; file?: string }[],
  command: string,
  io: CliIO,
  language: Language,
): number | undefined {
  const found = policies.flatMap((p) => tiersNeeded(p.policy, command, p.file) ?? []);
  if (found.length === 0) return undefined;
  reportRun(found, io, language);
  return EXIT.findings;
}

/**
 * `--as-of` checked before anything is read: a date that does not exist or cannot be read is a
 * usage error (exit 2), whichever path the run would take and whether or not it reads a log.
 */
export function asOfExit(asOf: string | undefined, io: CliIO, language: Language): number | undefined {
  if (asOf === undefined) return undefined;
  const parsed = parseAsOf(asOf);
  if (isAsOf(parsed)) return undefined;
  reportRun(parsed, io, language);
  return EXIT.usage;
}

/**
 * Says how many customers got no tier and why (stderr), and whether that many may: exit 1 with
 * TW0704 beyond `--allow-untiered`, so a run that tiered nobody never passes for done.
 */
export function untieredExit(
  untiered: { untiered: number; customers: number; untieredCauses: UntieredCause[] },
  allowUntiered: string | undefined,
  io: CliIO,
  language: Language,
): number {
  for (const line of untieredLines(untiered, language)) io.err(`${line}\n`);
  const allowance = parseAllowance(allowUntiered ?? '0');
  const finding = untieredFinding(
    untiered.untiered,
    untiered.customers,
    typeof allowance === 'string' ? NO_UNTIERED : allowance,
    untiered.untieredCauses,
  );
  if (!finding) return EXIT.ok;
  reportRun([finding], io, language);
  return EXIT.findings;
}

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
    io.err(`${cannotWrite(opts.lang ?? 'en', opts.out, error)}\n`);
    return EXIT.usage;
  }
}

/** The line of a report that could not be written: the file is left as it was. */
export function cannotWrite(language: Language, file: string | undefined, error: unknown): string {
  // The reason in words by its code (Node's message repeats the path, the temporary one included),
  // and the path with control characters spelled out: it is echoed to a terminal.
  return t(language, 'cli.cannotWrite', {
    file: escapeUnsafe(file ?? ''),
    reason: render(language, systemReason(error)),
  });
}

/**
 * A bar over the customers read, its total estimated from the file's size and the length of its
 * first rows: exact counts would need a second pass over the file.
 */
function progressBar(
  file: string | undefined,
  io: CliIO,
  language: Language,
): { update(n: number): void; stop(): void } | undefined {
  if (!io.progress || file === undefined) return undefined;
  const estimate = estimateRows(file);
  if (estimate === undefined || estimate < 50_000) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.progress,
      format: t(language, 'cli.progressReading', {
        bar: '{bar}',
        percentage: '{percentage}',
        value: '{value}',
        total: '{total}',
        eta: '{eta_formatted}',
      }),
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
