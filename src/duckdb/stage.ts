import type { ColumnSpec } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A file's cells in DuckDB as text, before conversion: one VARCHAR column `c<k>` for each resolved
 * column k (empty cells NULL), a `blank` flag for rows whose every cell in the file is empty, in
 * file order, so that the JS readers' row of each is `rowid + base`.
 */
export interface Stage {
  table: string;
  file: string;
  /** The columns found in the file, in the policy's order, spelled as the file spells them. */
  columns: ColumnSpec[];
  /** The row number of the stage's first row. */
  base: number;
  /** About the header: columns found by a near name, columns missing. */
  diagnostics: Diagnostic[];
  reader: string;
}

/** The stage column of the k-th resolved column. */
export function cell(k: number): string {
  return `c${k}`;
}
