import type { Range } from '../diagnostic.js';
import { type CoveredRange, coveredRange, lengthsOf } from './range.js';
import { cellOf, type DisplayLine, displayLine } from './width.js';

const CONTEXT_LINES = 2;
/** A range over a whole block (a tier, a dimension) would bury the message; show its ends only. */
const MAX_RANGE_LINES = 7;
const HEAD_LINES = 4;
const TAIL_LINES = 2;

export interface FramePaint {
  gutter(text: string): string;
  caret(text: string): string;
}

export interface CodeFrame {
  /** Width of the line-number column, shared by the `-->` and `=` lines around the frame. */
  gutterWidth: number;
  rows: string[];
}

/**
 * The source lines around a range with a line-number gutter and carets under what the range
 * covers, rustc style. Every line of a multi-line range gets its own carets (from its first
 * non-blank character) so that a YAML block reads as one marked region.
 */
export function codeFrame(lines: readonly string[], range: Range, paint: FramePaint): CodeFrame {
  const covered = coveredRange(range, lengthsOf(lines));
  const endLine = covered.end.line;
  const first = Math.max(1, covered.start.line - CONTEXT_LINES);
  const last = Math.max(endLine, Math.min(lines.length, endLine + CONTEXT_LINES));
  const gutterWidth = String(last).length;
  const pad = ' '.repeat(gutterWidth);
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    if (isElided(n, covered)) {
      if (n === covered.start.line + HEAD_LINES) rows.push(paint.gutter('...'));
      continue;
    }
    const shown = displayLine(lines[n - 1] ?? '');
    const number = paint.gutter(`${String(n).padStart(gutterWidth)} |`);
    rows.push(shown.text === '' ? number : `${number} ${shown.text}`);
    const carets = caretSpan(shown, n, covered);
    if (carets) {
      const marks = paint.caret('^'.repeat(carets.width));
      rows.push(`${paint.gutter(`${pad} |`)} ${' '.repeat(carets.from)}${marks}`);
    }
  }
  return { gutterWidth, rows };
}

function isElided(line: number, covered: CoveredRange): boolean {
  const { start, end } = covered;
  if (end.line - start.line + 1 <= MAX_RANGE_LINES) return false;
  return line >= start.line + HEAD_LINES && line <= end.line - TAIL_LINES;
}

/** The cells to underline on one line, or undefined when the range covers nothing visible there. */
function caretSpan(
  shown: DisplayLine,
  line: number,
  covered: CoveredRange,
): { from: number; width: number } | undefined {
  const { start, end } = covered;
  if (line < start.line || line > end.line) return undefined;
  const textEnd = lastVisibleCell(shown);
  const from = line === start.line ? cellOf(shown, start.column) : firstVisibleCell(shown);
  const to = line === end.line && end.column !== undefined ? cellOf(shown, end.column + 1) : textEnd;
  if (start.line === end.line) return { from, width: Math.max(1, to - from) };
  if (to <= from) return line === start.line ? { from, width: 1 } : undefined;
  return { from, width: to - from };
}

// Only spaces: YAML indents with spaces, tabs are already expanded, and trimStart() would also
// drop U+3000, which is two cells wide.
function firstVisibleCell(shown: DisplayLine): number {
  return shown.text.length - shown.text.replace(/^ +/, '').length;
}

function lastVisibleCell(shown: DisplayLine): number {
  const trailing = shown.text.length - shown.text.replace(/ +$/, '').length;
  return shown.columns.at(-1)! - trailing;
}
