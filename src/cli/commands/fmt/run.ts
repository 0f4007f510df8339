import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { diagnostic } from '../../../diagnostics/make.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { msg, t } from '../../../i18n/text.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { readPolicyFile } from '../../../policy/check.js';
import { expandPolicyPaths } from '../../../policy/files.js';
import { formatPolicyText } from '../../../policy/fmt.js';
import { type CliIO, EXIT } from '../../io.js';
import type { FmtOptions } from '../fmt.js';

export async function fmt(paths: string[], opts: FmtOptions, io: CliIO): Promise<void> {
  const files = await expandPolicyPaths(paths);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const changed: string[] = [];
  for (const file of files) {
    const read = await readPolicyFile(file, { maxBytes: opts.maxBytes });
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    sources.set(file, read.text);
    const formatted = formatPolicyText(read.text, file);
    diagnostics.push(...formatted.diagnostics);
    if (formatted.text === undefined) continue;
    if (opts.stdout) io.out(formatted.text);
    else if (formatted.text !== read.text) {
      if (!opts.check) {
        const failure = await write(file, formatted.text);
        if (failure) {
          diagnostics.push(failure);
          continue;
        }
      }
      changed.push(file);
      io.out(`${file}\n`);
    }
  }
  if (diagnostics.length > 0) {
    const text = renderDiagnostics('text', {
      diagnostics,
      sources,
      color: io.isTTY,
      files,
      language: opts.lang,
    });
    io.err(text.endsWith('\n') ? text : `${text}\n`);
  }
  if (files.length === 0) io.err(`${t(opts.lang, 'cli.fmtNoFiles', { paths: paths.join(', ') })}\n`);
  if (opts.check && changed.length > 0) {
    io.err(`${t(opts.lang, 'cli.fmtUnformatted', { n: changed.length })}\n`);
  }
  process.exitCode = exitCode(diagnostics, files.length, opts.check && changed.length > 0);
}

async function write(file: string, text: string): Promise<Diagnostic | undefined> {
  try {
    await writeFileAtomic(file, text);
    return undefined;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return diagnostic('TW0009', msg('cli.fmtCannotWrite', { file, reason }), { file });
  }
}

function exitCode(diagnostics: Diagnostic[], files: number, unformatted: boolean): number {
  if (files === 0 || diagnostics.some((d) => d.code === 'TW0001' || d.code === 'TW0009')) return EXIT.usage;
  if (unformatted || diagnostics.some((d) => d.severity === 'error')) return EXIT.findings;
  return EXIT.ok;
}
