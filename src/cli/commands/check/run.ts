import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { t } from '../../../i18n/text.js';
import { checkPaths } from '../../../policy/load.js';
import { type CliIO, EXIT } from '../../io.js';
import type { CheckOptions } from '../check.js';

export async function check(paths: string[], opts: CheckOptions, io: CliIO): Promise<void> {
  const results = await checkPaths(paths, { maxBytes: opts.maxBytes });
  if (results.length === 0) {
    io.err(`${t(opts.lang, 'cli.noPolicyFiles', { paths: paths.join(', ') })}\n`);
    process.exitCode = EXIT.usage;
    return;
  }
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const sources = new Map(results.flatMap((r) => [...r.sources]));
  io.out(
    renderDiagnostics(opts.format, {
      diagnostics,
      sources,
      color: io.isTTY,
      files: results.map((r) => r.file ?? ''),
      language: opts.lang,
    }),
  );
  process.exitCode = exitCode(diagnostics, opts.denyWarnings, results.length);
}

function exitCode(diagnostics: Diagnostic[], denyWarnings: boolean, files: number): number {
  if (files === 0 || diagnostics.some((d) => d.code === 'TW0001')) return EXIT.usage;
  if (diagnostics.some((d) => d.severity === 'error' || (denyWarnings && d.severity === 'warning')))
    return EXIT.findings;
  return EXIT.ok;
}
