import { t } from '../../../i18n/text.js';
import type { Policy } from '../../../policy/schema/policy.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../../report/formats.js';
import { renderDiff } from '../../../report/simulation/index.js';
import { diffPolicies } from '../../../simulate/diff.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  engineNote,
  failedExit,
  policiesFor,
  populationOptions,
  reportRun,
  tiersExit,
  untieredExit,
  writeReport,
} from '../../population/run.js';
import type { DataOptions } from '../../population.js';
import type { DiffOptions } from '../diff.js';

export async function populationMode(opts: DiffOptions, io: CliIO): Promise<number> {
  const format = (opts.format ?? 'table') as SimulationFormat;
  const limit = Number(opts.limit);
  if (
    !opts.from ||
    !opts.to ||
    (!opts.data && !opts.transactions) ||
    !SIMULATION_FORMATS.includes(format) ||
    !(Number.isInteger(limit) && limit >= 0)
  ) {
    io.err(
      `${t(opts.lang ?? 'en', 'cli.diffPopulationNeeds', { formats: SIMULATION_FORMATS.join(', ') })}\n`,
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
  const tierless = tiersExit(
    [
      { policy: from, file: opts.from },
      { policy: to, file: opts.to },
    ],
    'diff',
    io,
    data.lang,
  );
  if (tierless !== undefined) return tierless;
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
    { out: opts.out, bom: format === 'csv', format, lang: data.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  engineNote(data, io);
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
