import { charWidth, escapeUnsafe } from '../diagnostics/render/width.js';

/** Display width of a text on a terminal: CJK characters take two columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

/** A plain aligned table; numbers right-aligned, text left-aligned, widths by display width. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  // A cell is one line: a control character in a customer id (a line break, an ESC) is spelled out.
  header = header.map((cell) => escapeUnsafe(cell));
  rows = rows.map((row) => row.map((cell) => escapeUnsafe(cell)));
  // A loop, not Math.max(...column): a spread of a million rows' widths overflows the call stack.
  const widths = header.map((h) => textWidth(h));
  for (const row of rows)
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, textWidth(row[i] ?? ''));
  const pad = (text: string, i: number) => {
    const space = ' '.repeat(Math.max(0, widths[i]! - textWidth(text)));
    return numeric[i] ? space + text : text + space;
  };
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, i))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
