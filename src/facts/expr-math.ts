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

/** Relative tolerance for "exactly half": 1.005 × 100 is 100.49999999999999 in binary. */
const TOLERANCE = 1e-9;

/**
 * Rounds half away from zero at `digits` decimals, as spreadsheets' ROUND does (round(-2.5) is
 * −3), reading a binary value a hair off a decimal half as that half.
 */
export function roundHalfAway(x: number, digits: number): number | undefined {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const up = fraction > 0.5 || Math.abs(fraction - 0.5) <= TOLERANCE * Math.max(1, scaled);
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
