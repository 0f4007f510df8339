import { t } from '../../../i18n/text.js';
import { type CliIO, EXIT } from '../../io.js';
import { printDiagnostics, type RegistryCliOptions, withRegistry } from '../../registry.js';

export function verify(opts: RegistryCliOptions, io: CliIO): Promise<number> {
  return withRegistry(opts, io, async (registry) => {
    const verification = await registry.verify();
    if (verification.diagnostics.length > 0) {
      printDiagnostics(verification.diagnostics, io, opts.lang);
      io.err(`${t(opts.lang, 'cli.registryBroken', { n: verification.diagnostics.length })}\n`);
      return EXIT.findings;
    }
    io.out(
      `${t(opts.lang, 'cli.registrySound', { entries: verification.auditEntries, versions: verification.versions })}\n`,
    );
    return EXIT.ok;
  });
}
