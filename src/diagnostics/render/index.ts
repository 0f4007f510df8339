import type { Diagnostic } from '../diagnostic.js';

export type DiagnosticFormat = 'text' | 'json' | 'sarif' | 'github';

export interface RenderInput {
  diagnostics: Diagnostic[];
  /** File → text, for code frames. */
  sources: Map<string, string>;
  color?: boolean;
  /** The files that were checked, clean ones included, for the summary. */
  files?: string[];
}

/** Renders findings for a surface. Every surface renders through here, never its own way. */
export function renderDiagnostics(format: DiagnosticFormat, input: RenderInput): string {
  if (format === 'json') return `${JSON.stringify(input.diagnostics, null, 2)}\n`;
  return input.diagnostics
    .map((d) => {
      const where = d.file ? `${d.file}:${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1}` : '';
      return `${where} ${d.severity} ${d.code}: ${d.message}${d.help ? `\n  help: ${d.help}` : ''}`;
    })
    .join('\n');
}
