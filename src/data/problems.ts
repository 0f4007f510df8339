import { diagnostic } from '../diagnostics/make.js';
import { emptyFields, formatBytes } from './fields.js';
import type { Encoding, RawRecord } from './types.js';

/** Problems that stop a text reader: each is the last record it yields. */

const ENCODING_NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', gbk: 'GBK', gb18030: 'GBK/GB18030' };

export function encodingProblem(
  file: string,
  row: number,
  piece: { offset: number; alternative?: Encoding },
  encoding: Encoding,
): RawRecord {
  const help = piece.alternative
    ? `this row reads as ${ENCODING_NAMES[piece.alternative]}: give the encoding ${piece.alternative === 'utf-8' ? 'utf-8' : 'gbk'} (automatic detection looks at the first 64 KiB only)`
    : 'save the data as CSV UTF-8 from Excel or WPS';
  return stop(
    row,
    diagnostic('TW0608', `the byte at offset ${piece.offset} is not valid ${ENCODING_NAMES[encoding]}`, {
      file,
      row,
      help,
    }),
  );
}

export function lineTooLong(
  file: string,
  row: number,
  line: number,
  limit: number,
  quoted: boolean,
): RawRecord {
  const message = quoted
    ? `the row starting on line ${line} runs on for more than ${formatBytes(limit)}: a quote in it is probably never closed`
    : `line ${line} is longer than ${formatBytes(limit)}`;
  return stop(
    row,
    diagnostic('TW0606', message, {
      file,
      row,
      help: 'close the quote (a quote inside a quoted value is written twice), or raise maxRowBytes if rows this long are intended',
    }),
  );
}

export function ioProblem(file: string, row: number, message: string): RawRecord {
  return stop(
    row,
    diagnostic('TW0601', `the file could not be read from row ${row} on: ${message}`, { file, row }),
  );
}

function stop(row: number, problem: RawRecord['problem']): RawRecord {
  return { row, fields: emptyFields(), problem, fatal: true };
}
