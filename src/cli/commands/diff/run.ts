import type { DiagnosticFormat } from '../../../diagnostics/render/index.js';
import { renderSemverDiff, type SemverStatus, semverDiff } from '../../../policy/changes/index.js';
import type { Policy } from '../../../policy/schema/policy.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../../report/formats.js';
import { renderDiff } from '../../../report/simulation/index.js';
import { diffPolicies } from '../../../simulate/diff.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  failedExit,
  policiesFor,
  populationOptions,
  reportRun,
  untieredExit,
  writeReport,
} from '../../population/run.js';
import type { DataOptions } from '../../population.js';
import type { DiffOptions } from '../diff.js';

export async function diff(
  oldSpec: string | undefined,
  newSpec: string | undefined,
  opts: DiffOptions,
  io: CliIO,
): Promise<void> {
  if (opts.semver) {
    if (opts.format !== undefined && !['text', 'json', 'sarif', 'github'].includes(opts.format)) {
      io.err(`tierwise diff --semver: --format is one of text, json, sarif, github (got ${opts.format})\n`);
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
  const badAsOf = asOfExit(data.asOf, io, data.lang);
  if (badAsOf !== undefined) return badAsOf;
  // One mapping for both: a fact it names must be read by either policy, not necessarily by each.
  const policies = await policiesFor([opts.from, opts.to], data, io);
  if (typeof policies === 'number') return policies;
  const [from, to] = policies as [Policy, Policy];
  const population = populationOptions(data, io);
  const diff = await diffPolicies(
    { policy: from, file: opts.from },
    { policy: to, file: opts.to },
    { ...population, limit, kpis: opts.kpi },
  );
  population.stop();
  reportRun(diff.diagnostics, io, data.lang);
  if (diff.failed) return failedExit(diff.diagnostics);
  const written = await writeReport(
    renderDiff(format, diff, { lang: data.lang }),
    { out: opts.out, bom: format === 'csv' },
    io,
  );
  if (written !== EXIT.ok) return written;
  // Either policy leaving customers untiered beyond the allowance fails the comparison.
  const exits = [diff.simulations.from, diff.simulations.to].map((s) =>
    untieredExit(
      { untiered: s.untiered.customers, customers: s.customers, untieredCauses: s.untieredCauses },
      data.allowUntiered,
      io,
      data.lang,
    ),
  );
  return Math.max(...exits);
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
