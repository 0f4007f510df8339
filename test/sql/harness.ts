import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CustomerInput } from '../../src/engine/evaluate.js';
import { toInstant } from '../../src/facts/instant.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../../src/facts/zone.js';
import { factColumn } from '../../src/policy/columns.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { type Dialect, duckdb } from '../../src/sql/dialect.js';

/** An in-memory DuckDB with extensions off, as the product opens it. */
export async function memoryDuck(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  return instance.connect();
}

/**
 * Customers' facts (every fact that is not derived) as a table, in statements of a dialect.
 * `typed`: named by fact id, the shape src/duckdb loads (numbers DOUBLE, dates their instant in
 * epoch ms). `source`: a warehouse table with the policy's own column names, dates as wall-clock
 * TIMESTAMPs of the zone. Literals in INSERTs of 500 rows: plenty for test-sized populations.
 */
export function factTableSql(
  d: Dialect,
  policy: Policy,
  customers: readonly CustomerInput[],
  table: string,
  shape: 'typed' | 'source' = 'typed',
): string[] {
  const zone = zoneCalendar(policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const facts = Object.entries(policy.facts ?? {}).filter(([, f]) => f.expr === undefined);
  const source = shape === 'source';
  const name = (id: string, f: Fact) => (source ? factColumn(policy, id, f) : id);
  const type = (f: Fact) => {
    if (f.type === 'date') return source ? 'TIMESTAMP' : d.bigint;
    if (f.type === 'number' || f.type === 'integer') return d.double;
    return f.type === 'boolean' ? 'BOOLEAN' : d.varchar;
  };
  const columns = facts.map(([id, f]) => `${d.ident(name(id, f))} ${type(f)}`);
  const literal = (type: string, v: unknown): string => {
    if (v === undefined || v === null) return 'NULL';
    if (type === 'date') {
      const at = toInstant(v, zone);
      if (at === undefined) return 'NULL';
      if (!source) return String(at);
      const wall = new Date(at + zone.offsetAt(at)).toISOString().replace('T', ' ').replace('Z', '');
      return `TIMESTAMP '${wall}'`;
    }
    if (typeof v === 'number') return Number.isFinite(v) ? d.num(v) : 'NULL';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'string') return d.text(v);
    return 'NULL';
  };
  const statements = [
    `DROP TABLE IF EXISTS ${d.ident(table)}`,
    `CREATE TABLE ${d.ident(table)} (${columns.join(', ')})`,
  ];
  for (let start = 0; start < customers.length; start += 500) {
    const rows = customers
      .slice(start, start + 500)
      .map((c) => `(${facts.map(([id, f]) => literal(f.type, f.key ? c.id : c.facts[id])).join(', ')})`);
    if (rows.length > 0) statements.push(`INSERT INTO ${d.ident(table)} VALUES ${rows.join(', ')}`);
  }
  return statements;
}

/** factTableSql run on DuckDB. */
export async function insertFacts(
  connection: DuckDBConnection,
  policy: Policy,
  customers: readonly CustomerInput[],
  table = 'tw_customers',
  shape: 'typed' | 'source' = 'typed',
): Promise<void> {
  for (const statement of factTableSql(duckdb, policy, customers, table, shape))
    await connection.run(statement);
}

/** The query's rows as plain objects. */
export async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
