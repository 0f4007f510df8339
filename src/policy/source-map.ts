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

  constructor(private readonly lines: LineCounter) {}

  set(pointer: string, value: Span, key?: Span): void {
    // An alias can map one pointer twice; the first (the place of use) is the one to show.
    if (!this.spans.has(pointer)) this.spans.set(pointer, key ? { key, value } : { value });
  }

  has(pointer: string): boolean {
    return this.spans.has(pointer);
  }

  /** The range of a pointer, or of its nearest ancestor that has one. */
  range(pointer: string, part: 'key' | 'value' = 'value'): Range | undefined {
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
