import type { Command } from 'commander';
import { Option } from 'commander';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, parseByteCount } from '../options.js';

export interface FmtOptions {
  check: boolean;
  stdout: boolean;
  maxBytes?: number;
  lang: Language;
}

export function registerFmt(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('fmt')
    .description(h('fmt'))
    .argument('[paths...]', h('policyPaths'), ['policies'])
    .option('--check', h('fmtCheck'), false)
    .addOption(new Option('--stdout', h('fmtStdout')).default(false).conflicts('check'))
    .option('--max-bytes <n>', h('maxBytes'), parseByteCount(h))
    .addOption(languageOption(h))
    .action(async (paths: string[], opts: FmtOptions) => {
      const { fmt } = await import('./fmt/run.js');
      await fmt(paths, opts, io);
    });
}
