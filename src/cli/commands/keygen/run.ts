import { writeKeyPair } from '../../../artifact/keys.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { type CliIO, EXIT } from '../../io.js';

export async function keygen(opts: { out: string }, io: CliIO): Promise<void> {
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
}
