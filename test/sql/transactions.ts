import type { DuckDBConnection } from '@duckdb/node-api';
import type { CustomerAccumulator } from '../../src/facts/aggregate.js';
import { readTransactions } from '../../src/facts/customers.js';
import type { Transaction } from '../../src/facts/transaction.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../../src/facts/zone.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import type { AggregateSql } from '../../src/sql/aggregates.js';
import { type Dialect, duckdb } from '../../src/sql/dialect.js';

/** One transaction of a log with its customer, as the aggregates read it. */
export interface LoggedTransaction extends Transaction {
  customer: string;
}

/**
 * A transaction log read by the loader's own reader (src/facts/customers.ts readTransactions), in
 * file order: the instants and typed fields the JavaScript aggregates see.
 */
export async function readLog(policy: Policy, path: string, customers: readonly string[]) {
  const log: LoggedTransaction[] = [];
  const collect = (customer: string): CustomerAccumulator => ({
    add: (tx) => log.push({ ...tx, customer }),
    result: () => ({}),
    breaches: () => [],
  });
  const accumulators = new Map(customers.map((id) => [id, collect(id)]));
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const read = await readTransactions(policy, {}, path, timezone, accumulators);
  if (read.failed) throw new Error(JSON.stringify(read.diagnostics));
  return log;
}

/**
 * A staged transactions table (the relation aggregateSql reads): customer, at_ms, local_ms in the
 * zone, the policy's fields, and tw_row numbering the rows in log order. INSERTs of 1000 rows.
 */
export function transactionTableSql(
  d: Dialect,
  policy: Policy,
  log: readonly LoggedTransaction[],
  table: string,
): string[] {
  const zone = zoneCalendar(policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const fields = Object.entries(policy.sources?.transactions?.fields ?? {});
  const type = (t: string | undefined) =>
    t === 'string' ? d.varchar : t === 'boolean' ? 'BOOLEAN' : d.double;
  const columns = [
    `${d.ident('customer')} ${d.varchar}`,
    `at_ms ${d.bigint}`,
    `local_ms ${d.bigint}`,
    `tw_row ${d.bigint}`,
    ...fields.map(([id, f]) => `${d.ident(id)} ${type(f.type)}`),
  ];
  const value = (v: unknown): string => {
    if (v === undefined || v === null) return 'NULL';
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return `CAST('NaN' AS ${d.double})`;
      return Number.isFinite(v) ? d.num(v) : `CAST('${v > 0 ? '' : '-'}Infinity' AS ${d.double})`;
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return d.text(String(v));
  };
  const statements = [`DROP TABLE IF EXISTS ${table}`, `CREATE TABLE ${table} (${columns.join(', ')})`];
  for (let start = 0; start < log.length; start += 1000) {
    const rows = log.slice(start, start + 1000).map((tx, i) => {
      const cells = [
        d.text(tx.customer),
        String(tx.at),
        String(tx.at + zone.offsetAt(tx.at)),
        String(tx.row ?? start + i),
        ...fields.map(([id]) => value(tx.fields[id])),
      ];
      return `(${cells.join(', ')})`;
    });
    statements.push(`INSERT INTO ${table} VALUES ${rows.join(', ')}`);
  }
  return statements;
}

/** transactionTableSql's table on DuckDB, filled by its appender: a log of some 10⁵ rows in a second. */
export async function appendLog(
  connection: DuckDBConnection,
  policy: Policy,
  log: readonly LoggedTransaction[],
  table: string,
): Promise<void> {
  for (const s of transactionTableSql(duckdb, policy, [], table)) await connection.run(s);
  const zone = zoneCalendar(policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const fields = Object.entries(policy.sources?.transactions?.fields ?? {});
  const appender = await connection.createAppender(table);
  for (const [i, tx] of log.entries()) {
    appender.appendVarchar(tx.customer);
    appender.appendBigInt(BigInt(tx.at));
    appender.appendBigInt(BigInt(tx.at + zone.offsetAt(tx.at)));
    appender.appendBigInt(BigInt(tx.row ?? i));
    for (const [id, field] of fields) {
      const v = tx.fields[id];
      if (v === undefined || v === null) appender.appendNull();
      else if (field.type === 'string') appender.appendVarchar(String(v));
      else if (field.type === 'boolean') appender.appendBoolean(v === true);
      else appender.appendDouble(Number(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** A table of customer keys, for the absent customers' values. */
export function keyTableSql(d: Dialect, keys: readonly string[], table: string): string[] {
  const statements = [`DROP TABLE IF EXISTS ${table}`, `CREATE TABLE ${table} (id ${d.varchar})`];
  for (let start = 0; start < keys.length; start += 1000) {
    const rows = keys.slice(start, start + 1000).map((k) => `(${d.text(k)})`);
    statements.push(`INSERT INTO ${table} VALUES ${rows.join(', ')}`);
  }
  return statements;
}

/**
 * The aggregates for every key of `keys`, as compileSql joins them: a customer without a row in
 * the aggregates gets each fact's `absent` value.
 */
export function aggregateQuery(d: Dialect, aggregates: AggregateSql, keys: string): string {
  const id = (name: string) => d.ident(name);
  const values = aggregates.facts.map(
    (f) => `CASE WHEN a.${id('customer')} IS NULL THEN ${f.absent} ELSE a.${id(f.id)} END AS ${id(f.id)}`,
  );
  const ctes = [...aggregates.ctes, ['tw_aggregates', aggregates.select] as const];
  return `WITH\n${ctes.map(([name, body, inline]) => d.cte(name, body, inline)).join(',\n')}\nSELECT k.id AS ${id('customer')}, ${values.join(', ')} FROM ${keys} k LEFT JOIN tw_aggregates a ON a.${id('customer')} = k.id`;
}

/** A fact as SQL gave it back, in the JavaScript path's terms: a date as its ISO text's instant. */
export function sqlValue(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'bigint' ? Number(value) : Number(value);
}

export function jsValue(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? Date.parse(value) : (value as number);
}
