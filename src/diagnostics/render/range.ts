import type { Position, Range } from '../diagnostic.js';

/**
 * A diagnostic's range as the characters it covers, both ends inclusive. Ranges come from yaml
 * node offsets, whose end is exclusive; a block value ends at column 1 of the line after it, and
 * underlining that empty spot (or annotating that extra line) would point at the wrong place.
 */
export interface CoveredRange {
  start: Position;
  /**
   * The last character covered; equal to start for an empty range (an insertion point). Column
   * is undefined when the range runs to the end of a line whose text is not known.
   */
  end: { line: number; column?: number };
}

/** `lineLength(n)` is line n's length in UTF-16 units, or undefined when the text is unknown. */
export function coveredRange(range: Range, lineLength: (line: number) => number | undefined): CoveredRange {
  const { start } = range;
  let { line, column } = range.end;
  if (line < start.line || (line === start.line && column < start.column)) ({ line, column } = start);
  while (column === 1 && line > start.line) {
    line -= 1;
    const length = lineLength(line);
    if (length === undefined) return { start, end: { line } };
    column = length + 1;
  }
  if (line === start.line && column <= start.column) return { start, end: start };
  return { start, end: { line, column: column - 1 } };
}

/** A source text's lines as the `yaml` library counts them: split at LF, a CR before it dropped. */
export function sourceLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
