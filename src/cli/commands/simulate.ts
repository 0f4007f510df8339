import type { Command } from 'commander';
import { Option } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import {
  renderSimulation,
  SIMULATION_FORMATS,
  type SimulationFormat,
} from '../../report/simulation/index.js';
import { simulate } from '../../simulate/simulate.js';
import { type CliIO, EXIT } from '../io.js';
import {
  addDataOptions,
  type DataOptions,
  failedExit,
  policyFor,
  populationOptions,
  reportRun,
  writeReport,
} from '../population.js';

interface SimulateOptions extends DataOptions {
  policy: string;
  format: SimulationFormat;
  kpi?: string[];
}

export function registerSimulate(program: Command, io: CliIO): void {
  const command = program
    .command('simulate')
    .description(
      'a policy over a whole population: per tier the customers, revenue, entitlement cost, service load and KPIs',
    )
    .requiredOption('--policy <file>', 'the policy (*.tier.yaml) or a policy artifact (*.tierpkg.tgz)')
    .addOption(
      new Option('--format <format>', 'report format').choices([...SIMULATION_FORMATS]).default('table'),
    )
    .option(
      '--kpi <fact...>',
      'facts to average per tier (default: average-order-value and repurchase-rate aggregates)',
    );
  addDataOptions(command).action(async (opts: SimulateOptions) => {
    process.exitCode = await run(opts, io);
  });
}

async function run(opts: SimulateOptions, io: CliIO): Promise<number> {
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const population = populationOptions(opts, io);
  const simulation = await simulate(policy, { ...population, kpis: opts.kpi });
  population.stop();
  reportRun(simulation.diagnostics, io);
  if (simulation.failed) return failedExit(simulation.diagnostics);
  const code = await writeReport(
    renderSimulation(opts.format, simulation, { lang: opts.lang }),
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (code !== EXIT.ok) return code;
  return hasErrors(simulation.diagnostics) && opts.onError === 'fail' ? EXIT.findings : EXIT.ok;
}
