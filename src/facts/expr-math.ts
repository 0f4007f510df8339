/**
 * The arithmetic of expressions, shared by the interpreter (derive.ts) and the generated code
 * (src/compile/derive.ts) so that both give the same number bit for bit: one definition of what
 * a missing operand, a division by zero or an overflow gives.
 */

/** A finite result, with −0 read as 0; anything else (Infinity, NaN) is no value. */
export function finite(x: number): number | undefined {
  if (x === 0) return 0;
  return Number.isFinite(x) ? x : undefined;
}

/**
 * How far a scaled value may lie from an exact half and still be read as one: 1.005 × 100 is
 * 100.49999999999999 in binary. Absolute, on the fraction: a tolerance relative to the scaled
 * value (1e-9 × 1e9 = 1) would read every fraction of a large number as a half.
 */
const TOLERANCE = 1e-9;
/** From 2^52 on a double has no fraction: the value is already whole at that scale. */
const WHOLE = 2 ** 52;

/**
 * Rounds half away from zero at `digits` decimals, as spreadsheets' ROUND does (round(-2.5) is
 * −3), reading a binary value a hair off a decimal half as that half.
 */
export function roundHalfAway(x: number, digits: number): number | undefined {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  // Beyond 2^52 (or past the largest double once scaled) there is nothing left to round.
  if (!(scaled < WHOLE)) return finite(x);
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const up = fraction > 0.5 || Math.abs(fraction - 0.5) <= TOLERANCE;
  const magnitude = (up ? floor + 1 : floor) / factor;
  return finite(x < 0 ? -magnitude : magnitude);
}

/** Kleene's three-valued logic, as SQL has it: false && missing is false, true || missing is true. */
export function and(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

export function or(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  return a === undefined || b === undefined ? undefined : false;
}
