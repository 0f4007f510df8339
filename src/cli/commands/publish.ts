import type { Command } from 'commander';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';
import { TOKEN_ENV } from '../token-env.js';

export interface PublishOptions {
  server: string;
  token?: string;
  lang: Language;
}

export function registerPublish(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('publish')
    .description(h('publish'))
    .argument('<artifact>', h('publishArtifact'))
    .requiredOption('--server <url>', h('publishServer'))
    .option('--token <secret>', h('publishToken', { env: TOKEN_ENV }))
    .addOption(languageOption(h))
    .action(async (artifact: string, opts: PublishOptions) => {
      const { publish } = await import('./publish/run.js');
      process.exitCode = await publish(artifact, opts, io);
    });
}
