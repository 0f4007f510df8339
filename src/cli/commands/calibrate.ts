import type { Command } from 'commander';
import { Option } from 'commander';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { addDataOptions, type DataOptions } from '../population.js';

export interface CalibrateCliOptions extends DataOptions {
  policy: string;
  format: SimulationFormat;
  target?: string[];
  step: string;
  epsilon: string;
}

export function registerCalibrate(program: Command, io: CliIO, h: HelpText): void {
  const command = program
    .command('calibrate')
    .description(h('calibrate'))
    .requiredOption('--policy <file>', h('policy'))
    .option('--target <tier=share...>', h('calibrateTarget'))
    .option('--step <points>', h('calibrateStep'), '5')
    .option('--epsilon <points>', h('calibrateEpsilon'), '2')
    .addOption(
      new Option('--format <format>', h('reportFormat')).choices([...SIMULATION_FORMATS]).default('table'),
    );
  addDataOptions(command, h).action(async (opts: CalibrateCliOptions) => {
    const { run } = await import('./calibrate/run.js');
    process.exitCode = await run(opts, io);
  });
}
