import { describe, expect, it } from 'vitest';
import { coveredRange, exclusiveEnd, lengthsOf } from '../../../src/diagnostics/render/range.js';

const LINES = ['tiers:', '  levels:', '    - id: vip', '', 'rerating: {}'];
const at = (line: number, column: number) => ({ line, column });

describe('ranges as the characters they cover', () => {
  it('turns an exclusive end into the last character covered', () => {
    expect(coveredRange({ start: at(3, 11), end: at(3, 14) }, lengthsOf(LINES))).toEqual({
      start: at(3, 11),
      end: at(3, 13),
    });
  });

  it('moves a block end at column 1 back over the line start and blank lines it only touches', () => {
    const block = { start: at(2, 3), end: at(5, 1) };
    expect(exclusiveEnd(block, lengthsOf(LINES))).toEqual(at(3, 14));
    expect(coveredRange(block, lengthsOf(LINES)).end).toEqual(at(3, 13));
  });

  it('leaves the end column unknown when the text is not at hand', () => {
    expect(coveredRange({ start: at(2, 3), end: at(4, 1) }, lengthsOf(undefined)).end).toEqual({ line: 3 });
  });

  it('covers the start of an empty or reversed range', () => {
    expect(coveredRange({ start: at(1, 1), end: at(1, 1) }, lengthsOf(LINES)).end).toEqual(at(1, 1));
    expect(coveredRange({ start: at(3, 5), end: at(2, 1) }, lengthsOf(LINES)).end).toEqual(at(3, 5));
  });
});
