import { open } from 'node:fs/promises';

/** A part of a CSV file for one worker, with the counts a read of the whole file has there. */
export interface PlannedRange {
  start: number;
  end: number;
  /** Rows before `start` (header and blank rows included) and the line `start` is on. */
  rowsBefore: number;
  line: number;
  /** The same at `end`: what the worker must have counted when it gets there. */
  rowsAtEnd: number;
  lineAtEnd: number;
}

const BLOCK_BYTES = 1024 * 1024;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Where the scan is within a record, as papaparse's quote handling sees it. */
enum At {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted value: it closes the value if a separator or newline follows. */
  Closing,
  /** Spaces after such a quote. */
  AfterClosing,
}

/**
 * The file from `bomLength` on, cut into ranges of about `rangeBytes` after newlines that end a
 * record. Records are told apart by following quotes as papaparse does (a quote opens a value
 * only at its start; `""` inside is a quote; a closing quote may be followed by spaces). A quote
 * papaparse reads otherwise (it has its own rules for malformed values) only puts a cut in the
 * wrong place: the worker then does not end its range with a whole record, or counts other rows,
 * and parallel.ts reads the rest of the file as one range. Counting '"', ',' and '\n' bytes is
 * safe in UTF-8 and GB18030: none of them occurs inside a multi-byte character.
 */
export async function* planRanges(
  file: string,
  bomLength: number,
  delimiter: ',' | '\t',
  rangeBytes: number,
): AsyncGenerator<PlannedRange> {
  const separator = delimiter.charCodeAt(0);
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    let at: At = At.FieldStart;
    let rows = 0;
    let line = 1;
    let start = bomLength;
    let rowsBefore = 0;
    let lineBefore = 1;
    let target = start + rangeBytes;
    const cut = (end: number): PlannedRange => {
      const range = { start, end, rowsBefore, line: lineBefore, rowsAtEnd: rows, lineAtEnd: line };
      start = end;
      rowsBefore = rows;
      lineBefore = line;
      target = end + rangeBytes;
      return range;
    };
    for (let position = bomLength; position < size; ) {
      const { bytesRead } = await handle.read(block, 0, BLOCK_BYTES, position);
      if (bytesRead === 0) break;
      const bytes = block.subarray(0, bytesRead);
      if ((at === At.FieldStart || at === At.Unquoted) && bytes.indexOf(QUOTE) < 0) {
        // No quote: every newline ends a record.
        for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) {
          rows++;
          line++;
          const end = position + i + 1;
          if (end >= target && end < size) yield cut(end);
        }
        const last = bytes[bytesRead - 1];
        at = last === NEWLINE || last === separator ? At.FieldStart : At.Unquoted;
      } else {
        for (let i = 0; i < bytesRead; i++) {
          const b = bytes[i]!;
          if (b === NEWLINE) {
            line++;
            if (at === At.Quoted) continue;
            rows++;
            at = At.FieldStart;
            const end = position + i + 1;
            if (end >= target && end < size) yield cut(end);
            continue;
          }
          at = next(at, b, separator);
        }
      }
      position += bytesRead;
    }
    if (start < size || rowsBefore === 0) yield cut(size);
  } finally {
    await handle.close();
  }
}

/** The state after byte `b` (not a newline). */
function next(at: At, b: number, separator: number): At {
  switch (at) {
    case At.FieldStart:
      return b === QUOTE ? At.Quoted : b === separator ? At.FieldStart : At.Unquoted;
    case At.Unquoted:
      return b === separator ? At.FieldStart : At.Unquoted;
    case At.Quoted:
      return b === QUOTE ? At.Closing : At.Quoted;
    case At.Closing:
      if (b === QUOTE) return At.Quoted;
      if (b === separator) return At.FieldStart;
      return isSpace(b) ? At.AfterClosing : At.Quoted;
    case At.AfterClosing:
      if (b === separator) return At.FieldStart;
      if (b === QUOTE) return At.Closing;
      return isSpace(b) ? At.AfterClosing : At.Quoted;
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d;
}
