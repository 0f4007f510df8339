import type { Command } from 'commander';
import { writeKeyPair } from '../../artifact/keys.js';
import { renderDiagnostics } from '../../diagnostics/render/index.js';
import { type CliIO, EXIT } from '../io.js';

export function registerKeygen(program: Command, io: CliIO): void {
  program
    .command('keygen')
    .description(
      'make an Ed25519 key pair for signing artifacts: NAME.key.pem (keep secret) and NAME.pub.pem',
    )
    .requiredOption('--out <name>', 'file name prefix, e.g. keys/release')
    .action(async (opts: { out: string }) => {
      const pair = await writeKeyPair(opts.out);
      if (pair.diagnostics.length > 0) {
        io.err(
          renderDiagnostics('text', {
            diagnostics: pair.diagnostics,
            sources: new Map(),
            color: io.isTTY,
            summary: false,
          }),
        );
        process.exitCode = EXIT.usage;
        return;
      }
      io.out(
        `wrote ${pair.privateKey} (private: sign with \`tierwise build --sign ${pair.privateKey}\`, keep it secret)\n` +
          `wrote ${pair.publicKey} (public: verify with \`tierwise verify ARTIFACT --key ${pair.publicKey}\`)\n` +
          `key ${pair.fingerprint}\n`,
      );
      process.exitCode = EXIT.ok;
    });
}
