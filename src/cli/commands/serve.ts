import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption, registryOptions } from '../options.js';
import type { RegistryCliOptions } from '../registry.js';

export interface ServeOptions extends RegistryCliOptions {
  port: number;
  host: string;
  seed?: string;
  seedData?: string;
  seedTransactions?: string;
  retentionDays: number;
  /** --trust-key, repeatable: public keys whose signed artifacts POST /v1/artifacts accepts. */
  trustKey: string[];
}

const whole = (max: number) => (text: string) => {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new InvalidArgumentError(`0–${max}`);
  return n;
};

export function registerServe(program: Command, io: CliIO, h: HelpText): void {
  registryOptions(program.command('serve').description(h('serve')), h)
    .option('--port <port>', h('servePort'), whole(65_535), 8080)
    .option('--host <address>', h('serveHost'), '127.0.0.1')
    .option('--seed <dir>', h('serveSeed'))
    .option('--seed-data <file>', h('serveSeedData'))
    .option('--seed-transactions <file>', h('serveSeedTransactions'))
    .option('--retention-days <days>', h('serveRetention'), whole(36_500), 90)
    .option('--trust-key <file>', h('serveTrustKey'), (file: string, all: string[]) => [...all, file], [])
    .addOption(languageOption(h))
    .action(async (opts: ServeOptions) => {
      const { serve } = await import('./serve/run.js');
      process.exitCode = await serve(opts, io);
    });
}
