import type { Command } from 'commander';
import { Option } from 'commander';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { CliIO } from '../io.js';
import { addDataOptions, type DataOptions } from '../population.js';

export interface SimulateOptions extends DataOptions {
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
    const { run } = await import('./simulate/run.js');
    process.exitCode = await run(opts, io);
  });
}
