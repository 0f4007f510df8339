import type { Command } from 'commander';
import { Option } from 'commander';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { CliIO } from '../io.js';
import { addDataOptions, type DataOptions } from '../population.js';

export interface CalibrateCliOptions extends DataOptions {
  policy: string;
  format: SimulationFormat;
  target?: string[];
  step: string;
  epsilon: string;
}

export function registerCalibrate(program: Command, io: CliIO): void {
  const command = program
    .command('calibrate')
    .description(
      'threshold search (which threshold puts 10% of customers or 40% of revenue in a tier), weight sensitivity, customers near each threshold',
    )
    .requiredOption('--policy <file>', 'the policy (*.tier.yaml) or a policy artifact (*.tierpkg.tgz)')
    .option(
      '--target <tier=share...>',
      'e.g. vip=10% (of customers) or vip=40%:revenue; default: the top tier at 10% of customers and 40% of revenue',
    )
    .option('--step <points>', 'move each weight by this many points, up and down', '5')
    .option('--epsilon <points>', 'a score this close to a threshold counts as fragile', '2')
    .addOption(
      new Option('--format <format>', 'report format').choices([...SIMULATION_FORMATS]).default('table'),
    );
  addDataOptions(command).action(async (opts: CalibrateCliOptions) => {
    const { run } = await import('./calibrate/run.js');
    process.exitCode = await run(opts, io);
  });
}
