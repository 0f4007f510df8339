import { describe, expect, it } from 'vitest';
import { escapeJsonControls, terminalText } from '../../src/report/control.js';
import { renderTable, textWidth } from '../../src/report/table.js';

const CLEAR = '\u001b[2J\u001b[H';
const LINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';

describe('control characters in report text', () => {
  it('spells out ESC, C1 controls and bidirectional overrides, and keeps line breaks', () => {
    expect(terminalText(`a${CLEAR}\nb\u009b31m\u202ec`)).toBe('a\\u001b[2J\\u001b[H\nb\\u009b31m\\u202ec');
    expect(terminalText('客户 C1\ttab')).toBe('客户 C1\ttab');
  });

  it('keeps a table cell on one line and its columns aligned', () => {
    const table = renderTable(
      ['customer', 'tier'],
      [
        [`X${LINK}`, 'gold'],
        ['line\nbreak', 'silver'],
      ],
    );
    expect([...table].filter((c) => c === '\u001b' || c === '\u009b')).toEqual([]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    const tierColumn = lines.map((l) => textWidth(l.slice(0, l.lastIndexOf(' ') + 1)));
    expect(new Set(tierColumn).size).toBe(1);
  });

  it('lays out a table of a million rows (a whole population on the terminal, or in --out)', () => {
    // Before: the widths were a Math.max over every row's width as arguments, past the stack's size.
    const rows = Array.from({ length: 1_000_000 }, (_, i) => [
      `customer-${i}`,
      i % 7 === 0 ? '重点客户' : 'base',
    ]);
    const lines = renderTable(['customer', 'tier'], rows).split('\n');
    expect(lines).toHaveLength(1_000_002);
    expect(lines[1]).toBe(`${'-'.repeat('customer-999999'.length)}  ${'-'.repeat(8)}`);
  });

  it('writes DEL, C1 and bidi controls in JSON as \\u escapes: the same value, nothing for a terminal to obey', () => {
    const value = { customer: 'A\u009b2J\u007f\u202e', note: 'x\u001by' };
    const json = escapeJsonControls(JSON.stringify(value, null, 2));
    expect([...json].filter((c) => /\p{Cc}|\u202e/u.test(c) && c !== '\n')).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
  });
});
