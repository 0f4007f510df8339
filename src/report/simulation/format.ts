/** One table cell: what people read, and what a spreadsheet gets (a number where there is one). */
export interface Cell {
  text: string;
  value?: number | string;
}

export const EMPTY: Cell = { text: '' };

export function text(value: string): Cell {
  return { text: value, value };
}

/** Grouped for reading (1,234,567); a spreadsheet gets the number itself. */
export function count(n: number | undefined): Cell {
  if (n === undefined || !Number.isFinite(n)) return EMPTY;
  // `|| 0`: a rounding of -0.3 is -0, which would print as "-0".
  const value = Math.round(n) || 0;
  return { text: value.toLocaleString('en-US'), value };
}

/** A money amount in whole units of its currency for reading, to the cent for spreadsheets. */
export function money(n: number | undefined, signed = false): Cell {
  if (n === undefined || !Number.isFinite(n)) return EMPTY;
  const whole = Math.round(n);
  const shown = Math.abs(whole).toLocaleString('en-US');
  const sign = whole < 0 ? '-' : signed && whole > 0 ? '+' : '';
  return { text: sign + shown, value: Math.round(n * 100) / 100 };
}

/** A decimal figure (scores, weights, contacts a quarter) to `digits` places, grouped. */
export function decimal(n: number | undefined, digits = 1, signed = false): Cell {
  if (n === undefined || !Number.isFinite(n)) return EMPTY;
  const factor = 10 ** digits;
  const rounded = Math.round(n * factor) / factor || 0;
  const shown = Math.abs(rounded).toLocaleString('en-US', { maximumFractionDigits: digits });
  const sign = rounded < 0 ? '-' : signed && rounded > 0 ? '+' : '';
  return { text: sign + shown, value: rounded };
}

export function signedCount(n: number | undefined): Cell {
  const cell = count(n);
  return cell.value !== undefined && (cell.value as number) > 0 ? { ...cell, text: `+${cell.text}` } : cell;
}

/**
 * A share (0–1) as a percentage to one decimal, cut toward the true value rather than rounded, so
 * a tier holding 99.96% of customers reads 99.9% and only an exact whole reads 100.0%. The small
 * tolerance keeps 0.29 (0.28999… in binary) at 29.0%.
 */
export function percentValue(share: number): number {
  if (share >= 1) return share === 1 ? 100 : Math.floor(share * 1000 + 1e-6) / 10;
  const permille = Math.min(999, Math.floor(share * 1000 + 1e-6));
  return permille / 10;
}

export function percent(share: number | undefined): Cell {
  if (share === undefined || !Number.isFinite(share)) return EMPTY;
  const value = percentValue(share);
  return { text: `${value.toFixed(1)}%`, value };
}
