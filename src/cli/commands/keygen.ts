import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export function registerKeygen(program: Command, io: CliIO): void {
  program
    .command('keygen')
    .description(
      'make an Ed25519 key pair for signing artifacts: NAME.key.pem (keep secret) and NAME.pub.pem',
    )
    .requiredOption('--out <name>', 'file name prefix, e.g. keys/release')
    .action(async (opts: { out: string }) => {
      const { keygen } = await import('./keygen/run.js');
      await keygen(opts, io);
    });
}
