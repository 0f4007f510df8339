import { replaceFileVia } from '../io/atomic-write.js';
import { duckdb } from '../sql/dialect.js';
import { openDuck, STREAMING_MEMORY_LIMIT } from './duck.js';

const q = duckdb.ident;

/** What a column of a results CSV holds: `yes` is the word yes or an empty cell. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'yes';

/**
 * A CSV tierwise wrote (RFC 4180, header row, no formula guard) copied into a Parquet file with
 * typed columns: numbers as DOUBLE, booleans as BOOLEAN, yes-or-empty as BOOLEAN, text as
 * VARCHAR, an empty cell as NULL. DuckDB reads and writes both in streaming fashion, so memory
 * stays flat in the row count; the Parquet file replaces `target` only when whole.
 */
export async function csvToParquet(
  csv: string,
  target: string,
  columns: readonly { name: string; kind: ColumnKind }[],
): Promise<void> {
  // A copy streams row groups through, whatever limit the engine is given.
  const duck = await openDuck({ memoryLimit: STREAMING_MEMORY_LIMIT });
  try {
    const read = `read_csv(${duckdb.text(csv)}, header = true, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns.map((c) => `${duckdb.text(c.name)}: 'VARCHAR'`).join(', ')}})`;
    const select = columns.map((c) => {
      const column = q(c.name);
      switch (c.kind) {
        case 'number':
          return `CAST(${column} AS DOUBLE) AS ${column}`;
        case 'boolean':
          return `CAST(${column} AS BOOLEAN) AS ${column}`;
        case 'yes':
          return `coalesce(${column} = 'yes', FALSE) AS ${column}`;
        default:
          return column;
      }
    });
    await replaceFileVia(target, async (temp) => {
      await duck.connection.run(
        `COPY (SELECT ${select.join(', ')} FROM ${read}) TO ${duckdb.text(temp)} (FORMAT parquet, COMPRESSION zstd)`,
      );
    });
  } finally {
    duck.close();
  }
}
