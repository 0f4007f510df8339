import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { msg } from '../../i18n/text.js';
import type { WorkbookLimits } from './limits.js';
import type { WorkbookProblem } from './problem.js';

/**
 * The zip container of a workbook, read from its central directory: what each part claims to be
 * is known before a byte of it is inflated, so a bomb is refused up front; and inflating counts
 * what comes out, so a part whose declared size lies is stopped at that size.
 */

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  file: string;
  fileSize: number;
  /** Where the central directory starts: no part's data may reach into it. */
  directoryOffset: number;
  entries: Map<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

function damaged(detail: 'directory' | 'entry' | 'zip64' | 'duplicate', name?: string): WorkbookProblem {
  return {
    code: 'TW0620',
    message: msg('data.xlsxZipDamaged', { detail, name }),
    help: msg('data.workbookUnreadableHelp'),
  };
}

export async function openZip(file: string, limits: WorkbookLimits): Promise<ZipArchive | WorkbookProblem> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const tailLength = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT + 20);
    const tail = await readAt(handle, fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return damaged('directory');
    let count = tail.readUInt16LE(at + 10);
    let directorySize = tail.readUInt32LE(at + 12);
    let directoryOffset = tail.readUInt32LE(at + 16);
    const eocdOffset = fileSize - tailLength + at;
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const zip64 = await zip64Directory(handle, tail, at);
      if (!zip64) return damaged('zip64');
      ({ count, directorySize, directoryOffset } = zip64);
    }
    if (count > limits.maxZipEntries) {
      return {
        code: 'TW0621',
        message: msg('data.xlsxTooManyEntries', { limit: limits.maxZipEntries.toLocaleString('en-US') }),
      };
    }
    if (directoryOffset + directorySize > eocdOffset) return damaged('directory');
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = parseDirectory(directory, count);
    if (!(entries instanceof Map)) return entries;
    return { file, fileSize, directoryOffset, entries };
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function zip64Directory(
  handle: FileHandle,
  tail: Buffer,
  eocd: number,
): Promise<{ count: number; directorySize: number; directoryOffset: number } | undefined> {
  const locator = eocd - 20;
  if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined;
  const at = safe(tail.readBigUInt64LE(locator + 8));
  if (at > Number.MAX_SAFE_INTEGER) return undefined;
  const record = await readAt(handle, at, 56);
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return undefined;
  return {
    count: safe(record.readBigUInt64LE(32)),
    directorySize: safe(record.readBigUInt64LE(40)),
    directoryOffset: safe(record.readBigUInt64LE(48)),
  };
}

/** A 64-bit field as a number; past 2^53 it is no real file's, and Infinity fails every check. */
function safe(value: bigint): number {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : Number.POSITIVE_INFINITY;
}

function parseDirectory(directory: Buffer, count: number): Map<string, ZipEntry> | WorkbookProblem {
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) return damaged('directory');
    const flags = directory.readUInt16LE(p + 8);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) return damaged('directory');
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: directory.readUInt16LE(p + 10),
      encrypted: (flags & 1) !== 0,
      compressedSize: directory.readUInt32LE(p + 20),
      size: directory.readUInt32LE(p + 24),
      localOffset: directory.readUInt32LE(p + 42),
    };
    if (!zip64Sizes(entry, directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)))
      return damaged('entry', name);
    if (entries.has(name)) return damaged('duplicate', name);
    entries.set(name, entry);
    p = end;
  }
  return entries;
}

/** Sizes and offset saturated at 0xFFFFFFFF are in the zip64 extra field, in this order. */
function zip64Sizes(entry: ZipEntry, extra: Buffer): boolean {
  const fields = (['size', 'compressedSize', 'localOffset'] as const).filter((f) => entry[f] === 0xffffffff);
  if (fields.length === 0) return true;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      if (length < fields.length * 8 || p + 4 + length > extra.length) return false;
      fields.forEach((f, i) => {
        entry[f] = safe(extra.readBigUInt64LE(p + 4 + i * 8));
      });
      return true;
    }
    p += 4 + length;
  }
  return false;
}

/**
 * Whether a part may be read at all, from what the directory says: its method, and its size
 * against the expansion limits. `budget` holds what the parts read so far took of the whole
 * file's allowance, so that many parts cannot add up to what one may not be.
 */
export function checkPart(
  archive: ZipArchive,
  entry: ZipEntry,
  limits: WorkbookLimits,
  budget: { inflated: number },
): WorkbookProblem | undefined {
  if (entry.encrypted) {
    return { code: 'TW0620', message: msg('data.xlsOrProtected'), help: msg('data.xlsOrProtectedHelp') };
  }
  if (entry.method !== STORED && entry.method !== DEFLATED) return damaged('entry', entry.name);
  const allowed = (compressed: number) =>
    Math.min(
      limits.maxPartBytes,
      Math.max(limits.expansionGraceBytes, compressed * limits.maxExpansionRatio),
    );
  budget.inflated += entry.size;
  if (entry.size > allowed(entry.compressedSize) || budget.inflated > allowed(archive.fileSize)) {
    return {
      code: 'TW0621',
      message: msg('data.xlsxExpands', {
        part: entry.name,
        size: sizeOf(entry.size),
        compressed: sizeOf(entry.compressedSize),
        ratio: limits.maxExpansionRatio,
      }),
      help: msg('data.xlsxExpandsHelp'),
    };
  }
  return undefined;
}

/**
 * The part's bytes as they inflate; the generator's return value is the problem that stopped
 * it, if any. Inflating stops as soon as more comes out than the directory declared.
 */
export async function* partBytes(
  archive: ZipArchive,
  entry: ZipEntry,
): AsyncGenerator<Buffer, WorkbookProblem | undefined> {
  const start = await dataStart(archive, entry);
  if (start === undefined) return damaged('entry', entry.name);
  if (entry.method === STORED && entry.compressedSize !== entry.size) return damaged('entry', entry.name);
  if (entry.compressedSize === 0) return entry.size === 0 ? undefined : damaged('entry', entry.name);
  const source = createReadStream(archive.file, { start, end: start + entry.compressedSize - 1 });
  const inflater = entry.method === DEFLATED ? createInflateRaw() : undefined;
  const stream = inflater ? source.pipe(inflater) : source;
  source.on('error', (error) => inflater?.destroy(error));
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.size) {
        return {
          code: 'TW0621',
          message: msg('data.xlsxSizeLies', { part: entry.name, size: sizeOf(entry.size) }),
          help: msg('data.xlsxExpandsHelp'),
        };
      }
      yield chunk;
    }
  } catch {
    // zlib's own words ("invalid distance too far back") tell a user nothing; the part's name does.
    return damaged('entry', entry.name);
  } finally {
    source.destroy();
    inflater?.destroy();
  }
  return undefined;
}

/** Where the part's data begins, after its local header; undefined when that lies outside the data. */
async function dataStart(archive: ZipArchive, entry: ZipEntry): Promise<number | undefined> {
  if (entry.localOffset + 30 > archive.directoryOffset) return undefined;
  const handle = await open(archive.file, 'r');
  try {
    const header = await readAt(handle, entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return undefined;
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    return start + entry.compressedSize <= archive.directoryOffset ? start : undefined;
  } finally {
    await handle.close();
  }
}

/** A size as a person reads it: 7.6 MiB rather than 8000082 bytes. */
function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
