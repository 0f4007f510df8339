import type { Command } from 'commander';
import { Option } from 'commander';
import { ON_ERROR, type OnError } from '../../data/errors.js';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface PlanOptions {
  policy: string;
  state: string;
  from?: string;
  horizon: string;
  calendar?: string;
  format: 'table' | 'csv' | 'json';
  out?: string;
  icsDir?: string;
  onError: OnError;
  lang: Language;
}

export function registerPlan(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('plan')
    .description(h('plan'))
    .requiredOption('--policy <file>', h('planPolicy'))
    .requiredOption('--state <file>', h('planState'))
    .option('--from <date>', h('planFrom'))
    .option('--horizon <duration>', h('planHorizon'), 'P3M')
    .option('--calendar <file>', h('planCalendar'))
    .addOption(
      new Option('--format <format>', h('format')).choices(['table', 'csv', 'json']).default('table'),
    )
    .option('--out <file>', h('planOut'))
    .option('--ics-dir <dir>', h('planIcsDir'))
    .addOption(new Option('--on-error <mode>', h('onError')).choices([...ON_ERROR]).default('report'))
    .addOption(languageOption(h))
    .action(async (opts: PlanOptions) => {
      const { plan } = await import('./plan/run.js');
      process.exitCode = await plan(opts, io);
    });
}
