import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export interface BuildCliOptions {
  out?: string;
  sign?: string;
  time?: string;
  maxBytes?: number;
}

export function registerBuild(program: Command, io: CliIO): void {
  program
    .command('build')
    .description(
      'pack checked policies, their bases and tests into a reproducible artifact (.tierpkg.tgz), optionally signed',
    )
    .argument('<paths...>', 'policy files or directories (searched for *.tier.yaml)')
    .option('--out <file>', 'the artifact to write (default <id>-<version>.tierpkg.tgz for one policy)')
    .option('--sign <key>', 'sign with this Ed25519 private key (PEM, from `tierwise keygen`)')
    .option(
      '--time <date-time>',
      'build time, ISO 8601 with a zone or seconds since 1970 (default: SOURCE_DATE_EPOCH, else the git commit time)',
    )
    .option('--max-bytes <n>', 'refuse policy files larger than this', (v) => Number.parseInt(v, 10))
    .action(async (paths: string[], opts: BuildCliOptions) => {
      const { build } = await import('./build/run.js');
      process.exitCode = await build(paths, opts, io);
    });
}
