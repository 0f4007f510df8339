// The project's diagnostics (POST /v1/validate) as CodeMirror lint marks: the same Diagnostic the
// CLI prints, underlined at its exact range. Pure: tested in test/ui/editor/lint.test.ts.

/** What a mark needs of a Diagnostic (ui/src/api.ts), so this module stays free of the DOM. */
export interface RangedDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  range?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface Mark {
  from: number;
  to: number;
  severity: RangedDiagnostic['severity'];
  message: string;
  source: string;
}

/** Line starts of a text (0-based offsets), for 1-based line:column → offset. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/**
 * Offset of a 1-based line and column (columns count UTF-16 code units, as the server's ranges
 * do), clamped to the text: a range computed for a slightly older text still lands on a line.
 */
export function offsetOf(starts: readonly number[], length: number, line: number, column: number): number {
  const index = Math.min(Math.max(line, 1), starts.length) - 1;
  const start = starts[index]!;
  const end = index + 1 < starts.length ? starts[index + 1]! - 1 : length;
  return Math.min(start + Math.max(column, 1) - 1, end);
}

/**
 * Marks for the diagnostics that have a range in the text; the rest (a pointer only, or another
 * file such as a variant's base) are left to the list beside the editor. An empty range is
 * widened to the rest of its line so there is something to underline.
 */
export function marksOf(diagnostics: readonly RangedDiagnostic[], text: string, fileName?: string): Mark[] {
  const starts = lineStarts(text);
  const marks: Mark[] = [];
  for (const d of diagnostics) {
    if (!d.range || (fileName && d.file && d.file !== fileName)) continue;
    const from = offsetOf(starts, text.length, d.range.start.line, d.range.start.column);
    let to = offsetOf(starts, text.length, d.range.end.line, d.range.end.column);
    if (to <= from) to = offsetOf(starts, text.length, d.range.start.line, Number.MAX_SAFE_INTEGER);
    marks.push({ from, to: Math.max(to, from), severity: d.severity, message: d.message, source: d.code });
  }
  return marks;
}
