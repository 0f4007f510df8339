import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { renderSimulation } from '../../../report/simulation/index.js';
import { simulate } from '../../../simulate/simulate.js';
import { type CliIO, EXIT } from '../../io.js';
import { failedExit, policyFor, populationOptions, reportRun, writeReport } from '../../population/run.js';
import type { SimulateOptions } from '../simulate.js';

export async function run(opts: SimulateOptions, io: CliIO): Promise<number> {
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const population = populationOptions(opts, io);
  const simulation = await simulate(policy, { ...population, kpis: opts.kpi });
  population.stop();
  reportRun(simulation.diagnostics, io);
  if (simulation.failed) return failedExit(simulation.diagnostics);
  const code = await writeReport(
    renderSimulation(opts.format, simulation, { lang: opts.lang }),
    { out: opts.out, bom: opts.format === 'csv' },
    io,
  );
  if (code !== EXIT.ok) return code;
  if (opts.out) io.err(`wrote ${opts.out}\n`);
  return hasErrors(simulation.diagnostics) && opts.onError === 'fail' ? EXIT.findings : EXIT.ok;
}
