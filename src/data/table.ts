import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { didYouMean, suggestion } from '../diagnostics/suggest.js';
import { msg, type Text } from '../i18n/text.js';
import { type Converted, convertValue, type FieldSpec } from './convert.js';
import { safeRecord } from './fields.js';
import { nfkc } from './text.js';
import type { FieldValue, RawRecord } from './types.js';

/** One value the policy reads from a file: a fact (or transaction field) and its column. */
export interface ColumnSpec extends FieldSpec {
  /** The fact or field id the value is stored under. */
  id: string;
  /** The column header in the file. */
  column: string;
  /** A row without this value is an error (TW0605), even when `default` is set. */
  required?: boolean;
  /** Used, as written in the policy, when the cell is empty. */
  default?: unknown;
  /** Personal data: values are never repeated in diagnostics. */
  pii?: boolean;
  /**
   * No customer can get a tier without this column (src/facts/requirements.ts): a file that
   * lacks it is an error before any row is read, not a run that tiers nobody.
   */
  essential?: boolean;
}

/**
 * Matches the columns a policy wants to the file's headers. An exact header wins; otherwise a
 * header that differs only in spaces, full-width characters or case ("近12个月消费金额（元）" for
 * "近12个月消费金额(元)") is accepted with an info note. Returns the columns found, with
 * `column` set to the header as the file spells it.
 */
export function resolveColumns(
  headers: readonly string[],
  wanted: readonly ColumnSpec[],
  file: string,
  headerRow?: number,
): { columns: ColumnSpec[]; diagnostics: Diagnostic[] } {
  const columns: ColumnSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const where = { file, row: headerRow };
  for (const spec of wanted) {
    const exact = headers.filter((h) => h === spec.column);
    const wantedName = normalizeHeader(spec.column);
    const near = exact.length > 0 ? exact : headers.filter((h) => normalizeHeader(h) === wantedName);
    if (near.length === 1) {
      const header = near[0]!;
      if (header !== spec.column) {
        diagnostics.push(
          diagnostic('TW0602', msg('data.columnFoundAs', { column: spec.column, id: spec.id, header }), {
            ...where,
            severity: 'info',
            column: header,
            help: msg('data.columnFoundAsHelp'),
          }),
        );
      }
      columns.push({ ...spec, column: header });
      continue;
    }
    if (near.length > 1) {
      const positions = headers.flatMap((h, i) => (near.includes(h) ? [columnLetter(i)] : []));
      diagnostics.push(
        diagnostic(
          'TW0606',
          msg('data.columnAmbiguous', { n: near.length, column: spec.column, positions, id: spec.id }),
          {
            ...where,
            column: spec.column,
            help: msg('data.columnAmbiguousHelp'),
          },
        ),
      );
      continue;
    }
    diagnostics.push(
      diagnostic('TW0602', msg('data.columnMissing', { column: spec.column, id: spec.id }), {
        ...where,
        severity: spec.required || spec.essential ? 'error' : 'warning',
        help: columnHelp(spec.column, headers),
      }),
    );
  }
  return { columns, diagnostics };
}

const MASKED = { mask: true };
const UNMASKED = { mask: false };

/**
 * One record → the values of the columns, converted. A value that is missing or cannot be read is
 * left out of `values` (so the policy's missing-value rule applies) and reported: TW0605 for a
 * missing required value, TW0604 for a date, TW0603 for anything else. A record that could not
 * be read at all reports its problem and has no values.
 */
export function mapRecord(
  record: RawRecord,
  columns: readonly ColumnSpec[],
  file: string,
): { values: Record<string, unknown>; diagnostics: Diagnostic[] } {
  // Safe like the records: a fact id may be `constructor`.
  const values = safeRecord<unknown>();
  if (record.problem) return { values, diagnostics: [record.problem] };
  const diagnostics: Diagnostic[] = [];
  for (const spec of columns) {
    const raw = record.fields[spec.column];
    const converted = convertValue(raw, spec, spec.pii ? MASKED : UNMASKED);
    if ('error' in converted) {
      diagnostics.push(badCell(spec, converted, raw, { file, row: record.row }));
      continue;
    }
    if (converted.value !== undefined) {
      values[spec.id] = converted.value;
    } else if (spec.required) {
      diagnostics.push(missingCell(spec, { file, row: record.row }));
    } else if (spec.default !== undefined) {
      values[spec.id] = spec.default;
    }
  }
  return { values, diagnostics };
}

/**
 * The diagnostic of a cell convertValue refused: TW0631 outside the declared domain, TW0604 for
 * a date, TW0603 for anything else. Shared by mapRecord and the DuckDB loader (src/duckdb), which
 * converts cells in SQL and must report the ones it cannot convert in the same words.
 */
export function badCell(
  spec: ColumnSpec,
  converted: Extract<Converted, { error: string }>,
  raw: FieldValue | undefined,
  where: { file: string; row: number },
): Diagnostic {
  return diagnostic(
    refusedCode(spec, converted),
    msg('data.badValue', { id: spec.id, problem: converted.problem }),
    {
      ...where,
      column: spec.column,
      help: converted.outOfRange ? msg('data.outOfRangeHelp') : valueHelp(spec, raw),
    },
  );
}

/** The code of a refused cell: outside the declared domain, a date, anything else. */
export function refusedCode(
  spec: ColumnSpec,
  converted: { outOfRange?: boolean },
): 'TW0631' | 'TW0604' | 'TW0603' {
  return converted.outOfRange ? 'TW0631' : spec.type === 'date' ? 'TW0604' : 'TW0603';
}

/** TW0605: a required column's cell is empty. */
export function missingCell(spec: ColumnSpec, where: { file: string; row: number }): Diagnostic {
  return diagnostic('TW0605', msg('data.required', { id: spec.id }), {
    ...where,
    column: spec.column,
    help: msg('data.requiredHelp'),
  });
}

/** NFKC folds full-width letters, digits and brackets; spaces of any kind and case do not count. */
export function normalizeHeader(header: string): string {
  return nfkc(header).replace(/\s+/g, '').toLowerCase();
}

function columnHelp(column: string, headers: readonly string[]): Text {
  const named = headers.filter((h) => h !== '');
  if (named.length === 0) return msg('data.noColumnNames');
  const guess = didYouMean(normalizeHeader(column), named.map(normalizeHeader));
  const original = guess === undefined ? undefined : named.find((h) => normalizeHeader(h) === guess);
  if (original !== undefined) return msg('data.columnDidYouMean', { header: original });
  return suggestion(column, named, 'columns');
}

function valueHelp(spec: ColumnSpec, raw: FieldValue | undefined): Text | undefined {
  switch (spec.type) {
    case 'enum': {
      const guess =
        !spec.pii && typeof raw === 'string' ? didYouMean(raw.trim(), spec.values ?? []) : undefined;
      return guess ? msg('data.enumDidYouMean', { guess }) : undefined;
    }
    case 'date':
      return spec.format === undefined
        ? msg('data.dateHelp')
        : msg('data.dateFormatHelp', { format: spec.format });
    case 'number':
    case 'integer':
      return msg('data.numberHelp');
    default:
      return undefined;
  }
}

/** A, B, …, Z, AA: how spreadsheets name the column at a 0-based index. */
function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
