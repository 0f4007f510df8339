import type { Command } from 'commander';
import { Option } from 'commander';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, parseByteCount } from '../options.js';

export interface SlaDueOptions {
  policy: string;
  tier: string;
  opened: string;
  paused: string[];
  calendar?: string;
  format: 'text' | 'json';
  maxBytes?: number;
  lang: Language;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerSla(program: Command, io: CliIO, h: HelpText): void {
  const sla = program.command('sla').description(h('sla'));
  sla
    .command('due')
    .description(h('slaDue'))
    .requiredOption('--policy <file>', h('slaPolicy'))
    .requiredOption('--tier <id>', h('slaTier'))
    .requiredOption('--opened <instant>', h('slaOpened'))
    .option('--paused <from/to>', h('slaPaused'), collect, [])
    .option('--calendar <file>', h('slaCalendar'))
    .addOption(new Option('--format <format>', h('format')).choices(['text', 'json']).default('text'))
    .option('--max-bytes <n>', h('maxBytes'), parseByteCount(h))
    .addOption(languageOption(h))
    .action(async (opts: SlaDueOptions) => {
      const { slaDue } = await import('./sla/run.js');
      process.exitCode = await slaDue(opts, io);
    });
}
