import type { Command } from 'commander';
import { Option } from 'commander';
import { VERIFY_KEY_ENV } from '../../artifact/key-env.js';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, parseByteCount } from '../options.js';

export interface VerifyCliOptions {
  key?: string;
  format: DiagnosticFormat;
  maxBytes?: number;
  lang: Language;
}

export function registerVerify(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('verify')
    .description(h('verify'))
    .argument('<artifact>', h('verifyArtifact'))
    .option('--key <file>', h('verifyKey', { env: VERIFY_KEY_ENV }))
    .addOption(
      new Option('--format <format>', h('verifyFormat'))
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--max-bytes <n>', h('verifyMaxBytes'), parseByteCount(h))
    .addOption(languageOption(h))
    .action(async (artifact: string, opts: VerifyCliOptions) => {
      const { verify } = await import('./verify/run.js');
      await verify(artifact, opts, io);
    });
}
