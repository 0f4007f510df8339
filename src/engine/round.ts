import type { Rounding } from '../policy/schema/scoring.js';

/**
 * Relative tolerance for deciding that a binary floating-point value is "exactly" a decimal
 * boundary: 0.2 × 90 + 0.15 × 70 + … may land a hair below 74.5, and the seed sheets mean 74.5.
 */
const TOLERANCE = 1e-9;

/**
 * The policy's rounding of the total score, shared by the reference and the compiled path so
 * both give the same number bit for bit.
 */
export function roundScore(value: number, mode: Rounding = 'half-up', digits = 0): number {
  if (mode === 'none') return value;
  const factor = 10 ** digits;
  const scaled = value * factor;
  const nearest = Math.round(scaled);
  const snapped = Math.abs(scaled - nearest) <= TOLERANCE * Math.max(1, Math.abs(scaled)) ? nearest : scaled;
  const floor = Math.floor(snapped);
  const fraction = snapped - floor;
  const isHalf = Math.abs(fraction - 0.5) <= TOLERANCE * Math.max(1, Math.abs(scaled));
  let result: number;
  switch (mode) {
    case 'floor':
      result = floor;
      break;
    case 'ceil':
      result = Math.ceil(snapped);
      break;
    case 'half-even':
      result = isHalf ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(snapped);
      break;
    default:
      result = isHalf ? floor + 1 : Math.round(snapped);
  }
  return result / factor;
}

/**
 * The smallest unrounded score that rounds to at least `threshold`: what "points to the next
 * tier" must reach. For half-up to integers, 89.5 rounds to 90.
 */
export function minimumRawFor(threshold: number, mode: Rounding = 'half-up', digits = 0): number {
  const step = 10 ** -digits;
  switch (mode) {
    case 'none':
    case 'floor':
      return threshold;
    case 'ceil':
      return threshold - step + Number.EPSILON * Math.max(1, Math.abs(threshold));
    default:
      return threshold - step / 2;
  }
}
