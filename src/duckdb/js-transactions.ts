import type { DuckDBConnection } from '@duckdb/node-api';
import type { OnError } from '../data/index.js';
import {
  type ColumnSpec,
  mapRecord,
  type ReadSummary,
  type RecordSource,
  rowErrorPolicy,
} from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { appendValue } from './lookup.js';
import { sqlType, tableValue } from './values.js';

/**
 * The transaction log read by the JS reader, row by row as readTransactions reads it (mapRecord
 * and the row error policy), appended to the table created with `tw_row, customer, at_ms,
 * local_ms, <fields>`. A kept row without a customer or a date is not a transaction, as there.
 */
export async function appendTransactionsJs(
  connection: DuckDBConnection,
  source: RecordSource,
  columns: readonly ColumnSpec[],
  table: string,
  options: { onError: OnError; maxDiagnostics: number; zone: ZoneCalendar },
): Promise<{ diagnostics: Diagnostic[]; summary: ReadSummary; failed: boolean; rowsLoaded: number }> {
  const rows = rowErrorPolicy(options.onError, options.maxDiagnostics);
  const fields = columns.filter((c) => c.id !== '#customer' && c.id !== '#date');
  const types = fields.map((c) => sqlType(c.type));
  const appender = await connection.createAppender(table);
  let rowsLoaded = 0;
  try {
    for await (const record of source.records()) {
      const decision = rows.admit(record, mapRecord(record, columns, source.file));
      if (decision.action === 'stop') {
        await source.close();
        return { diagnostics: rows.diagnostics(), summary: rows.summary(), failed: true, rowsLoaded: 0 };
      }
      if (decision.action === 'skip') continue;
      const values = decision.values;
      const customer = values['#customer'];
      const at = tableValue('date', values['#date'], options.zone) as number | undefined;
      if (customer === undefined || at === undefined) continue;
      appender.appendBigInt(BigInt(record.row));
      appender.appendVarchar(String(customer));
      appender.appendBigInt(BigInt(at));
      appender.appendBigInt(BigInt(at + options.zone.offsetAt(at)));
      for (const [k, spec] of fields.entries())
        appendValue(appender, types[k]!, tableValue(spec.type, values[spec.id], options.zone));
      appender.endRow();
      rowsLoaded++;
    }
  } finally {
    appender.closeSync();
  }
  return { diagnostics: rows.diagnostics(), summary: rows.summary(), failed: false, rowsLoaded };
}
