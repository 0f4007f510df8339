/** Cells as the data files hold them: text as written, an empty string for an empty cell. */
export type Cell = string;

/** RFC 4180 CSV with a header row and \n line ends; a cell is quoted only when it must be. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => cells.map(quote).join(',');
  return [line(header), ...rows.map(line)].map((l) => `${l}\n`).join('');
}

function quote(cell: Cell): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A number as a CSV cell with at most `digits` decimals and no trailing zeros (2.50 → 2.5). */
export function decimal(value: number, digits: number): Cell {
  const text = value.toFixed(digits);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Money with its cents always shown, as finance exports it. */
export function money(value: number): Cell {
  return value.toFixed(2);
}

export function yesNo(value: boolean): Cell {
  return value ? '是' : '否';
}
