import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import type { Language } from '../../i18n/language.js';
import { DEFAULT_STALE_MONTHS } from '../../profile/types.js';
import { PROFILE_FORMATS, type ProfileFormat } from '../../report/formats.js';
import type { PopulationEngine } from '../../simulate/engine-choice.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, populationEngineOption } from '../options.js';

export interface ProfileCommandOptions {
  policy: string;
  key?: string;
  data?: string;
  transactions?: string;
  asOf: string;
  staleMonths: number;
  format: ProfileFormat;
  lang: Language;
  out?: string;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  nameFact?: string;
  phoneFact?: string;
  activityFact?: string;
  engine: PopulationEngine;
}

export function registerData(program: Command, io: CliIO, h: HelpText): void {
  const data = program.command('data').description(h('dataCommand'));
  data
    .command('profile')
    .description(h('profile'))
    .requiredOption('--policy <file>', h('profilePolicy'))
    .option('--key <pem>', h('keyArtifact'))
    .option('--data <file>', h('dataDuck'))
    .option('--transactions <file>', h('profileTransactions'))
    .option('--as-of <date>', h('profileAsOf'), 'today')
    .option(
      '--stale-months <n>',
      h('profileStaleMonths', { months: DEFAULT_STALE_MONTHS }),
      wholeMonths(h),
      DEFAULT_STALE_MONTHS,
    )
    .addOption(new Option('--format <format>', h('format')).choices([...PROFILE_FORMATS]).default('table'))
    .addOption(languageOption(h))
    .option('--out <file>', h('outReport'))
    .addOption(new Option('--encoding <encoding>', h('encoding')).choices([...ENCODINGS]).default('auto'))
    .option('--sheet <name>', h('sheet'))
    .option('--mapping <file>', h('mapping'))
    .option('--name-fact <fact>', h('profileNameFact'))
    .option('--phone-fact <fact>', h('profilePhoneFact'))
    .option('--activity-fact <fact>', h('profileActivityFact'))
    .addOption(populationEngineOption(h))
    .action(async (opts: ProfileCommandOptions) => {
      const { profile } = await import('./data/profile.js');
      process.exitCode = await profile(opts, io);
    });
}

function wholeMonths(h: HelpText): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < 1) throw new InvalidArgumentError(h('wholeMonths'));
    return n;
  };
}
