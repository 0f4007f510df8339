import type { Command } from 'commander';
import { Option } from 'commander';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { serverOptions } from '../options.js';
import { addDataOptions, type DataOptions } from '../population.js';

export interface SimulateOptions extends DataOptions {
  policy?: string;
  server?: string;
  businessUnit?: string;
  token?: string;
  at?: string;
  format: SimulationFormat;
  kpi?: string[];
}

export function registerSimulate(program: Command, io: CliIO, h: HelpText): void {
  const command = program
    .command('simulate')
    .description(h('simulate'))
    .option('--policy <file>', h('policyOrServer'))
    .addOption(
      new Option('--format <format>', h('reportFormat')).choices([...SIMULATION_FORMATS]).default('table'),
    )
    .option('--kpi <fact...>', h('kpi'));
  serverOptions(command, h);
  addDataOptions(command, h).action(async (opts: SimulateOptions) => {
    const { run } = await import('./simulate/run.js');
    process.exitCode = await run(opts, io);
  });
}
