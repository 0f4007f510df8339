import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_MAX_DIAGNOSTICS } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DomainBreach } from '../facts/aggregate.js';
import { breachDiagnostic } from '../facts/customers.js';
import { type BoundedFact, beyond } from '../sql/aggregates.js';
import { duckdb } from '../sql/dialect.js';

const q = duckdb.ident;

export interface BreachSource {
  /** The kept aggregates (compileAggregateSql's rows) and the customer table they are joined to. */
  aggregates: string;
  customers: string;
  /** The loaded log, and the aggregates with their breaching rows over a part of it (`rows`). */
  log: string;
  foldRows: (log: string) => string;
  /** The customer table's key column (the key fact's id). */
  key: string;
  bounded: readonly BoundedFact[];
  /** The log's file, which each diagnostic names with the row. */
  file: string;
  keyIsPii: boolean;
}

/**
 * TW0632 on DuckDB, as src/facts/customers.ts gives it: every customer of the customer table whose
 * aggregate the log took outside its fact's declared min or max, in the customer file's order and
 * the policy's order of facts, with the log row that did it. Customers without a transaction in
 * any window have the aggregates of nothing, which can be outside too (a count of 0 under
 * `min: 1`). All are counted; at most DEFAULT_MAX_DIAGNOSTICS are listed, and none when `list`
 * is false (`--on-error skip` counts them only).
 */
export async function domainBreaches(
  connection: DuckDBConnection,
  source: BreachSource,
  list: boolean,
): Promise<{ diagnostics: Diagnostic[]; count: number }> {
  const { bounded } = source;
  if (bounded.length === 0) return { diagnostics: [], count: 0 };
  const values = bounded.map((fact, i) => {
    const absent = fact.absent === undefined ? 'NULL' : duckdb.num(fact.absent);
    return `CASE WHEN a.${q('customer')} IS NULL THEN ${absent} ELSE a.${q(`raw:${fact.id}`)} END AS v${i}`;
  });
  const customers = `SELECT ${q(source.key)} AS ${q('customer')}, min(tw_row) AS tw_row FROM ${q(source.customers)} WHERE ${q(source.key)} IS NOT NULL GROUP BY 1`;
  const out = bounded.map(
    (fact, i) =>
      `coalesce(${beyond(duckdb, `v${i}`, 'min', fact.min)} OR ${beyond(duckdb, `v${i}`, 'max', fact.max)}, FALSE) AS o${i}`,
  );
  const rows = `SELECT *, ${out.join(', ')} FROM (SELECT k.tw_row, CAST(k.${q('customer')} AS VARCHAR) AS ${q('customer')}, ${values.join(', ')} FROM (${customers}) k LEFT JOIN ${q(source.aggregates)} a ON a.${q('customer')} = k.${q('customer')})`;
  const anyOut = bounded.map((_, i) => `o${i}`).join(' OR ');
  const counted = await connection.runAndReadAll(
    `SELECT CAST(coalesce(sum(${bounded.map((_, i) => `CAST(o${i} AS INTEGER)`).join(' + ')}), 0) AS DOUBLE) FROM (${rows})`,
  );
  const count = Number(counted.getRows()[0]?.[0] ?? 0);
  if (count === 0 || !list) return { diagnostics: [], count };
  // A customer breaches one fact at least: the first rows hold the first diagnostics. Which log
  // row did it is folded again for those customers alone: over the whole log it costs more than
  // the report is worth to a run that has nothing to report.
  const first = q(`${source.aggregates}_breaching`);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${first} AS SELECT * FROM (${rows}) WHERE ${anyOut} ORDER BY tw_row LIMIT ${DEFAULT_MAX_DIAGNOSTICS}`,
  );
  const log = `${source.aggregates}_log`;
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW ${q(log)} AS SELECT * FROM ${q(source.log)} WHERE ${q('customer')} IN (SELECT ${q('customer')} FROM ${first})`,
  );
  const at = bounded.map((fact, i) => `f.${q(`at:${fact.id}`)} AS r${i}`);
  const listed = await connection.runAndReadAll(
    `SELECT b.*, ${at.join(', ')} FROM ${first} b LEFT JOIN (${source.foldRows(log)}) f ON f.${q('customer')} = b.${q('customer')} ORDER BY b.tw_row`,
  );
  const diagnostics: Diagnostic[] = [];
  const columns = listed.columnNames();
  const column = (name: string) => columns.indexOf(name);
  for (const row of listed.getRows()) {
    const key = String(row[column('customer')]);
    bounded.forEach((fact, i) => {
      if (row[column(`o${i}`)] !== true || diagnostics.length >= DEFAULT_MAX_DIAGNOSTICS) return;
      const value = Number(row[column(`v${i}`)]);
      const below = value < fact.min;
      const logRow = row[column(`r${i}`)];
      const breach: DomainBreach = {
        fact: fact.id,
        value,
        bound: below ? 'min' : 'max',
        limit: below ? fact.min : fact.max,
        ...(logRow === null || logRow === undefined ? {} : { row: Number(logRow) }),
        pii: fact.pii,
      };
      diagnostics.push(breachDiagnostic(key, breach, source.file, source.keyIsPii));
    });
  }
  return { diagnostics, count };
}
