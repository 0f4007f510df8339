import type { FactType } from '../schema/facts.js';

/** What the checker knows of a value: its kind, unit and whether it is always whole. */
export interface ValueType {
  kind: 'number' | 'boolean' | 'string' | 'date';
  /** CNY, days, …; undefined when the value carries none (a literal, a ratio of two units). */
  unit?: string;
  integer?: boolean;
  /** The values an enum can take. */
  values?: readonly string[];
}

/** The kind a declared fact type reads as inside an expression. */
export function kindOf(type: FactType): ValueType['kind'] {
  switch (type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'enum':
    case 'string':
      return 'string';
    default:
      return type;
  }
}

/** How the declared type of a derived fact must relate to what its expression gives. */
export function fits(declared: FactType, got: ValueType): boolean {
  return kindOf(declared) === got.kind && (declared !== 'integer' || got.integer === true);
}
