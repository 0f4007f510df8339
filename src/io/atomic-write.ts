import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, type Stats } from 'node:fs';
import { type FileHandle, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files being written now. Ctrl-C or a kill would leave them behind (one per killed
 * run, as large as the output): they are removed on SIGINT/SIGTERM/SIGHUP before the signal
 * takes the process down. A SIGKILL cannot be caught, so the name carries the writer's pid and
 * the next write into the same folder removes those whose process is gone.
 */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const TEMP = /^\..+\.tierwise-(\d+)-[0-9a-f]{12}\.tmp$/;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of live) rmSync(temp, { force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // With the listeners gone, the signal does what it would have done: end the process.
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(temp);
}

function untrack(temp: string): void {
  live.delete(temp);
  if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function tempBeside(target: string): string {
  const dir = dirname(target);
  removeStale(dir);
  return join(dir, `.${basename(target)}.tierwise-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Temporary files of writers that no longer run (killed with SIGKILL, or a crash). */
function removeStale(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where a write goes. A regular file (or nothing yet) is replaced through a temporary file; a
 * device, FIFO or socket (/dev/null, /dev/stdout in a pipe) is written straight into, since
 * renaming over it would destroy the node and lose the output; a directory is refused.
 */
async function destination(path: string): Promise<{ target: string; existing?: Stats; direct: boolean }> {
  // Through a symlink, replace the file it points at rather than the link itself.
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory())
    throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${path}'`), {
      code: 'EISDIR',
      path,
    });
  return { target, existing, direct: existing !== undefined && !existing.isFile() };
}

/**
 * Throws what writeFileAtomic would throw for `path` before it wrote anything (a missing folder, no
 * permission, a directory), leaving nothing behind: a command checks its --out before the work
 * that fills it. A device or pipe is not opened: a reader of a FIFO would take the probe's close
 * for the end of the output.
 */
export async function probeWritable(path: string): Promise<void> {
  const { target, direct } = await destination(path);
  if (direct) return;
  const temp = tempBeside(target);
  const handle = await open(temp, 'wx');
  await handle.close();
  await rm(temp, { force: true });
}

/**
 * Replaces a file's content all at once: readers (and a crash) see the old file or the new one,
 * never half of each. The data goes to a temporary file beside the target (rename is atomic only
 * within one file system), is flushed to disk, then renamed over the target. On any failure the
 * temporary file is removed, the target is untouched and the error is rethrown.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const { target, existing, direct } = await destination(path);
  if (direct) {
    const device = await open(target, 'w');
    try {
      await device.writeFile(data);
    } finally {
      await device.close();
    }
    return;
  }
  const temp = tempBeside(target);
  let handle: FileHandle | undefined;
  track(temp);
  try {
    // 'wx': never follow or clobber something already at the temporary name.
    handle = await open(temp, 'wx');
    // The umask applied at creation must not loosen or tighten the permissions the file had.
    if (existing) await handle.chmod(existing.mode & 0o7777);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    untrack(temp);
  }
  await syncDirectory(dirname(target));
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a directory; the write stands. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  try {
    await handle?.sync();
  } catch {
    // fsync on a directory is refused on some file systems; the data itself is already on disk.
  } finally {
    await handle?.close();
  }
}

/** A file written in pieces that appears under its name only when committed, whole. */
export interface AtomicFile {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The streaming form of writeFileAtomic: pieces go to a temporary file beside the target; commit
 * flushes and renames it over the target, abort (or any failure) removes it and leaves the
 * target as it was.
 */
export async function openAtomicFile(path: string): Promise<AtomicFile> {
  const { target, existing, direct } = await destination(path);
  if (direct) {
    // Nothing to commit or take back: what was written has gone to the device or the reader.
    const device = await open(target, 'w');
    const close = () => device.close().catch(() => undefined);
    return {
      async write(text) {
        try {
          await device.write(text);
        } catch (error) {
          await close();
          throw error;
        }
      },
      commit: async () => {
        await device.close();
      },
      abort: close,
    };
  }
  const temp = tempBeside(target);
  track(temp);
  const handle = await open(temp, 'wx').catch((error) => {
    untrack(temp);
    throw error;
  });
  if (existing) await handle.chmod(existing.mode & 0o7777);
  const abort = async () => {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    untrack(temp);
  };
  return {
    async write(text) {
      try {
        await handle.write(text);
      } catch (error) {
        await abort();
        throw error;
      }
    },
    async commit() {
      try {
        await handle.sync();
        await handle.close();
        await rename(temp, target);
        untrack(temp);
      } catch (error) {
        await abort();
        throw error;
      }
      await syncDirectory(dirname(target));
    },
    abort,
  };
}

/**
 * Replaces a file with one another writer makes (DuckDB's COPY … TO writes Parquet by path): the
 * writer fills a temporary file beside the target, which is flushed and renamed over the target
 * only when the writer finished; on any failure the target is untouched. A device or FIFO is
 * refused, as a Parquet file needs a seekable file.
 */
export async function replaceFileVia(path: string, writer: (temp: string) => Promise<void>): Promise<void> {
  const { target, existing, direct } = await destination(path);
  if (direct)
    throw Object.assign(new Error(`ESPIPE: not a regular file, '${path}'`), { code: 'ESPIPE', path });
  const temp = tempBeside(target);
  track(temp);
  try {
    await writer(temp);
    const handle = await open(temp, 'r+');
    try {
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    untrack(temp);
  }
  await syncDirectory(dirname(target));
}
