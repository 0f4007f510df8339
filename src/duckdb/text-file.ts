import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePieces } from '../data/decode.js';
import { DEFAULT_MAX_ROW_BYTES, type Encoding } from '../data/types.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Whether the text has a blank line (or starts with a line break). DuckDB's CSV reader skips
 * blank lines, and the JS readers count them as rows; a file with one is read by the JS reader
 * so that every row keeps the number the user sees. Line breaks inside quoted values count too:
 * rarely, such a file is read the slow way.
 */
export async function hasBlankLine(path: string): Promise<boolean> {
  let previous = LF;
  let beforePrevious = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    if (chunk.length === 0) continue;
    // A line break right after a line break, or after CR LF, across the chunk boundary too.
    if (chunk[0] === LF && (previous === LF || (previous === CR && beforePrevious === LF))) return true;
    if (chunk[0] === CR && chunk[1] === LF && previous === LF) return true;
    if (chunk.indexOf('\n\n') >= 0 || chunk.indexOf('\n\r\n') >= 0) return true;
    beforePrevious = chunk.length > 1 ? chunk[chunk.length - 2]! : previous;
    previous = chunk[chunk.length - 1]!;
  }
  return false;
}

/**
 * A GBK / GB18030 file as UTF-8 in a temporary directory, for DuckDB's reader (which reads UTF-8
 * without the `encodings` extension, which stays off). Undefined when a byte is not valid in the
 * encoding or a line is too long: the JS reader then reports it at its row.
 */
export async function transcodeToUtf8(
  path: string,
  encoding: Encoding,
): Promise<{ path: string; remove(): Promise<void> } | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'tierwise-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const target = join(dir, 'utf8.csv');
  const out = await open(target, 'w');
  try {
    for await (const piece of decodePieces(path, encoding, 0, DEFAULT_MAX_ROW_BYTES)) {
      if (piece.kind !== 'text') {
        await out.close();
        await remove();
        return undefined;
      }
      await out.write(piece.text);
    }
  } catch (error) {
    await out.close();
    await remove();
    throw error;
  }
  await out.close();
  return { path: target, remove };
}
