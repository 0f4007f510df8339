import Papa, { type ParseError, type ParseResult } from 'papaparse';
import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
import { type ByteRange, decodePieces, type LineEnding, newlineByte } from './decode.js';
import {
  CellsRecord,
  emptyFields,
  FieldBuilder,
  formatBytes,
  isBlankRow,
  longerThan,
  oversizedCell,
} from './fields.js';
import { encodingProblem, ioProblem, lineTooLong } from './problems.js';
import type { Reader, ReaderEvent } from './source.js';
import type { Encoding, Limits, RawRecord } from './types.js';

export interface CsvOptions {
  file: string;
  delimiter: ',' | '\t';
  encoding: Encoding;
  bomLength: number;
  limits: Limits;
  /** From detectLineEnding; LF by default. */
  lineEnding?: LineEnding;
  /** Only this part of the file (reading in parallel: src/simulate/parallel.ts). */
  range?: CsvRange;
  /** The bytes, when they come as a stream (a request body) rather than from `file`. */
  source?: AsyncIterable<Uint8Array>;
}

/**
 * A part of a CSV file that starts where a record starts, read with the counts of the rows and
 * lines before it, so that its rows and messages are numbered as a read of the whole file numbers
 * them.
 */
export interface CsvRange extends ByteRange {
  /** Rows before `start`, the header and blank rows included. */
  rowsBefore: number;
  /** The line `start` is on (1 for the first). */
  line: number;
  /** The header's cells, when the range starts after the header. */
  headers?: readonly string[];
  /**
   * Told when the range was read to `end` without stopping: whether its last record ended at
   * `end` (a quote may have left it open), and the rows and line counted by then.
   */
  onEnd?: (end: { clean: boolean; rows: number; line: number }) => void;
}

/**
 * CSV and TSV, streamed: decoded pieces go to papaparse's core parser, which returns the complete
 * rows of each piece and where the incomplete last one starts; that remainder is carried into the
 * next piece. Memory holds one piece and one row, whatever the file's length.
 *
 * Rows are counted as spreadsheets count them: the header is row 1, and a quoted value holding
 * line breaks leaves its record one row. Messages about malformed rows add the line in the file
 * when it differs, for readers who open the file in a text editor.
 */
export async function* readCsv(options: CsvOptions): Reader {
  const { file, limits } = options;
  // Split on \n, a \r before it being removed below, so LF, CRLF and mixed files all read; on \r
  // alone for a file that has no \n at all (classic Mac OS).
  const newline = options.lineEnding === 'cr' ? '\r' : '\n';
  const parser = new Papa.Parser({ delimiter: options.delimiter, newline, quoteChar: '"' });
  const { range } = options;
  let builder = range?.headers ? new FieldBuilder(range.headers) : undefined;
  let row = range?.rowsBefore ?? 0;
  let line = range?.line ?? 1;
  let partial = '';
  let partialLine = line;

  const take = (
    cells: string[],
    errors: readonly ParseError[],
    multiline: boolean,
  ): ReaderEvent | undefined => {
    row++;
    const rowLine = line;
    const breaks = multiline ? lineBreaks(cells, newline) : 0;
    line += 1 + breaks;
    const last = cells.length - 1;
    // An unclosed quote at the end of the file ends with the file's last newline inside it.
    const lastLine = rowLine + breaks - (breaks > 0 && cells[last]!.endsWith(newline) ? 1 : 0);
    if (cells[last]!.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
    if (errors.length === 0 && isBlankRow(cells)) return undefined;
    const problem = rowProblem(cells, errors, builder?.headers.length, limits);
    if (problem) {
      // A stray quote can swallow the lines after it into one value: name them, never merge silently.
      const message =
        lastLine > rowLine
          ? msg('data.rowLines', { problem: problem.message, from: rowLine, to: lastLine })
          : rowLine === row
            ? problem.message
            : msg('data.rowLines', { problem: problem.message, from: rowLine });
      const d = diagnostic('TW0606', message, {
        file,
        row,
        column: problem.column === undefined ? undefined : builder?.headers[problem.column],
        help: problem.help,
      });
      // A header that cannot be read leaves nothing to read the rows by.
      return {
        kind: 'record',
        record: { row, fields: emptyFields(), problem: d, fatal: problem.fatal || !builder },
      };
    }
    if (!builder) {
      builder = new FieldBuilder(cells);
      return { kind: 'header', names: cells, row };
    }
    return { kind: 'record', record: new CellsRecord(row, cells, builder) };
  };

  /** The events of the complete rows in `text`; `stop` when one of them ends reading. */
  const parse = (text: string, final: boolean): { events: ReaderEvent[]; stop: boolean } => {
    const result = parser.parse(text, 0, !final) as ParseResult<string[]>;
    const multiline = text.includes('"');
    const errorsByRow = groupErrors(result.errors, result.data.length);
    const events: ReaderEvent[] = [];
    for (let i = 0; i < result.data.length; i++) {
      const event = take(result.data[i]!, errorsByRow.get(i) ?? [], multiline);
      if (!event) continue;
      events.push(event);
      if (event.kind === 'record' && event.record.fatal) return { events, stop: true };
    }
    partial = final ? '' : text.slice(result.meta.cursor);
    partialLine = line;
    return { events, stop: false };
  };

  for await (const piece of decodePieces(
    options.file,
    options.encoding,
    options.bomLength,
    limits.maxRowBytes,
    range,
    newlineByte(options.lineEnding),
    options.source,
  )) {
    if (piece.kind === 'text') {
      const { events, stop } = parse(partial + piece.text, false);
      if (events.length > 0) yield events;
      if (stop) return;
      if (partial.length > limits.maxRowBytes || Buffer.byteLength(partial) > limits.maxRowBytes) {
        yield [fatal(lineTooLong(file, row + 1, partialLine, limits.maxRowBytes, true))];
        return;
      }
      continue;
    }
    if (piece.kind === 'bad-bytes') yield [fatal(encodingProblem(file, row + 1, piece, options.encoding))];
    else if (piece.kind === 'line-too-long')
      yield [
        fatal(
          lineTooLong(file, row + 1, partial === '' ? line : partialLine, limits.maxRowBytes, partial !== ''),
        ),
      ];
    else yield [fatal(ioProblem(file, row + 1, piece.message))];
    return;
  }
  range?.onEnd?.({ clean: partial === '', rows: row, line });
  if (partial !== '') yield parse(partial, true).events;
}

function fatal(record: RawRecord): ReaderEvent {
  return { kind: 'record', record };
}

interface RowProblem {
  message: Text;
  help?: Text;
  column?: number;
  /** Reading stops: whether a row is too long must not depend on where the file's chunks fall. */
  fatal?: boolean;
}

function rowProblem(
  cells: readonly string[],
  errors: readonly ParseError[],
  width: number | undefined,
  limits: Limits,
): RowProblem | undefined {
  const error = errors.find((e) => e.code === 'MissingQuotes') ?? errors[0];
  if (error?.code === 'MissingQuotes') {
    return {
      message: msg('data.unclosedQuote'),
      help: msg('data.unclosedQuoteHelp'),
    };
  }
  if (error) {
    return {
      message: msg('data.textAfterQuote'),
      help: msg('data.textAfterQuoteHelp'),
    };
  }
  if (longerThan(cells, limits.maxRowBytes)) {
    return {
      message: msg('data.rowTooLong', { limit: formatBytes(limits.maxRowBytes) }),
      help: msg('data.rowTooLongHelp'),
      fatal: true,
    };
  }
  const oversized = oversizedCell(cells, limits.maxFieldBytes);
  if (oversized >= 0) {
    return {
      message: msg('data.valueTooLong', { limit: formatBytes(limits.maxFieldBytes) }),
      help: msg('data.valueTooLongHelp'),
      column: oversized,
    };
  }
  if (width !== undefined && cells.length !== width) {
    return {
      message: msg('data.rowWidth', { values: cells.length, columns: width }),
      help: msg('data.rowWidthHelp'),
    };
  }
  return undefined;
}

/** papaparse numbers errors by row within one parse call; errors of the unfinished last row are dropped, as it is parsed again. */
function groupErrors(errors: readonly ParseError[], rows: number): Map<number, ParseError[]> {
  const byRow = new Map<number, ParseError[]>();
  for (const error of errors) {
    const at = error.row ?? -1;
    if (at < 0 || at >= rows) continue;
    const list = byRow.get(at) ?? [];
    list.push(error);
    byRow.set(at, list);
  }
  return byRow;
}

function lineBreaks(cells: readonly string[], newline: string): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf(newline); i >= 0; i = cell.indexOf(newline, i + 1)) count++;
  }
  return count;
}
