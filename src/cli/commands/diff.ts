import type { Command } from 'commander';
import { Option } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import { renderSemverDiff, type SemverStatus, semverDiff } from '../../policy/changes/index.js';
import { type CliIO, EXIT } from '../io.js';

/**
 * `tierwise diff` compares two things, one mode per option: `--semver OLD NEW` compares two
 * versions of a policy. Each mode is a function below; the action only picks one.
 */
interface DiffOptions {
  semver: boolean;
  format: DiagnosticFormat;
  maxBytes?: number;
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
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(async (oldSpec: string | undefined, newSpec: string | undefined, opts: DiffOptions) => {
      if (opts.semver) {
        process.exitCode = await semverMode(oldSpec, newSpec, opts, io);
        return;
      }
      io.err('tierwise diff: choose what to compare: --semver OLD NEW (two versions of a policy)\n');
      process.exitCode = EXIT.usage;
    });
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
  opts: DiffOptions,
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
