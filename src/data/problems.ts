import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
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
    ? msg('data.readsAs', {
        encoding: ENCODING_NAMES[piece.alternative],
        option: piece.alternative === 'utf-8' ? 'utf-8' : 'gbk',
      })
    : msg('data.saveAsUtf8');
  return stop(
    row,
    diagnostic('TW0608', msg('data.badByte', { offset: piece.offset, encoding: ENCODING_NAMES[encoding] }), {
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
    ? msg('data.runsOn', { line, limit: formatBytes(limit) })
    : msg('data.lineTooLong', { line, limit: formatBytes(limit) });
  return stop(
    row,
    diagnostic('TW0606', message, {
      file,
      row,
      help: msg('data.runsOnHelp'),
    }),
  );
}

/** A read that failed: the reason in words by its code, not Node's message. */
export function ioProblem(file: string, row: number, message: Text): RawRecord {
  return stop(row, diagnostic('TW0601', msg('data.readFromRow', { row, detail: message }), { file, row }));
}

function stop(row: number, problem: RawRecord['problem']): RawRecord {
  return { row, fields: emptyFields(), problem, fatal: true };
}
