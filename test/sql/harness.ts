import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CustomerInput } from '../../src/engine/evaluate.js';
import { toInstant } from '../../src/facts/instant.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../../src/facts/zone.js';
import { factColumn } from '../../src/policy/columns.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { duckdb } from '../../src/sql/dialect.js';

/** An in-memory DuckDB with extensions off, as the product opens it. */
export async function memoryDuck(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  return instance.connect();
}

const TYPE = { number: 'DOUBLE', integer: 'DOUBLE', date: 'BIGINT', boolean: 'BOOLEAN' } as Record<
  string,
  string
>;

/**
 * Customers' facts (every fact that is not derived) as a typed table named by fact id, the shape
 * src/duckdb loads: numbers DOUBLE, dates their instant in epoch ms. Written as one INSERT of
 * literals, which is plenty for test-sized populations.
 */
export async function insertFacts(
  connection: DuckDBConnection,
  policy: Policy,
  customers: readonly CustomerInput[],
  table = 'tw_customers',
  shape: 'typed' | 'source' = 'typed',
): Promise<void> {
  const zone = zoneCalendar(policy.metadata.timezone ?? DEFAULT_TIMEZONE);
  const facts = Object.entries(policy.facts ?? {}).filter(([, f]) => f.expr === undefined);
  const d = duckdb;
  // A warehouse table: the policy's own column names, dates as wall-clock TIMESTAMPs of the zone.
  const source = shape === 'source';
  const name = (id: string, f: Fact) => (source ? factColumn(policy, id, f) : id);
  const type = (f: Fact) => (source && f.type === 'date' ? 'TIMESTAMP' : (TYPE[f.type] ?? 'VARCHAR'));
  const columns = facts.map(([id, f]) => `${d.ident(name(id, f))} ${type(f)}`);
  await connection.run(`CREATE OR REPLACE TABLE ${d.ident(table)} (${columns.join(', ')})`);
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
  for (let start = 0; start < customers.length; start += 500) {
    const rows = customers
      .slice(start, start + 500)
      .map((c) => `(${facts.map(([id, f]) => literal(f.type, f.key ? c.id : c.facts[id])).join(', ')})`);
    if (rows.length > 0) await connection.run(`INSERT INTO ${d.ident(table)} VALUES ${rows.join(', ')}`);
  }
}

/** The query's rows as plain objects. */
export async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
