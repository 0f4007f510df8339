import type { ColumnSpec } from '../data/index.js';
import { duckdb } from '../sql/dialect.js';

/**
 * The cells SQL converts itself, and how: only notations that mean one thing to convertValue
 * (src/data/convert.ts) and that DuckDB converts to the same value. Every other non-empty cell
 * goes to convertValue (src/duckdb/lookup.ts), once per distinct text, so the two paths cannot
 * disagree about a value or its diagnostic.
 */
export interface FastCell {
  /** True when SQL settles the cell (a non-empty text `raw`). */
  when: string;
  /** The cell's value when `when` holds. */
  value: string;
}

/** What String.prototype.trim removes: white space and line terminators, as RE2 spells them. */
export const TRIMMED =
  '[\\s\\x0B\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

const TRUE_WORDS = ['true', 'yes', 'y', '1', '是'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否'];

/**
 * The fast path for a column, or undefined when every non-empty cell goes to convertValue.
 * `number`: the cell as `TRY_CAST(raw AS DOUBLE)`, computed once by the caller (numberCast): DuckDB
 * does not always share a repeated cast, and a million cells cast four times cost half a second.
 */
export function fastCell(spec: ColumnSpec, raw: string, number = numberCast(raw)): FastCell | undefined {
  switch (spec.type) {
    case 'number':
    case 'integer':
      return fastNumber(spec, raw, number);
    case 'string':
      // Two anchored patterns run in half the time of one alternation.
      return {
        when: `NOT regexp_matches(${raw}, ${duckdb.text(`^${TRIMMED}`)}) AND NOT regexp_matches(${raw}, ${duckdb.text(`${TRIMMED}$`)})`,
        value: raw,
      };
    case 'enum': {
      const values = spec.values ?? [];
      if (values.length === 0) return undefined;
      return { when: `${raw} IN (${values.map((v) => duckdb.text(v)).join(', ')})`, value: raw };
    }
    case 'boolean': {
      const words = [...TRUE_WORDS, ...FALSE_WORDS].map((w) => duckdb.text(w)).join(', ');
      // ASCII letters only, so that lower() folds exactly as convertValue's NFKC + toLowerCase.
      return {
        when: `regexp_full_match(${raw}, '[A-Za-z01是否]+') AND lower(${raw}) IN (${words})`,
        value: `lower(${raw}) IN (${TRUE_WORDS.map((w) => duckdb.text(w)).join(', ')})`,
      };
    }
    default:
      // Dates: a column holds few distinct days, and their zone offsets are JavaScript's to compute.
      return undefined;
  }
}

/**
 * A text cell as convertValue takes it, in SQL: what trim() removes at either end removed, and
 * NULL when nothing is left (an empty cell). The pattern that removes runs only on cells that
 * have something to remove.
 */
export function trimmedText(raw: string): string {
  const start = duckdb.text(`^${TRIMMED}`);
  const end = duckdb.text(`${TRIMMED}$`);
  const ends = duckdb.text(`^${TRIMMED}+|${TRIMMED}+$`);
  return `nullif(CASE WHEN regexp_matches(${raw}, ${start}) OR regexp_matches(${raw}, ${end}) THEN regexp_replace(${raw}, ${ends}, '', 'g') ELSE ${raw} END, '')`;
}

/**
 * parseNumberText's plain form (-?\d{1,15}(\.\d{1,6})?): at most 15 significant digits, which
 * a double holds exactly, so DuckDB's correctly rounded cast gives the number JavaScript gives.
 * Values outside the declared min and max, and fractions for integers, are left to convertValue
 * for their diagnostic.
 */
function fastNumber(spec: ColumnSpec, raw: string, number: string): FastCell {
  const when = [`regexp_full_match(${raw}, '-?[0-9]{1,15}(\\.[0-9]{1,6})?')`, `${number} IS NOT NULL`];
  if (spec.type === 'integer') when.push(`${number} = floor(${number})`);
  if (spec.min !== undefined) when.push(`${number} >= ${duckdb.toDouble(duckdb.num(spec.min))}`);
  if (spec.max !== undefined) when.push(`${number} <= ${duckdb.toDouble(duckdb.num(spec.max))}`);
  // convertValue gives 0 for -0.
  return { when: when.join(' AND '), value: `CASE WHEN ${number} = 0 THEN 0.0::DOUBLE ELSE ${number} END` };
}

/**
 * A number column's DOUBLE (Stage.native) as convertValue takes a number: as it is when finite,
 * whole and safe for an integer, and inside the declared min and max; -0 as 0. The others are
 * left to convertValue (of their text) for their diagnostic.
 */
export function nativeNumber(spec: ColumnSpec, number: string): FastCell {
  const when = [`isfinite(${number})`];
  if (spec.type === 'integer')
    when.push(`${number} = floor(${number})`, `abs(${number}) <= ${Number.MAX_SAFE_INTEGER}`);
  if (spec.min !== undefined) when.push(`${number} >= ${duckdb.toDouble(duckdb.num(spec.min))}`);
  if (spec.max !== undefined) when.push(`${number} <= ${duckdb.toDouble(duckdb.num(spec.max))}`);
  return { when: when.join(' AND '), value: `CASE WHEN ${number} = 0 THEN 0.0::DOUBLE ELSE ${number} END` };
}

/** Whether a column's fast path reads the cell as a number. */
export function readsNumber(spec: ColumnSpec): boolean {
  return spec.type === 'number' || spec.type === 'integer';
}

export function numberCast(raw: string): string {
  return `TRY_CAST(${raw} AS DOUBLE)`;
}

/**
 * A row whose every cell is empty or spaces (isBlankRow): Excel's trailing `,,,,` rows. Only rows
 * without a converted value are checked (src/duckdb/convert.ts).
 */
export function blankRow(cells: readonly string[]): string {
  const spaces = duckdb.text(`${TRIMMED}*`);
  return cells.map((c) => `(${c} IS NULL OR regexp_full_match(${c}, ${spaces}))`).join(' AND ') || 'TRUE';
}
