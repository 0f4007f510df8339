import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { msg, type Text } from '../i18n/text.js';

/** Fixed so the same files give the same bytes on any machine, whoever builds them. */
const FILE_MODE = 0o644;
/** RFC 1952 OS byte "unknown": zlib writes the build platform (3 on Unix, 10 on Windows). */
const GZIP_OS_UNKNOWN = 0xff;

export interface TarFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A reproducible .tgz: entries in byte order of their names, regular files only, fixed owner
 * and mode, every mtime the build time, and a gzip header without a timestamp or platform.
 */
export async function packTarGz(files: readonly TarFile[], mtime: Date): Promise<Uint8Array> {
  const tar = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of tar) chunks.push(chunk as Buffer);
  })();
  const sorted = [...files].sort((a, b) => compareNames(a.name, b.name));
  for (const file of sorted) {
    await new Promise<void>((resolve, reject) => {
      tar.entry(
        {
          name: file.name,
          type: 'file',
          mode: FILE_MODE,
          uid: 0,
          gid: 0,
          uname: '',
          gname: '',
          mtime,
          size: file.bytes.byteLength,
        },
        Buffer.from(file.bytes),
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }
  tar.finalize();
  await collected;
  const gz = gzipSync(Buffer.concat(chunks), { level: constants.Z_BEST_COMPRESSION });
  // zlib leaves MTIME (bytes 4–7) zero for in-memory data; the OS byte is the only varying field.
  gz[9] = GZIP_OS_UNKNOWN;
  return new Uint8Array(gz.buffer, gz.byteOffset, gz.byteLength);
}

/** Byte order (not locale order), so sorting is the same in every environment. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** One entry as the tar stream states it; content only for regular files within the limit. */
export interface RawEntry {
  name: string;
  type: string;
  size: number;
  linkname?: string;
  bytes?: Uint8Array;
}

export type Unpacked = { entries: RawEntry[] } | { error: Text };

/**
 * Reads a .tgz into memory. `maxTotalBytes` caps the decompressed size (a gzip bomb stops there)
 * and `maxEntryBytes` each entry's content; entries over it come back without bytes.
 */
export async function unpackTarGz(
  bytes: Uint8Array,
  limits: { maxTotalBytes: number; maxEntryBytes: number; maxEntries: number },
): Promise<Unpacked> {
  if (bytes.byteLength < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    return { error: msg('artifact.notGzip') };
  let tarBytes: Buffer;
  try {
    tarBytes = gunzipSync(bytes, { maxOutputLength: limits.maxTotalBytes });
  } catch (error) {
    const message = (error as Error).message;
    return {
      error:
        error instanceof RangeError || /maxOutputLength|buffer/i.test(message)
          ? msg('artifact.unpacksTooLarge', { limit: limits.maxTotalBytes })
          : msg('artifact.badGzip', { detail: message }),
    };
  }
  const entries: RawEntry[] = [];
  const reader = extract();
  const done = new Promise<Text | undefined>((resolve) => {
    reader.on('entry', (header, stream, next) => {
      const entry: RawEntry = {
        name: header.name,
        type: header.type ?? 'unknown',
        size: header.size ?? 0,
        linkname: header.linkname ?? undefined,
      };
      entries.push(entry);
      if (entries.length > limits.maxEntries) {
        resolve(msg('artifact.tooManyEntries', { limit: limits.maxEntries }));
        reader.destroy();
        return;
      }
      const keep = entry.type === 'file' && entry.size <= limits.maxEntryBytes;
      const parts: Buffer[] = [];
      stream.on('data', (chunk: unknown) => {
        if (keep) parts.push(chunk as Buffer);
      });
      stream.on('end', () => {
        if (keep) entry.bytes = new Uint8Array(Buffer.concat(parts));
        next();
      });
      stream.on('error', (error: Error) => resolve(msg('artifact.badTar', { detail: error.message })));
    });
    reader.on('finish', () => resolve(undefined));
    reader.on('error', (error: Error) => resolve(msg('artifact.badTar', { detail: error.message })));
  });
  reader.end(tarBytes);
  const error = await done;
  return error ? { error } : { entries };
}
