import type { Text } from '../i18n/text.js';

/** 1-based line and column, as editors and compilers show them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * The one error type of tierwise. Library code returns these as values; only surfaces render
 * them (text with a code frame, JSON, SARIF, GitHub annotations) and none renders them its own way.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  range?: Range;
  pointer?: string;
  /** In a data file: the row as the user's tool shows it (a CSV's header is row 1, Excel's numbering). */
  row?: number;
  /** In a data file: the column header. */
  column?: string;
  help?: string;
  example?: unknown;
  /**
   * The message and help as catalogue texts, so a surface shows them in the reader's language;
   * `message` and `help` above are their English, for tools that match on text.
   */
  i18n?: { message?: Text; help?: Text };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, then position, then severity, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
      (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.code.localeCompare(b.code),
  );
}
