import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { systemReason } from '../diagnostics/system-error.js';
import { msg, type Text } from '../i18n/text.js';
import type { Encoding, EncodingOption } from './types.js';

/**
 * Bytes → text for the text formats, streamed. The stream is cut after each newline byte before
 * decoding: 0x0A never occurs inside a multi-byte character of UTF-8, GBK or GB18030, so every
 * piece decodes on its own and a bad byte can be located exactly.
 */

export const SNIFF_BYTES = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export type Sniffed =
  | { ok: true; encoding: Encoding; detected: boolean; bomLength: number }
  | { ok: false; code: 'TW0601' | 'TW0608'; message: Text; help: Text };

/** Decides the encoding from the first bytes of the file (at most SNIFF_BYTES of them). */
export function sniffEncoding(head: Uint8Array, option: EncodingOption): Sniffed {
  const bom = UTF8_BOM.every((b, i) => head[i] === b) ? 3 : 0;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return {
      ok: false,
      code: 'TW0608',
      message: msg('data.utf16'),
      help: msg('data.utf16Help'),
    };
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      code: 'TW0608',
      message: msg('data.nulByte', {
        offset: nul,
        encoding: option === 'auto' ? msg('data.utf8OrGbk') : option,
      }),
      help: msg('data.nulByteHelp'),
    };
  }
  if (option !== 'auto') {
    if (bom && option !== 'utf-8') {
      return {
        ok: false,
        code: 'TW0608',
        message: msg('data.bomMismatch', { encoding: option }),
        help: msg('data.bomMismatchHelp'),
      };
    }
    return { ok: true, encoding: option, detected: false, bomLength: bom };
  }
  if (bom) return { ok: true, encoding: 'utf-8', detected: true, bomLength: bom };
  const utf8Bad = firstBadByte(head, 'utf-8', true);
  if (utf8Bad < 0) return { ok: true, encoding: 'utf-8', detected: true, bomLength: 0 };
  if (firstBadByte(head, 'gb18030', true) < 0)
    return { ok: true, encoding: 'gb18030', detected: true, bomLength: 0 };
  return {
    ok: false,
    code: 'TW0608',
    message: msg('data.neitherEncoding', { offset: utf8Bad }),
    help: msg('data.saveAsUtf8'),
  };
}

/**
 * The offset where the first character that does not decode starts, or -1. `partialEnd`: the
 * bytes are a prefix of a longer file, so a character cut at the end is not an error.
 */
export function firstBadByte(bytes: Uint8Array, encoding: Encoding, partialEnd = false): number {
  const decodes = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), {
        stream,
      });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length, partialEnd)) return -1;
  // The longest prefix that decodes when more may follow ends just before the offending byte ...
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodes(mid, true)) lo = mid;
    else hi = mid - 1;
  }
  // ... and the bad character starts where the last complete one ends (at most 3 bytes back).
  for (let start = lo; start >= Math.max(0, lo - 3); start--) if (decodes(start, false)) return start;
  return lo;
}

/**
 * How the file ends its lines. CRLF (Windows) reads as LF, the \r being removed where a line
 * ends; CR alone is how classic Mac OS (and Excel for Mac "CSV" before 2016) ends lines, and a
 * reader that looks only for LF would take such a file for one long line.
 */
export type LineEnding = 'lf' | 'crlf' | 'cr';

/**
 * The line ending of a text file from its first bytes: CR only when there is a CR and no LF at
 * all, so that a CR inside a quoted value of an LF file never changes how the file is read.
 */
export function detectLineEnding(head: Uint8Array, bomLength = 0): LineEnding {
  const lf = head.indexOf(0x0a, bomLength);
  if (lf >= 0) return lf > bomLength && head[lf - 1] === 0x0d ? 'crlf' : 'lf';
  return head.indexOf(0x0d, bomLength) >= 0 ? 'cr' : 'lf';
}

/** The byte a piece of text is cut after: 0x0D, like 0x0A, never occurs inside a multi-byte character. */
export function newlineByte(ending: LineEnding | undefined): number {
  return ending === 'cr' ? 0x0d : 0x0a;
}

/**
 * Part of a text file: from `start`, where a line starts, to just after the newline at `end - 1`
 * (or the end of the file).
 */
export interface ByteRange {
  start: number;
  end: number;
}

export type Piece =
  | { kind: 'text'; text: string; offset: number }
  | { kind: 'bad-bytes'; offset: number; alternative?: Encoding }
  | { kind: 'line-too-long'; offset: number }
  | { kind: 'io'; message: Text };

/**
 * The file's text in pieces that end just after a newline, the byte `newline` (the last may
 * not), each with the byte offset where it starts. Ends after a `bad-bytes`, `line-too-long` or
 * `io` piece; the text before the line holding the problem is delivered first. With `range`, only
 * the pieces of that part of the file, cut as a read of the whole file cuts them. With `source`,
 * the bytes come from it (a request body, BOM included) instead of the file `path` names.
 */
export async function* decodePieces(
  path: string,
  encoding: Encoding,
  bomLength: number,
  maxLineBytes: number,
  range?: ByteRange,
  newline = 0x0a,
  source?: AsyncIterable<Uint8Array>,
): AsyncGenerator<Piece> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const begin = range?.start ?? bomLength;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  // Chunks fall where a read of the whole file puts them, so that a range finds a line too long
  // or a bad byte (and the encoding the rest of its line reads as) exactly as that read does.
  const aligned = bomLength + Math.floor((begin - bomLength) / CHUNK_BYTES) * CHUNK_BYTES;
  // Bytes arriving as a stream (an HTTP body) start at the top, with the BOM: no range there.
  const stream = source ?? createReadStream(path, { start: aligned, highWaterMark: CHUNK_BYTES });
  let skip = source ? begin : begin - aligned;
  let tail: Buffer = Buffer.alloc(0);
  let offset = begin;
  try {
    for await (const piece of stream as AsyncIterable<Uint8Array>) {
      let chunk = Buffer.isBuffer(piece)
        ? piece
        : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      if (skip > 0) {
        const skipped = Math.min(skip, chunk.length);
        chunk = chunk.subarray(skipped);
        skip -= skipped;
      }
      const bytes = tail.length === 0 ? chunk : Buffer.concat([tail, chunk]);
      const cut = bytes.lastIndexOf(newline) + 1;
      if (bytes.length - cut > maxLineBytes) {
        if (
          cut > 0 &&
          (yield* decodeComplete(decoder, bytes.subarray(0, cut), offset, encoding, end, newline))
        )
          return;
        if (offset + cut < end) yield { kind: 'line-too-long', offset: offset + cut };
        return;
      }
      if (cut > 0 && (yield* decodeComplete(decoder, bytes.subarray(0, cut), offset, encoding, end, newline)))
        return;
      tail = bytes.subarray(cut);
      offset += cut;
    }
    if (tail.length > 0) yield* decodeComplete(decoder, tail, offset, encoding, end, newline);
  } catch (error) {
    yield { kind: 'io', message: systemReason(error) };
  } finally {
    if ('destroy' in stream) stream.destroy();
  }
}

/**
 * Yields the text of whole lines; on a bad byte, the lines before it and then the problem. Text
 * from `end` on is left out (a problem there too): returns true when reading is over.
 */
async function* decodeComplete(
  decoder: TextDecoder,
  bytes: Uint8Array,
  offset: number,
  encoding: Encoding,
  end: number,
  newline: number,
): AsyncGenerator<Piece, boolean> {
  if (offset >= end) return true;
  const within = offset + bytes.length <= end;
  try {
    const text = decoder.decode(bytes);
    yield { kind: 'text', text: within ? text : decoder.decode(bytes.subarray(0, end - offset)), offset };
    return !within;
  } catch {
    const bad = firstBadByte(bytes, encoding);
    const lineStart = bytes.subarray(0, bad).lastIndexOf(newline) + 1;
    if (offset + lineStart >= end) {
      yield { kind: 'text', text: decoder.decode(bytes.subarray(0, end - offset)), offset };
      return true;
    }
    if (lineStart > 0) yield { kind: 'text', text: decoder.decode(bytes.subarray(0, lineStart)), offset };
    const other: Encoding = encoding === 'utf-8' ? 'gb18030' : 'utf-8';
    const rest = bytes.subarray(lineStart);
    yield {
      kind: 'bad-bytes',
      offset: offset + bad,
      alternative: firstBadByte(rest, other) < 0 ? other : undefined,
    };
    return true;
  }
}
