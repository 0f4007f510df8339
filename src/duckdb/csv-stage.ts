import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, RecordSource } from '../data/index.js';
import { DEFAULT_MAX_FIELD_BYTES } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { duckdb } from '../sql/dialect.js';
import { TRIMMED } from './cells.js';
import { cell, type Stage } from './stage.js';
import { hasBlankLine, transcodeToUtf8 } from './text-file.js';

/**
 * A CSV or TSV file staged by DuckDB's own reader, or undefined where that reader would read it
 * differently from the JS reader (docs/data.md, "Loading into DuckDB"): CR-only line endings, a
 * header below row 1, a blank line, a malformed row (DuckDB's strict mode refuses the file, where
 * the JS reader reports the row and goes on), a byte not valid in the encoding, a cell longer
 * than maxFieldBytes. Then the caller reads the file with the JS reader.
 *
 * Columns are named by position (`columns={'h0': 'VARCHAR', …}`), never by header, so that a
 * header such as `a"; drop table x; --` never reaches SQL; the path is a literal.
 */
export async function stageCsv(
  connection: DuckDBConnection,
  source: RecordSource,
  columns: ColumnSpec[],
  diagnostics: Diagnostic[],
  name: string,
): Promise<Stage | undefined> {
  if (source.format !== 'csv' && source.format !== 'tsv') return undefined;
  if (source.lineEnding === 'cr' || source.headerRow !== 1) return undefined;
  const headers = await source.headers();
  const transcoded =
    source.encoding === 'utf-8' ? undefined : await transcodeToUtf8(source.file, source.encoding!);
  if (source.encoding !== 'utf-8' && !transcoded) return undefined;
  const path = transcoded?.path ?? source.file;
  try {
    if (await hasBlankLine(path)) return undefined;
    const all = headers.map((_, i) => `h${i}`);
    const wanted = columns.map((c, k) => `h${headers.indexOf(c.column)} AS ${cell(k)}`);
    const cells = all.length === 1 ? all[0]! : `concat_ws('', ${all.join(', ')})`;
    const widest =
      all.length === 1
        ? `strlen(${all[0]})`
        : `greatest(${all.map((h) => `coalesce(strlen(${h}), 0)`).join(', ')})`;
    const options = [
      'header = true',
      'auto_detect = false',
      `delim = ${duckdb.text(source.format === 'csv' ? ',' : '\t')}`,
      `quote = '"'`,
      `escape = '"'`,
      'strict_mode = true',
      'null_padding = false',
      `columns = {${all.map((h) => `'${h}': 'VARCHAR'`).join(', ')}}`,
    ];
    const scan = `read_csv(${duckdb.text(path)}, ${options.join(', ')})`;
    const select = [
      ...wanted,
      `coalesce(regexp_full_match(${cells}, ${duckdb.text(`${TRIMMED}*`)}), TRUE) AS blank`,
    ];
    try {
      await connection.run(
        `CREATE OR REPLACE TEMP TABLE ${duckdb.ident(name)} AS SELECT ${select.join(', ')}, ${widest} AS widest FROM ${scan}`,
      );
    } catch {
      // Strict mode refused a row, or a byte is not UTF-8: the JS reader reports it at its row.
      return undefined;
    }
    const wide = await connection.runAndReadAll(
      `SELECT count(*) FROM ${duckdb.ident(name)} WHERE widest > ${DEFAULT_MAX_FIELD_BYTES}`,
    );
    if (Number(wide.getRowsJS()[0]![0]) > 0) return undefined;
    return {
      table: name,
      file: source.file,
      columns,
      base: 2,
      diagnostics,
      reader: source.encoding === 'utf-8' ? 'duckdb-csv' : `duckdb-csv-${source.encoding}`,
    };
  } finally {
    await transcoded?.remove();
  }
}
