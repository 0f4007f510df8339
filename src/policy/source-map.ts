import type { LineCounter } from 'yaml';
import type { Range } from '../diagnostics/diagnostic.js';
import { parentPointer } from '../diagnostics/pointer.js';

type Span = readonly [start: number, end: number];

/**
 * Where each JSON pointer of a parsed policy stands in its YAML source. Both the key and the
 * value of a mapping entry are kept: "unknown property" points at the key, "wrong type" at the value.
 */
export class SourceMap {
  private readonly spans = new Map<string, { key?: Span; value: Span }>();
  /** Where the text of a string scalar starts, for scalars whose source is their text verbatim. */
  private readonly texts = new Map<string, number>();

  constructor(private readonly lines: LineCounter) {}

  set(pointer: string, value: Span, key?: Span): void {
    // An alias can map one pointer twice; the first (the place of use) is the one to show.
    if (!this.spans.has(pointer)) this.spans.set(pointer, key ? { key, value } : { value });
  }

  /**
   * Records that the string at `pointer` is written verbatim from offset `start` (plain, or quoted
   * without escapes, on one line), so an offset inside the string maps to one in the file.
   */
  setText(pointer: string, start: number): void {
    if (!this.texts.has(pointer)) this.texts.set(pointer, start);
  }

  has(pointer: string): boolean {
    return this.spans.has(pointer);
  }

  /**
   * The range of a pointer, or of its nearest ancestor that has one. `within` narrows it to offsets
   * inside the string value (an expression's unknown fact), when its source is the text verbatim;
   * otherwise the whole value is the place.
   */
  range(pointer: string, part: 'key' | 'value' = 'value', within?: Span): Range | undefined {
    const start = within && part === 'value' ? this.texts.get(pointer) : undefined;
    if (start !== undefined && within) return this.toRange([start + within[0], start + within[1]]);
    let p = pointer;
    for (;;) {
      const span = this.spans.get(p);
      if (span) return this.toRange((part === 'key' ? span.key : undefined) ?? span.value);
      if (p === '') return undefined;
      p = parentPointer(p);
    }
  }

  rangeOfOffsets(start: number, end: number): Range {
    return this.toRange([start, end]);
  }

  private toRange([start, end]: Span): Range {
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(Math.max(start, end));
    return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
  }
}
