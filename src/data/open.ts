import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { systemReason } from '../diagnostics/system-error.js';
import { msg } from '../i18n/text.js';
import { readCsv } from './csv.js';
import { detectLineEnding, SNIFF_BYTES, sniffEncoding } from './decode.js';
import { readJsonArray, readNdjson } from './ndjson.js';
import { openSource, type Reader } from './source.js';
import { FORMATS, type Format, limitsOf, type OpenOptions, type RecordSource } from './types.js';
import type { XlsxOptions } from './xlsx.js';

/** The format a file name's extension says, as openRecords reads it. */
export const EXTENSIONS: Record<string, Format> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: Excel 97-2003 .xls, and also any password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Opens a customer list or transaction log for streaming. Reads as far as the header row (the
 * first 1,000 records for JSON formats), so that a file that cannot be used at all — missing,
 * empty, of an unknown format, not in a readable encoding — is one diagnostic here; problems in
 * later rows come as records carrying a `problem`.
 */
export async function openRecords(
  path: string,
  options: OpenOptions = {},
): Promise<RecordSource | Diagnostic> {
  const file = path;
  const format = options.format ?? EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) return unknownFormat(file);
  const head = await readHead(path);
  if ('code' in head) return head;
  const limits = limitsOf(options);
  const magic = (bytes: number[]) => bytes.every((b, i) => head.bytes[i] === b);
  if (magic(OLE_MAGIC)) {
    return diagnostic('TW0601', msg('data.xlsOrProtected'), {
      file,
      help: msg('data.xlsOrProtectedHelp'),
    });
  }
  if (format === 'xlsx') {
    if (!magic(ZIP_MAGIC)) {
      return diagnostic('TW0601', msg('data.notZip'), {
        file,
        help: msg('data.notZipHelp'),
      });
    }
    return openSource(
      { file, format },
      () => readWorkbook({ file, sheet: options.sheet, limits }),
      'header-row',
    );
  }
  if (magic(ZIP_MAGIC)) {
    return diagnostic('TW0601', msg('data.zipNotText', { format: format.toUpperCase() }), {
      file,
      help: msg('data.zipNotTextHelp'),
    });
  }
  const sniffed = sniffEncoding(head.bytes, options.encoding ?? 'auto');
  if (!sniffed.ok) return diagnostic(sniffed.code, sniffed.message, { file, help: sniffed.help });
  const lineEnding = detectLineEnding(head.bytes, sniffed.bomLength);
  const text = { file, encoding: sniffed.encoding, bomLength: sniffed.bomLength, limits, lineEnding };
  const info = { file, format, encoding: sniffed.encoding, encodingDetected: sniffed.detected, lineEnding };
  switch (format) {
    case 'csv':
    case 'tsv': {
      const delimiter = format === 'csv' ? ',' : '\t';
      return openSource(info, () => readCsv({ ...text, delimiter }), 'header-row');
    }
    case 'ndjson':
      return openSource(info, () => readNdjson(text), 'keys');
    case 'json': {
      // JSON Lines saved as .json is common (jq -c); an object at the top means one per line.
      const first = firstNonSpace(head.bytes, sniffed.bomLength);
      const reader = first === 0x7b ? readNdjson : readJsonArray;
      return openSource({ ...info, format: first === 0x7b ? 'ndjson' : 'json' }, () => reader(text), 'keys');
    }
  }
}

/** The formats a stream can be read in: the text ones that are read line by line. */
export type StreamFormat = 'csv' | 'tsv' | 'ndjson';

/**
 * openRecords for bytes that arrive as a stream (a request body): sniffs the encoding and line
 * ending from the first 64 KiB as openRecords does from a file, then reads on through the same
 * readers. `file` names the stream in diagnostics. One pass only: records() cannot start again.
 */
export async function openRecordStream(
  bytes: AsyncIterable<Uint8Array>,
  format: StreamFormat,
  file: string,
  options: Omit<OpenOptions, 'format' | 'sheet'> = {},
): Promise<RecordSource | Diagnostic> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  try {
    while (size < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      size += next.value.length;
    }
  } catch (error) {
    return diagnostic('TW0601', msg('data.cannotRead', { detail: systemReason(error) }), { file });
  }
  const first = Buffer.concat(head);
  const sniffed = sniffEncoding(first.subarray(0, SNIFF_BYTES), options.encoding ?? 'auto');
  if (!sniffed.ok) {
    await iterator.return?.();
    return diagnostic(sniffed.code, sniffed.message, { file, help: sniffed.help });
  }
  let used = false;
  const source: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      if (used) throw new Error('a stream is read once');
      used = true;
      if (first.length > 0) yield first;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
  const lineEnding = detectLineEnding(first.subarray(0, SNIFF_BYTES), sniffed.bomLength);
  const limits = limitsOf(options);
  const text = { file, encoding: sniffed.encoding, bomLength: sniffed.bomLength, limits, lineEnding, source };
  const info = { file, format, encoding: sniffed.encoding, encodingDetected: sniffed.detected, lineEnding };
  if (format === 'ndjson') return openSource(info, () => readNdjson(text), 'keys');
  const delimiter = format === 'csv' ? ',' : '\t';
  return openSource(info, () => readCsv({ ...text, delimiter }), 'header-row');
}

/**
 * Whether a data file can be opened at all — it exists, is a regular file that can be read, and
 * its format is known — without reading it as openRecords does (which, for a workbook, loads
 * its shared strings): for a file named on the command line that this run may not read further.
 */
export async function checkDataFile(
  path: string,
  options: OpenOptions = {},
): Promise<Diagnostic | undefined> {
  if ((options.format ?? EXTENSIONS[extname(path).toLowerCase()]) === undefined) return unknownFormat(path);
  const head = await readHead(path);
  return 'code' in head ? head : undefined;
}

/** The workbook reader (zip, XML, styles) is loaded for a workbook only. */
async function* readWorkbook(options: XlsxOptions): Reader {
  const { readXlsx } = await import('./xlsx.js');
  yield* readXlsx(options);
}

function unknownFormat(file: string): Diagnostic {
  const ext = extname(file).toLowerCase();
  const known = Object.keys(EXTENSIONS).join(', ');
  if (ext === '.xls') {
    return diagnostic('TW0601', msg('data.xlsNotRead'), {
      file,
      help: msg('data.xlsNotReadHelp'),
    });
  }
  // Read by src/duckdb only: this reader names the way to it rather than calling the format unknown.
  if (ext === '.parquet' || ext === '.duckdb' || ext === '.db') {
    return diagnostic('TW0601', msg('data.duckOnly', { name: ext }), {
      file,
      help: msg('data.duckOnlyHelp', { known }),
    });
  }
  return diagnostic('TW0601', msg('data.unknownFormat', { name: ext || file }), {
    file,
    help: msg('data.unknownFormatHelp', { known, formats: [...FORMATS] }),
  });
}

async function readHead(path: string): Promise<{ bytes: Uint8Array } | Diagnostic> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return diagnostic('TW0601', msg('data.notRegularFile'), { file: path });
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return { bytes: buffer.subarray(0, bytesRead) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'permission denied' : String(error);
    return diagnostic('TW0601', msg('data.cannotRead', { detail: reason }), { file: path });
  }
}

function firstNonSpace(bytes: Uint8Array, from: number): number | undefined {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}
