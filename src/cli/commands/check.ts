import type { Command } from 'commander';
import { Option } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import type { Language } from '../../i18n/language.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  denyWarnings: boolean;
  maxBytes?: number;
  lang: Language;
}

export function registerCheck(program: Command, io: CliIO): void {
  program
    .command('check')
    .description(
      'check policy files: YAML, schema and semantic lint (gaps, overlaps, weights, SLA order, labels)',
    )
    .argument('[paths...]', 'policy files or directories (searched for *.tier.yaml)', ['policies'])
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--deny-warnings', 'exit 1 on warnings too', false)
    .addOption(languageOption())
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(async (paths: string[], opts: CheckOptions) => {
      const { check } = await import('./check/run.js');
      await check(paths, opts, io);
    });
}
