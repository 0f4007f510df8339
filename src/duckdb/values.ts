import type { FieldType } from '../data/index.js';
import { toInstant } from '../facts/instant.js';
import type { ZoneCalendar } from '../facts/zone.js';
import { duckdb } from '../sql/dialect.js';

/**
 * The typed shape compileSql reads (src/sql/query.ts, Relation `typed`): numbers DOUBLE, integers
 * too; dates BIGINT epoch ms of the instant; booleans BOOLEAN; text and enums VARCHAR.
 */
export function sqlType(type: FieldType): 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'VARCHAR' {
  switch (type) {
    case 'number':
    case 'integer':
      return 'DOUBLE';
    case 'date':
      return 'BIGINT';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** A value as the JS readers give it → the table's value: a date's ISO text becomes its instant. */
export function tableValue(
  type: FieldType,
  value: unknown,
  zone: ZoneCalendar,
): number | string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === 'date') return toInstant(value, zone);
  if (type === 'number' || type === 'integer') return typeof value === 'number' ? value : undefined;
  if (type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  return String(value);
}

/** A table value as a SQL literal of the column's type. */
export function literal(type: FieldType, value: number | string | boolean | undefined): string {
  const sql = sqlType(type);
  if (value === undefined) return `CAST(NULL AS ${sql})`;
  if (sql === 'BIGINT') return duckdb.int(value as number);
  if (sql === 'DOUBLE') return duckdb.toDouble(duckdb.num(value as number));
  if (sql === 'BOOLEAN') return value ? 'TRUE' : 'FALSE';
  return duckdb.text(String(value));
}
