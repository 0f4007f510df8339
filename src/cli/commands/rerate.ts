import type { Command } from 'commander';
import { Option } from 'commander';
import { ON_ERROR, type OnError } from '../../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { allowUntieredOption, languageOption } from '../options.js';

export interface RerateOptions {
  policy: string;
  state?: string;
  data?: string;
  transactions?: string;
  asOf: string;
  out?: string;
  events?: string;
  notices?: string;
  format: 'table' | 'csv' | 'ndjson' | 'json';
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  key?: string;
  allowUntiered?: string;
  lang: Language;
}

export function registerRerate(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('rerate')
    .description(h('rerate'))
    .requiredOption('--policy <file>', h('policy'))
    .option('--state <file>', h('rerateState'))
    .option('--data <file>', h('dataOptional'))
    .option('--transactions <file>', h('transactions'))
    .option('--as-of <date>', h('asOf'), 'today')
    .option('--out <file>', h('rerateOut'))
    .option('--events <file>', h('rerateEvents'))
    .option('--notices <file>', h('rerateNotices'))
    .addOption(
      new Option('--format <format>', h('rerateFormat'))
        .choices(['table', 'csv', 'ndjson', 'json'])
        .default('table'),
    )
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('sheet'))
    .option('--mapping <file>', h('mapping'))
    .option('--key <pem>', h('keyArtifact'))
    .addOption(allowUntieredOption(h))
    .addOption(languageOption(h))
    .action(async (opts: RerateOptions) => {
      const { rerateCommand } = await import('./rerate/run.js');
      process.exitCode = await rerateCommand(opts, io);
    });
}
