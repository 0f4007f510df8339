import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../../src/diagnostics/render/frame.js';
import { cellOf, displayLine, escapeUnsafe, isUnsafe } from '../../../src/diagnostics/render/width.js';

const plain = { gutter: (t: string) => t, caret: (t: string) => t };

describe('terminal columns', () => {
  it('counts CJK and full-width characters as two cells and everything ASCII as one', () => {
    const line = displayLine('名称：客户A');
    expect(line.columns).toEqual([0, 2, 4, 6, 8, 10, 11]);
  });

  it('keeps a surrogate pair in one place and gives an emoji two cells', () => {
    const line = displayLine('a😀b');
    expect(cellOf(line, 2)).toBe(1); // the emoji
    expect(cellOf(line, 4)).toBe(3); // b, after a two-unit, two-cell character
  });

  it('gives combining marks and variation selectors no cell', () => {
    expect(displayLine('e\u0301x').columns).toEqual([0, 1, 1, 2]);
  });

  it('expands tabs to four spaces in the text and in the count alike', () => {
    const line = displayLine('a\tb');
    expect(line.text).toBe('a    b');
    expect(cellOf(line, 3)).toBe(5);
  });

  it('shows control and bidi-override characters as U+FFFD', () => {
    expect(displayLine('a\u001bb\u202ec').text).toBe('a\ufffdb\ufffdc');
  });

  it('keeps counting past the end of a line, for an insertion point there', () => {
    expect(cellOf(displayLine('中'), 3)).toBe(3);
  });
});

describe('code frame', () => {
  it('puts carets under a value that follows a tab', () => {
    const frame = codeFrame(['# note:\tsee below', 'key: value'], range(1, 9, 1, 12), plain);
    expect(frame.rows).toEqual(['1 | # note:    see below', '  |            ^^^', '2 | key: value']);
  });

  it('marks one cell for an empty range at the end of the file', () => {
    const frame = codeFrame(['a: [1, 2'], range(2, 1, 2, 1), plain);
    expect(frame.rows).toEqual(['1 | a: [1, 2', '2 |', '  | ^']);
  });

  it('widens the gutter to the largest line number shown', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `k${i + 1}: ${i + 1}`);
    const frame = codeFrame(lines, range(9, 1, 9, 3), plain);
    expect(frame.gutterWidth).toBe(2);
    expect(frame.rows[0]).toBe(' 7 | k7: 7');
    expect(frame.rows.at(-1)).toBe('11 | k11: 11');
  });
});

describe('escapeUnsafe', () => {
  it('spells out exactly the characters isUnsafe refuses, and keeps those asked for', () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCharCode(cp);
      expect(escapeUnsafe(char) !== char, `U+${cp.toString(16)}`).toBe(isUnsafe(cp));
    }
    expect(escapeUnsafe('a\x1b[2J\nb', '\n')).toBe('a\\u001b[2J\nb');
  });
});

function range(line: number, column: number, endLine: number, endColumn: number) {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}
