/**
 * How a plain number reads on every surface: grouped thousands (1,234,567) and at most `digits`
 * decimals, rounded half away from zero, never "-0". Chinese readers use the same grouping in
 * business documents, so the language does not change it.
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const factor = 10 ** digits;
  const rounded = (Math.sign(n) * Math.round(Math.abs(n) * factor)) / factor || 0;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A whole count, grouped: 3,000. */
export function formatCount(n: number): string {
  return formatNumber(n, 0);
}
