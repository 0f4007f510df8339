import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec } from '../data/index.js';
import { customerColumnChunks } from '../facts/columnar.js';
import type { CustomerSourceOptions, ReadEnd } from '../facts/customer-source.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { appendValue } from './lookup.js';
import { createTable, factColumn } from './table.js';
import { sqlType, tableValue } from './values.js';

/**
 * The customer file read by the JS reader (customerColumnChunks: the evaluation's own reader),
 * appended to the table: for the formats and files DuckDB's readers do not read as it does.
 * Rows, values and diagnostics are the JS reader's by construction.
 */
export async function appendCustomersJs(
  connection: DuckDBConnection,
  options: CustomerSourceOptions,
  columns: readonly ColumnSpec[],
  keyFact: string,
  table: string,
  zone: ZoneCalendar,
): Promise<ReadEnd & { rowsLoaded: number }> {
  await createTable(connection, table, [['tw_row', 'BIGINT'], ...columns.map(factColumn)]);
  const appender = await connection.createAppender(table);
  const types = columns.map((c) => sqlType(c.type));
  const chunks = customerColumnChunks(options, columns, keyFact, 8192);
  let rowsLoaded = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      appender.closeSync();
      return { ...next.value, rowsLoaded: next.value.failed ? 0 : rowsLoaded };
    }
    const chunk = next.value;
    for (let i = 0; i < chunk.length; i++) {
      appender.appendBigInt(BigInt(chunk.rows[i]!));
      for (const [k, spec] of columns.entries()) {
        const raw = chunk.facts[spec.id]![i];
        const value = typeof raw === 'number' && Number.isNaN(raw) ? undefined : raw;
        appendValue(appender, types[k]!, tableValue(spec.type, value, zone));
      }
      appender.endRow();
    }
    rowsLoaded += chunk.length;
  }
}
