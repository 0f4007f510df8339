import { type Command, Option } from 'commander';
import type { Role } from '../../registry/records.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, registryOptions } from '../options.js';
import type { RegistryCliOptions } from '../registry.js';

export interface TokenCreateOptions extends RegistryCliOptions {
  name: string;
  role: Role;
  units: string;
}

// The roles as registry/records.ts lists them; spelled here so the CLI's start loads no registry code.
const ROLES = ['viewer', 'analyst', 'approver', 'admin'];

export function registerToken(program: Command, io: CliIO, h: HelpText): void {
  const token = program.command('token').description(h('token'));
  registryOptions(token.command('create').description(h('tokenCreate')), h)
    .requiredOption('--name <holder>', h('tokenName'))
    .addOption(new Option('--role <role>', h('tokenRole')).choices(ROLES).makeOptionMandatory())
    .option('--units <units>', h('tokenUnits'), '*')
    .addOption(languageOption(h))
    .action(async (opts: TokenCreateOptions) => {
      const { create } = await import('./token/run.js');
      process.exitCode = await create(opts, io);
    });
  registryOptions(token.command('list').description(h('tokenList')), h)
    .addOption(languageOption(h))
    .action(async (opts: RegistryCliOptions) => {
      const { list } = await import('./token/run.js');
      process.exitCode = await list(opts, io);
    });
  registryOptions(token.command('revoke').description(h('tokenRevoke')).argument('<id>'), h)
    .addOption(languageOption(h))
    .action(async (id: string, opts: RegistryCliOptions) => {
      const { revoke } = await import('./token/run.js');
      process.exitCode = await revoke(id, opts, io);
    });
}
