/** Percentages are compared in millionths of a percent, so 33.333333% × 3 is judged exactly. */
export const SCALE = 1_000_000;

/** '12.5%' → 12_500_000: exact integer arithmetic for sums of shares and quotas. */
export function parsePercentMicros(text: string): number {
  const [whole = '0', fraction = ''] = text.replace('%', '').split('.');
  return Number(whole) * SCALE + Number(fraction.padEnd(6, '0').slice(0, 6));
}
