import type { ColumnSpec, Fields, RawRecord, RecordSource } from '../data/index.js';
import { mapRecord, openRecords, resolveColumns } from '../data/index.js';
import type { EncodingOption } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Customers without a customer file: the distinct customer ids of the transaction log, in the
 * order the log first names them (a log is usually in date order, so this is the order customers
 * arrived; sorting would hide that and gain nothing a caller cannot do). Each customer's row is
 * the log row that first names it, so a message about the customer points at a real line.
 *
 * The result is a RecordSource of one column — the key fact's column — so every reader of
 * customer files (objects, columns, profile, worker threads' fallback) takes it unchanged; the
 * other column facts are simply missing, and their missing-value rules and defaults apply.
 * Memory holds the ids, as a customer file's reader holds its keys.
 */
export async function logCustomerSource(
  log: string,
  customerColumn: string,
  keyColumn: string,
  options: { encoding?: EncodingOption; sheet?: string; keyIsPii?: boolean },
): Promise<{ source: RecordSource; customers: number; diagnostics: Diagnostic[] } | Diagnostic[]> {
  const opened = await openRecords(log, { encoding: options.encoding, sheet: options.sheet });
  if ('code' in opened) return [opened];
  const wanted: ColumnSpec[] = [
    { id: '#customer', column: customerColumn, type: 'string', required: true, pii: options.keyIsPii },
  ];
  const resolved = resolveColumns(await opened.headers(), wanted, opened.file, opened.headerRow);
  if (resolved.columns.length === 0) {
    await opened.close();
    return resolved.diagnostics;
  }
  const ids: { id: string; row: number }[] = [];
  const seen = new Set<string>();
  // Bad rows of the log are not reported here: reading its transactions reports each once.
  for await (const record of opened.records()) {
    if (record.problem) {
      if (record.fatal) break;
      continue;
    }
    const id = mapRecord(record, resolved.columns, opened.file).values['#customer'];
    if (id === undefined) continue;
    const key = String(id);
    if (seen.has(key)) continue;
    seen.add(key);
    ids.push({ id: key, row: record.row });
  }
  const file = opened.file;
  const source: RecordSource = {
    file,
    format: opened.format,
    encoding: opened.encoding,
    encodingDetected: opened.encodingDetected,
    lineEnding: opened.lineEnding,
    sheet: opened.sheet,
    headerRow: opened.headerRow,
    headers: async () => [keyColumn],
    records: () => recordsOf(ids, keyColumn),
    close: async () => {},
  };
  return { source, customers: ids.length, diagnostics: resolved.diagnostics };
}

async function* recordsOf(
  ids: readonly { id: string; row: number }[],
  column: string,
): AsyncIterable<RawRecord> {
  for (const { id, row } of ids) {
    const fields = Object.create(null) as Fields;
    fields[column] = id;
    yield { row, fields };
  }
}
