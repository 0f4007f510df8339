import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type ColumnSpec, mapRecord } from './table.js';
import type { RecordSource } from './types.js';

/** The first row whose key cell reads as `key`, mapped through `columns`; what reading it said. */
export interface FoundRecord {
  row: number;
  values: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/**
 * The first record whose key column, converted as every reader converts it, equals `key`: the
 * file streams past a row at a time and only the key cell of the others is converted, so a
 * lookup holds one row, not the file. The first row with a key is the customer, as in `eval`
 * (later ones are duplicates). A row that cannot be read is passed over; one that ends reading
 * (`fatal`) ends the search with its diagnostic. The source is closed whatever happens.
 */
export async function findRecord(
  source: RecordSource,
  key: ColumnSpec,
  wanted: string,
  columns: readonly ColumnSpec[],
): Promise<FoundRecord | { fatal: Diagnostic } | undefined> {
  const keyOnly = [{ ...key, required: false }];
  try {
    for await (const record of source.records()) {
      if (record.problem) {
        if (record.fatal) return { fatal: record.problem };
        continue;
      }
      const id = mapRecord(record, keyOnly, source.file).values[key.id];
      if (id === undefined || String(id) !== wanted) continue;
      const mapped = mapRecord(record, columns, source.file);
      return { row: record.row, values: mapped.values, diagnostics: mapped.diagnostics };
    }
    return undefined;
  } finally {
    await source.close();
  }
}
