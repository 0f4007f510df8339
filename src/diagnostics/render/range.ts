import type { Position, Range } from '../diagnostic.js';

/**
 * Ranges come from yaml node offsets, whose end is exclusive; a block value ends at column 1 of
 * the line after it. Underlining that empty spot, or annotating that extra line, would point
 * past the value, so every surface first moves such an end back to the last line the value uses.
 */

/** Line n's length in UTF-16 units, or undefined when the text is not known. */
export type LineLength = (line: number) => number | undefined;

/** An end position; column undefined means "the end of that line", when its length is unknown. */
export interface End {
  line: number;
  column?: number;
}

/** The range's exclusive end, moved back over line starts (and blank lines) it merely touches. */
export function exclusiveEnd(range: Range, lineLength: LineLength): End {
  const { start } = range;
  let { line, column } = range.end;
  if (line < start.line || (line === start.line && column < start.column)) return start;
  while (column === 1 && line > start.line) {
    line -= 1;
    const length = lineLength(line);
    if (length === undefined) return { line };
    column = length + 1;
  }
  return { line, column };
}

/** The characters a range covers, both ends inclusive; an empty range covers its start. */
export interface CoveredRange {
  start: Position;
  end: End;
}

export function coveredRange(range: Range, lineLength: LineLength): CoveredRange {
  const { start } = range;
  const end = exclusiveEnd(range, lineLength);
  if (end.column === undefined) return { start, end };
  if (end.line === start.line && end.column <= start.column) return { start, end: start };
  return { start, end: { line: end.line, column: end.column - 1 } };
}

/** Line lengths of a text's lines; a line past the end (an end-of-file position) is empty. */
export function lengthsOf(lines: readonly string[] | undefined): LineLength {
  return (line) => (lines === undefined ? undefined : (lines[line - 1] ?? '').length);
}
