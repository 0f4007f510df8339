import type { Command } from 'commander';
import { Option } from 'commander';
import type { EngineChoice } from '../../compile/evaluate.js';
import { ON_ERROR, type OnError } from '../../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import type { Language } from '../../i18n/language.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../../report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { allowUntieredOption, languageOption } from '../options.js';

export interface ReplayOptions {
  policy?: string[];
  compare?: string[];
  data?: string;
  transactions?: string;
  from: string;
  to: string;
  every: string;
  state?: string;
  out?: string;
  timeline?: string;
  customer?: string;
  format: SimulationFormat;
  report?: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  allowUntiered?: string;
  key?: string;
  lang: Language;
  engine: EngineChoice;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function registerReplay(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('replay')
    .description(h('replay'))
    .option('--policy <file>', h('replayPolicy'), collect)
    .option('--compare <file>', h('replayCompare'), collect)
    .option('--key <pem>', h('keyArtifact'))
    .option('--data <file>', h('dataOptional'))
    .option('--transactions <file>', h('transactions'))
    .requiredOption('--from <month>', h('replayFrom'))
    .requiredOption('--to <month>', h('replayTo'))
    .option('--every <duration>', h('replayEvery'), 'P1M')
    .option('--state <file>', h('replayState'))
    .option('--out <file>', h('replayOut'))
    .option('--timeline <file>', h('replayTimeline'))
    .option('--customer <id>', h('replayCustomer'))
    .addOption(
      new Option('--format <format>', h('reportFormat')).choices([...SIMULATION_FORMATS]).default('table'),
    )
    .option('--report <file>', h('replayReport'))
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('sheet'))
    .option('--mapping <file>', h('mapping'))
    .addOption(allowUntieredOption(h))
    .addOption(languageOption(h))
    .addOption(
      new Option('--engine <engine>', h('engine')).choices(['compiled', 'reference']).default('compiled'),
    )
    .action(async (opts: ReplayOptions) => {
      const { replay } = await import('./replay/run.js');
      process.exitCode = await replay(opts, io);
    });
}
