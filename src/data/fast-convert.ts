import { type ConvertOptions, convertValue } from './convert.js';
import type { ColumnSpec } from './table.js';
import type { FieldValue } from './types.js';

/** The cell needs mapRecord: it is an error, or an empty cell that is `required`. */
export const SLOW: unique symbol = Symbol('slow');

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * Text in parseNumberText's plain form (-?\d{1,15}(\.\d{1,6})?) → the number `Number(text)`
 * gives, without a regular expression or a string-to-double conversion: with at most 15 digits
 * the digits form an exact integer N, 10^k is exact, and IEEE division rounds N / 10^k correctly,
 * which is what parsing the decimal does (Clinger's fast path). Anything else: undefined.
 */
export function plainNumber(text: string): number | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let mantissa = 0;
  let whole = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    whole++;
  }
  if (whole === 0 || whole > 15) return undefined;
  let fraction = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      mantissa = mantissa * 10 + d;
      fraction++;
    }
    if (fraction === 0 || fraction > 6) return undefined;
  }
  // More digits than a double holds exactly: the general parse decides.
  if (whole + fraction > 15) return Number(text);
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
  return text.charCodeAt(0) === 45 ? -value : value;
}

const MASKED: ConvertOptions = { mask: true };
const UNMASKED: ConvertOptions = { mask: false };

/**
 * One column's converter for the columnar reader: the value mapRecord would keep (the converted
 * value; for an empty cell the default, or `undefined`), or SLOW when only mapRecord can say what
 * the cell means (an error to report). Allocates nothing for the plain
 * numbers and texts most cells hold; every other cell goes through convertValue itself, so the
 * two paths cannot disagree about a value.
 */
export function fastConverter(spec: ColumnSpec): (raw: FieldValue | undefined) => unknown {
  const options = spec.pii ? MASKED : UNMASKED;
  // mapRecord: an empty required cell is an error; an empty cell takes the default as written.
  const empty = spec.required === true ? SLOW : spec.default;
  const general = (raw: FieldValue | undefined): unknown => {
    const converted = convertValue(raw, spec, options);
    if ('error' in converted) return SLOW;
    return converted.value === undefined ? empty : converted.value;
  };
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const integer = spec.type === 'integer';
      // Outside the declared domain is an error mapRecord reports (TW0631).
      const min = spec.min ?? Number.NEGATIVE_INFINITY;
      const max = spec.max ?? Number.POSITIVE_INFINITY;
      return (raw) => {
        const value = typeof raw === 'string' ? plainNumber(raw) : undefined;
        if (value === undefined) return general(raw);
        if (integer && !Number.isInteger(value)) return SLOW;
        if (value < min || value > max) return SLOW;
        return value === 0 ? 0 : value;
      };
    }
    case 'string':
      return (raw) => {
        if (typeof raw === 'string') {
          const text = raw.trim();
          if (text !== '') return text;
        }
        return general(raw);
      };
    case 'enum': {
      const values = new Set(spec.values ?? []);
      return (raw) => {
        if (typeof raw === 'string') {
          const text = raw.trim();
          if (values.has(text)) return text;
        }
        return general(raw);
      };
    }
    default:
      return general;
  }
}
