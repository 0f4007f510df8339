import type { Command } from 'commander';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, registryOptions } from '../options.js';
import type { RegistryCliOptions } from '../registry.js';

export function registerRegistry(program: Command, io: CliIO, h: HelpText): void {
  const registry = program.command('registry').description(h('registryCommand'));
  registryOptions(registry.command('verify').description(h('registryVerify')), h)
    .addOption(languageOption(h))
    .action(async (opts: RegistryCliOptions) => {
      const { verify } = await import('./registry/verify.js');
      process.exitCode = await verify(opts, io);
    });
}
