import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { renderSimulation } from '../../../report/simulation/index.js';
import { simulate } from '../../../simulate/simulate.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  customerDataExit,
  engineNote,
  failedExit,
  policyFor,
  populationOptions,
  reportRun,
  tiersExit,
  untieredExit,
  writeReport,
} from '../../population/run.js';
import type { SimulateOptions } from '../simulate.js';

export async function run(opts: SimulateOptions, io: CliIO): Promise<number> {
  const badAsOf = customerDataExit(opts, io, opts.lang) ?? asOfExit(opts.asOf, io, opts.lang);
  if (badAsOf !== undefined) return badAsOf;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const tierless = tiersExit([{ policy, file: opts.policy }], 'simulate', io, opts.lang);
  if (tierless !== undefined) return tierless;
  const population = populationOptions(opts, io);
  const simulation = await simulate(policy, { ...population, kpis: opts.kpi });
  population.stop();
  reportRun(simulation.diagnostics, io, opts.lang);
  if (simulation.failed) return failedExit(simulation.diagnostics);
  const code = await writeReport(
    renderSimulation(opts.format, simulation, { lang: opts.lang }),
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (code !== EXIT.ok) return code;
  engineNote(opts, io);
  const untiered = untieredExit(
    {
      untiered: simulation.untiered.customers,
      customers: simulation.customers,
      untieredCauses: simulation.untieredCauses,
    },
    opts.allowUntiered,
    io,
    opts.lang,
  );
  return hasErrors(simulation.diagnostics) && opts.onError === 'fail' ? EXIT.findings : untiered;
}
