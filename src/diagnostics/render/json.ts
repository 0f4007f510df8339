import type { Diagnostic } from '../diagnostic.js';
import type { RenderInput } from './input.js';
import { checkedFiles, type Summary, summarize } from './summary.js';

/**
 * `tierwise check --format json`, documented in docs/diagnostics.md. `version` changes only when
 * a field is removed or changes meaning; new optional fields do not bump it.
 */
export interface DiagnosticsReport {
  version: 1;
  files: string[];
  diagnostics: Diagnostic[];
  summary: Summary;
}

export function diagnosticsReport(input: RenderInput): DiagnosticsReport {
  return {
    version: 1,
    files: checkedFiles(input),
    diagnostics: input.diagnostics.map(canonical),
    summary: summarize(input.diagnostics),
  };
}

export function renderJson(input: RenderInput): string {
  return `${JSON.stringify(diagnosticsReport(input), null, 2)}\n`;
}

/** Same key order for every diagnostic, whatever order its producer wrote them in, so diffs stay quiet. */
function canonical(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { code: d.code, severity: d.severity, message: d.message };
  if (d.file !== undefined) out.file = d.file;
  if (d.range !== undefined) {
    const { start, end } = d.range;
    out.range = {
      start: { line: start.line, column: start.column },
      end: { line: end.line, column: end.column },
    };
  }
  if (d.pointer !== undefined) out.pointer = d.pointer;
  if (d.row !== undefined) out.row = d.row;
  if (d.column !== undefined) out.column = d.column;
  if (d.help !== undefined) out.help = d.help;
  if (d.example !== undefined) out.example = d.example;
  return out;
}
