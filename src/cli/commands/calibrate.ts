import type { Command } from 'commander';
import { Option } from 'commander';
import {
  renderCalibration,
  SIMULATION_FORMATS,
  type SimulationFormat,
} from '../../report/simulation/index.js';
import { type CalibrateOptions, calibrate } from '../../simulate/calibrate.js';
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

interface CalibrateCliOptions extends DataOptions {
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
    process.exitCode = await run(opts, io);
  });
}

/** vip=10% → customers; vip=40%:revenue → revenue. */
export function parseTarget(text: string): NonNullable<CalibrateOptions['targets']>[number] | undefined {
  const m = /^([A-Za-z][\w-]*)=(\d+(?:\.\d+)?)%(?::(customers|revenue))?$/.exec(text.trim());
  if (!m) return undefined;
  const share = Number(m[2]) / 100;
  if (share <= 0 || share > 1) return undefined;
  return { tier: m[1]!, share, measure: (m[3] as 'customers' | 'revenue' | undefined) ?? 'customers' };
}

async function run(opts: CalibrateCliOptions, io: CliIO): Promise<number> {
  const targets = opts.target?.map((t) => ({ text: t, parsed: parseTarget(t) }));
  const bad = targets?.find((t) => !t.parsed);
  const step = Number(opts.step);
  const epsilon = Number(opts.epsilon);
  if (bad || !(step > 0 && step <= 100) || !(epsilon > 0)) {
    io.err(
      bad
        ? `tierwise calibrate: --target ${bad.text}: expected TIER=SHARE% or TIER=SHARE%:revenue, e.g. vip=10% or vip=40%:revenue\n`
        : 'tierwise calibrate: --step must be a number of points in (0, 100] and --epsilon a positive number of points\n',
    );
    return EXIT.usage;
  }
  const source = await policyFor(opts.policy, opts, io);
  if (typeof source === 'number') return source;
  const population = populationOptions(opts, io);
  const result = await calibrate(
    { policy: source, file: opts.policy },
    { ...population, targets: targets?.map((t) => t.parsed!), step, epsilon },
  );
  population.stop();
  reportRun(result.diagnostics, io);
  if (result.failed) return failedExit(result.diagnostics, ['TW0601', 'TW0801']);
  return writeReport(
    renderCalibration(opts.format, result, { lang: opts.lang }),
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
}
