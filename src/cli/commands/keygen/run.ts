import { writeKeyPair } from '../../../artifact/keys.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { t } from '../../../i18n/text.js';
import { type CliIO, EXIT } from '../../io.js';
import type { KeygenOptions } from '../keygen.js';

export async function keygen(opts: KeygenOptions, io: CliIO): Promise<void> {
  const pair = await writeKeyPair(opts.out);
  if (pair.diagnostics.length > 0) {
    io.err(
      renderDiagnostics('text', {
        diagnostics: pair.diagnostics,
        sources: new Map(),
        color: io.isTTY,
        summary: false,
        language: opts.lang,
      }),
    );
    process.exitCode = EXIT.usage;
    return;
  }
  io.out(
    `${t(opts.lang, 'cli.keyPrivate', { file: pair.privateKey })}\n` +
      `${t(opts.lang, 'cli.keyPublic', { file: pair.publicKey })}\n` +
      `${t(opts.lang, 'cli.keyFingerprint', { fingerprint: pair.fingerprint ?? '' })}\n`,
  );
  process.exitCode = EXIT.ok;
}
