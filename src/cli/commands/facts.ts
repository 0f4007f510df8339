import type { Command } from 'commander';
import { Option } from 'commander';
import { ON_ERROR, type OnError } from '../../data/errors.js';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import type { Language } from '../../i18n/language.js';
import { FACTS_FORMATS, type FactsFormat } from '../../report/formats.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface FactsOptions {
  policy: string;
  key?: string;
  data?: string;
  transactions?: string;
  customer?: string[];
  asOf: string;
  format: FactsFormat;
  labels: boolean;
  out?: string;
  onError: OnError;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  lang: Language;
}

export function registerFacts(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('facts')
    .description(h('facts'))
    .requiredOption('--policy <file>', h('policy'))
    .option('--key <pem>', h('keyArtifact'))
    .option('--data <file>', h('dataOptional'))
    .option('--transactions <file>', h('transactions'))
    .option('--customer <id...>', h('factsCustomer'))
    .option('--as-of <date>', h('asOf'), 'today')
    .addOption(new Option('--format <format>', h('factsFormat')).choices([...FACTS_FORMATS]).default('csv'))
    .option('--labels', h('factsLabels'), false)
    .option('--out <file>', h('factsOut'))
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('sheet'))
    .option('--mapping <file>', h('mapping'))
    .addOption(languageOption(h))
    .action(async (opts: FactsOptions) => {
      const { exportFactsCommand } = await import('./facts/run.js');
      process.exitCode = await exportFactsCommand(opts, io);
    });
}
