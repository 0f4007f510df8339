import type { ColumnSpec, RecordSource } from '../data/index.js';
import { DEFAULT_MAX_FIELD_BYTES } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { duckdb } from '../sql/dialect.js';
import type { Stage } from './stage.js';
import { hasBlankLine, transcodeToUtf8 } from './text-file.js';

/**
 * A CSV or TSV file as DuckDB's own reader reads it, or undefined where that reader would read it
 * differently from the JS reader (docs/data.md, "Loading into DuckDB"): CR-only line endings, a
 * header below row 1, a blank line, a byte not valid in the encoding. A malformed row, a line
 * over maxFieldBytes or a bad UTF-8 byte makes DuckDB's reader throw (strict mode) when the
 * stage is first read: the caller then reads the file with the JS reader, which reports the row
 * and goes on.
 *
 * Columns are named by position (`columns={'h0': 'VARCHAR', …}`), never by header, so that a
 * header such as `a"; drop table x; --` never reaches SQL; the path is a literal.
 */
export async function stageCsv(
  source: RecordSource,
  columns: ColumnSpec[],
  diagnostics: Diagnostic[],
): Promise<Stage | undefined> {
  if (source.format !== 'csv' && source.format !== 'tsv') return undefined;
  if (source.lineEnding === 'cr' || source.headerRow !== 1) return undefined;
  const headers = await source.headers();
  const utf8 = source.encoding === 'utf-8';
  const transcoded = utf8 ? undefined : await transcodeToUtf8(source.file, source.encoding!);
  if (!utf8 && !transcoded) return undefined;
  const close = async () => {
    await transcoded?.remove();
  };
  const path = transcoded?.path ?? source.file;
  if (await hasBlankLine(path)) {
    await close();
    return undefined;
  }
  const all = headers.map((_, i) => `h${i}`);
  const options = [
    'header = true',
    'auto_detect = false',
    `delim = ${duckdb.text(source.format === 'csv' ? ',' : '\t')}`,
    `quote = '"'`,
    `escape = '"'`,
    'strict_mode = true',
    'null_padding = false',
    // A longer line is refused, so that a cell over maxFieldBytes (TW0606) reaches the JS reader.
    `max_line_size = ${DEFAULT_MAX_FIELD_BYTES}`,
    `columns = {${all.map((h) => `'${h}': 'VARCHAR'`).join(', ')}}`,
  ];
  return {
    relation: `read_csv(${duckdb.text(path)}, ${options.join(', ')})`,
    file: source.file,
    columns,
    cells: columns.map((c) => headers.indexOf(c.column)),
    all,
    // The header is row 1; blank lines, which the JS reader counts and DuckDB skips, are not there.
    row: 'row_number() OVER () + 1',
    rowFromOrder: 2,
    diagnostics,
    reader: utf8 ? 'duckdb-csv' : `duckdb-csv-${source.encoding}`,
    close,
  };
}
