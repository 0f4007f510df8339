import type { Command } from 'commander';
import { Option } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, parseByteCount } from '../options.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  denyWarnings: boolean;
  maxBytes?: number;
  lang: Language;
}

export function registerCheck(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('check')
    .description(h('check'))
    .argument('[paths...]', h('policyPaths'), ['policies'])
    .addOption(
      new Option('--format <format>', h('format'))
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--deny-warnings', h('checkDenyWarnings'), false)
    .addOption(languageOption(h))
    .option('--max-bytes <n>', h('maxBytes'), parseByteCount(h))
    .action(async (paths: string[], opts: CheckOptions) => {
      const { check } = await import('./check/run.js');
      await check(paths, opts, io);
    });
}
