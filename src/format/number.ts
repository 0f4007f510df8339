/**
 * How a plain number reads on every surface: grouped thousands (1,234,567) and at most `digits`
 * decimals, rounded half away from zero, never "-0". Chinese readers use the same grouping in
 * business documents, so the language does not change it.
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return group(roundHalfAway(n, digits), digits);
}

/** A whole count, grouped: 3,000. */
export function formatCount(n: number): string {
  return formatNumber(n, 0);
}

/** A file's size as people read it: 812 B, 3.4 KB, 1.2 MB (units of 1,024). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let unit = 0;
  while (Math.abs(n) >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${formatNumber(n, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Exactly `digits` decimals, grouped (12.0, 1,234.50): for columns whose decimals line up. */
export function formatFixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return String(n);
  return group(roundHalfAway(n, digits), digits, digits);
}

/** A change: "+3", "-1,250", "0"; the sign of what is shown, so a change that rounds to nothing has none. */
export function formatSigned(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = roundHalfAway(n, digits);
  return rounded > 0 ? `+${group(rounded, digits)}` : group(rounded, digits);
}

function group(rounded: number, digits: number, minimum = 0): string {
  return grouping(minimum, digits).format(rounded);
}

/**
 * One formatter per pair of digit settings: toLocaleString builds a new Intl.NumberFormat on every
 * call, which was most of the time `eval --explain` spent on 3,000 customers.
 */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function grouping(minimum: number, digits: number): Intl.NumberFormat {
  const key = `${minimum}:${digits}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: minimum,
      maximumFractionDigits: digits,
    });
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}

/**
 * `n` to `digits` decimals, halves away from zero. A half written in decimal is often a hair
 * below it in binary (1.005 is 1.00499999999999989…, 0.1085 × 1000 is 108.49999999999999), so a
 * fraction within a few units in the last place of one half counts as the half its writer meant.
 */
export function roundHalfAway(n: number, digits = 0): number {
  if (!Number.isFinite(n)) return n;
  const factor = 10 ** digits;
  const scaled = Math.abs(n) * factor;
  let whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (fraction > 0.5 || Math.abs(fraction - 0.5) <= ulps(scaled)) whole += 1;
  return (Math.sign(n) * whole) / factor || 0;
}

/** Two units in the last place of x: the slack of a quotient rounded, then scaled and rounded again. */
export function ulps(x: number): number {
  return Math.max(Math.abs(x), 1) * Number.EPSILON * 2;
}
