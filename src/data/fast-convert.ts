import { type ConvertOptions, convertValue } from './convert.js';
import type { ColumnSpec } from './table.js';
import type { FieldValue } from './types.js';

/** The cell needs mapRecord: it is an error, or an empty cell that is `required`. */
export const SLOW: unique symbol = Symbol('slow');

/** Mirrors parseNumberText's own fast path, so that both give the same number for the same text. */
const SIMPLE = /^-?\d{1,15}(?:\.\d{1,6})?$/;

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
      return (raw) => {
        if (typeof raw === 'string' && SIMPLE.test(raw)) {
          const value = Number(raw);
          if (integer && !Number.isInteger(value)) return SLOW;
          return value === 0 ? 0 : value;
        }
        return general(raw);
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
