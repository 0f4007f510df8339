import type { Command } from 'commander';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, parseByteCount } from '../options.js';

export interface BuildCliOptions {
  out?: string;
  sign?: string;
  time?: string;
  maxBytes?: number;
  lang: Language;
}

export function registerBuild(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('build')
    .description(h('build'))
    .argument('<paths...>', h('policyPaths'))
    .option('--out <file>', h('buildOut'))
    .option('--sign <key>', h('buildSign'))
    .option('--time <date-time>', h('buildTime'))
    .option('--max-bytes <n>', h('maxBytes'), parseByteCount(h))
    .addOption(languageOption(h))
    .action(async (paths: string[], opts: BuildCliOptions) => {
      const { build } = await import('./build/run.js');
      process.exitCode = await build(paths, opts, io);
    });
}
