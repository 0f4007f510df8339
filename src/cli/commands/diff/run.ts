import type { DiagnosticFormat } from '../../../diagnostics/render/index.js';
import { t } from '../../../i18n/text.js';
import { renderSemverDiff, type SemverStatus, semverDiff } from '../../../policy/changes/index.js';
import { type CliIO, EXIT } from '../../io.js';
import { languageOf } from '../../options.js';
import type { DiffOptions } from '../diff.js';

export async function diff(
  oldSpec: string | undefined,
  newSpec: string | undefined,
  opts: DiffOptions,
  io: CliIO,
): Promise<void> {
  if (opts.semver) {
    if (opts.format !== undefined && !['text', 'json', 'sarif', 'github'].includes(opts.format)) {
      io.err(`${t(languageOf(opts), 'cli.diffSemverFormat', { got: opts.format })}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const format = (opts.format ?? 'text') as DiagnosticFormat;
    process.exitCode = await semverMode(oldSpec, newSpec, { ...opts, format }, io);
    return;
  }
  if (
    opts.from !== undefined ||
    opts.to !== undefined ||
    opts.data !== undefined ||
    opts.transactions !== undefined
  ) {
    // The population mode loads the data readers and reports; `diff --semver` in CI needs neither.
    const { populationMode } = await import('./population.js');
    process.exitCode = await populationMode(opts, io);
    return;
  }
  io.err(`${t(languageOf(opts), 'cli.diffChoose', { command: 'tierwise diff' })}\n`);
  process.exitCode = EXIT.usage;
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
    io.err(`${t(languageOf(opts), 'cli.diffSemverNeeds', { command: 'tierwise diff --semver' })}\n`);
    return EXIT.usage;
  }
  const diff = await semverDiff(oldSpec, newSpec, { maxBytes: opts.maxBytes });
  const text = renderSemverDiff(opts.format, diff, io.isTTY, languageOf(opts));
  // Read errors in text go where eval's go; a machine format stays on stdout for its reader.
  if (diff.status === 'unreadable' && opts.format === 'text') io.err(text);
  else io.out(text);
  return SEMVER_EXIT[diff.status];
}
