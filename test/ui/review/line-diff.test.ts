import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../ui/src/review/line-diff.js';

describe('lineDiff', () => {
  it('numbers lines on each side and marks what was removed and added', () => {
    const rows = lineDiff('a\nb\nc\n', 'a\nB\nc\n');
    expect(rows).toEqual([
      { kind: 'same', oldLine: 1, newLine: 1, text: 'a' },
      { kind: 'removed', oldLine: 2, text: 'b' },
      { kind: 'added', newLine: 2, text: 'B' },
      { kind: 'same', oldLine: 3, newLine: 3, text: 'c' },
    ]);
  });

  it('folds unchanged runs beyond the context into one row that counts them', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const rows = lineDiff(before, after, 2);
    expect(rows.map((r) => r.kind)).toEqual([
      'skipped',
      'same',
      'same',
      'removed',
      'added',
      'same',
      'same',
      'skipped',
    ]);
    expect(rows[0]).toMatchObject({ skipped: 7, oldLine: 1 });
    expect(rows.at(-1)).toMatchObject({ skipped: 8, oldLine: 13, newLine: 13 });
  });

  it('shows a new text as added lines only', () => {
    expect(lineDiff('', 'x\ny').map((r) => `${r.kind}:${r.newLine}`)).toEqual(['added:1', 'added:2']);
  });
});
