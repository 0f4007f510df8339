import { SIMULATION_FORMATS, type SimulationFormat } from '../../../report/formats.js';
import { renderDiff } from '../../../report/simulation/index.js';
import { diffPolicies } from '../../../simulate/diff.js';
import { type CliIO, EXIT } from '../../io.js';
import { failedExit, policyFor, populationOptions, reportRun, writeReport } from '../../population/run.js';
import type { DataOptions } from '../../population.js';
import type { DiffOptions } from '../diff.js';

export async function populationMode(opts: DiffOptions, io: CliIO): Promise<number> {
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
    { out: opts.out, bom: format === 'csv' },
    io,
  );
}
