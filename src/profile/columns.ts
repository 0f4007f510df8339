import type { ColumnSpec } from '../data/index.js';
import type { FieldValue } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { maskValue } from '../privacy/mask.js';
import type { ColumnProfile } from './types.js';

const SHOWN_MAX = 60;

/** Per mapped column: how many rows fill it, leave it empty, or hold a value that does not convert. */
export class ColumnTally {
  readonly filled: Int32Array;
  readonly empty: Int32Array;
  readonly invalid: Int32Array;
  private readonly examples: ColumnProfile['examples'][];
  private readonly index: Map<string, number>;

  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly limit: number,
  ) {
    this.filled = new Int32Array(columns.length);
    this.empty = new Int32Array(columns.length);
    this.invalid = new Int32Array(columns.length);
    this.examples = columns.map(() => []);
    this.index = new Map(columns.map((c, i) => [c.column, i]));
  }

  /** Whether column k still wants examples of its invalid values. */
  wantsExample(k: number): boolean {
    return this.examples[k]!.length < this.limit;
  }

  /** Examples from mapRecord's diagnostics of one row (TW0603, TW0604, TW0631 name the column). */
  addExamples(diagnostics: readonly Diagnostic[], cells: Readonly<Record<string, FieldValue>>): void {
    for (const d of diagnostics) {
      if (!EXAMPLE_CODES.has(d.code) || d.column === undefined || d.row === undefined) continue;
      const k = this.index.get(d.column);
      if (k === undefined || !this.wantsExample(k)) continue;
      const spec = this.columns[k]!;
      this.examples[k]!.push({
        row: d.row,
        value: shown(cells[d.column], spec.pii === true),
        message: d.message,
        ...(d.i18n?.message ? { i18n: d.i18n.message } : {}),
      });
    }
  }

  result(rows: number): ColumnProfile[] {
    return this.columns.map((c, k) => ({
      fact: c.id,
      column: c.column,
      type: c.type,
      pii: c.pii === true,
      required: c.required === true,
      filled: this.filled[k]!,
      empty: this.empty[k]!,
      invalid: this.invalid[k]!,
      completeness: rows === 0 ? 0 : this.filled[k]! / rows,
      examples: this.examples[k]!,
    }));
  }
}

/** A value that does not convert, or lies outside the fact's declared min and max. */
const EXAMPLE_CODES = new Set(['TW0603', 'TW0604', 'TW0631']);

function shown(raw: FieldValue | undefined, pii: boolean): string {
  if (raw === undefined || raw === null) return '';
  const text = raw instanceof Date ? raw.toISOString() : String(raw);
  if (pii) return String(maskValue(text));
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}

/** A cell that mapRecord would leave missing: nothing, or only spaces. */
export function isEmptyCell(raw: FieldValue | undefined): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}
