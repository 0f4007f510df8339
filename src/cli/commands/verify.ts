import type { Command } from 'commander';
import { Option } from 'commander';
import { VERIFY_KEY_ENV } from '../../artifact/key-env.js';
import type { DiagnosticFormat } from '../../diagnostics/render/index.js';
import type { CliIO } from '../io.js';

export interface VerifyCliOptions {
  key?: string;
  format: DiagnosticFormat;
  maxBytes?: number;
}

export function registerVerify(program: Command, io: CliIO): void {
  program
    .command('verify')
    .description("check an artifact: every file against the manifest's sha256, and with a key its signature")
    .argument('<artifact>', 'a .tierpkg.tgz built by `tierwise build`')
    .option(
      '--key <file>',
      `Ed25519 public key (PEM); default $${VERIFY_KEY_ENV}. With a key, unsigned is refused`,
    )
    .addOption(
      new Option('--format <format>', 'output format of findings')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--max-bytes <n>', 'largest file accepted inside the artifact', (v) => Number.parseInt(v, 10))
    .action(async (artifact: string, opts: VerifyCliOptions) => {
      const { verify } = await import('./verify/run.js');
      await verify(artifact, opts, io);
    });
}
