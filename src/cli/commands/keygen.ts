import type { Command } from 'commander';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface KeygenOptions {
  out: string;
  lang: Language;
}

export function registerKeygen(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('keygen')
    .description(h('keygen'))
    .requiredOption('--out <name>', h('keygenOut'))
    .addOption(languageOption(h))
    .action(async (opts: KeygenOptions) => {
      const { keygen } = await import('./keygen/run.js');
      await keygen(opts, io);
    });
}
