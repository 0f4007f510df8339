import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../diagnostics/render/index.js';
import type { Language } from '../i18n/language.js';
import type { Refusal } from '../registry/outcome.js';
import type { Registry } from '../registry/registry.js';
import { type CliIO, EXIT } from './io.js';

export interface RegistryCliOptions {
  db?: string;
  dataDir?: string;
  companyUnit?: string;
  lang: Language;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO, lang: Language): void {
  io.err(
    renderDiagnostics('text', {
      diagnostics: [...diagnostics],
      sources: new Map(),
      color: io.isTTY,
      summary: false,
      language: lang,
    }),
  );
}

/** The exit code of a refusal: the user's input (2) or a finding about the registry's state (1). */
export function refusalExit(refusal: Refusal, io: CliIO, lang: Language): number {
  printDiagnostics(refusal.diagnostics, io, lang);
  return refusal.refused === 'invalid' ? EXIT.usage : EXIT.findings;
}

/** Opens the registry the options name, runs `job` on it and closes it; an unopenable database exits 2. */
export async function withRegistry(
  opts: RegistryCliOptions,
  io: CliIO,
  job: (registry: Registry) => Promise<number>,
): Promise<number> {
  const { openRegistry } = await import('../registry/open.js');
  const opened = await openRegistry({
    ...(opts.db ? { db: opts.db } : {}),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.companyUnit ? { companyUnit: opts.companyUnit } : {}),
  });
  if ('diagnostic' in opened) {
    printDiagnostics([opened.diagnostic], io, opts.lang);
    return EXIT.usage;
  }
  try {
    return await job(opened.registry);
  } finally {
    await opened.registry.store.close();
  }
}
