import { describe, expect, it } from 'vitest';
import {
  type RangedDiagnostic as Diagnostic,
  lineStarts,
  marksOf,
  offsetOf,
} from '../../../ui/src/editor/lint.js';

const TEXT = 'metadata:\n  owner: a\n  ownr: typo\n';

const diagnostic = (
  range: Diagnostic['range'],
  extra: Partial<Diagnostic> & { pointer?: string } = {},
): Diagnostic => ({
  code: 'TW0101',
  severity: 'error',
  message: "unknown property 'ownr'",
  range,
  ...extra,
});

describe('diagnostics as lint marks', () => {
  it('turns 1-based line:column into offsets, clamped to the line and the text', () => {
    const starts = lineStarts(TEXT);
    expect(starts).toEqual([0, 10, 21, 34]);
    expect(offsetOf(starts, TEXT.length, 3, 3)).toBe(23);
    expect(offsetOf(starts, TEXT.length, 3, 999)).toBe(33);
    expect(offsetOf(starts, TEXT.length, 99, 1)).toBe(34);
  });

  it('marks a diagnostic at its exact range, with its code as the source', () => {
    const [mark] = marksOf(
      [diagnostic({ start: { line: 3, column: 3 }, end: { line: 3, column: 7 } })],
      TEXT,
    );
    expect(mark).toEqual({
      from: 23,
      to: 27,
      severity: 'error',
      message: "unknown property 'ownr'",
      source: 'TW0101',
    });
    expect(TEXT.slice(mark!.from, mark!.to)).toBe('ownr');
  });

  it('widens an empty range to the rest of its line; leaves out pointers only and other files', () => {
    const marks = marksOf(
      [
        diagnostic({ start: { line: 2, column: 3 }, end: { line: 2, column: 3 } }),
        diagnostic(undefined, { pointer: '/metadata' }),
        diagnostic(
          { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } },
          { file: 'base.tier.yaml' },
        ),
      ],
      TEXT,
      'retail.tier.yaml',
    );
    expect(marks.map((m) => TEXT.slice(m.from, m.to))).toEqual(['owner: a']);
  });
});
