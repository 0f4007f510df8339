import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replaceFileVia, writeFileAtomic } from '../../src/io/atomic-write.js';

/** Failures a test switches on: the file system is real except for the step that breaks. */
const inject = vi.hoisted(() => ({ failWrite: false, failRename: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const eio = () => Object.assign(new Error('injected I/O error'), { code: 'EIO' });
  return {
    ...actual,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await actual.open(...args);
      if (!inject.failWrite) return handle;
      // Half the data reaches the disk, then the device fails.
      return Object.assign(Object.create(handle) as fs.FileHandle, {
        writeFile: async (data: string) => {
          await handle.writeFile(data.slice(0, data.length / 2));
          throw eio();
        },
        close: () => handle.close(),
      });
    },
    rename: async (...args: Parameters<typeof fs.rename>) => {
      if (inject.failRename) throw eio();
      return actual.rename(...args);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-atomic-'));
});
afterEach(() => {
  inject.failWrite = false;
  inject.failRename = false;
});

const ORIGINAL = 'apiVersion: tierwise/v1\nkind: TierPolicy\n'.repeat(50);
const REPLACEMENT = '# formatted\napiVersion: tierwise/v1\n';

describe('writeFileAtomic', () => {
  it('replaces the content whole and leaves no temporary file behind', async () => {
    const file = join(dir, 'p.tier.yaml');
    writeFileSync(file, ORIGINAL);
    await writeFileAtomic(file, REPLACEMENT);
    expect(readFileSync(file, 'utf8')).toBe(REPLACEMENT);
    expect(readdirSync(dir)).toEqual(['p.tier.yaml']);
  });

  it('creates a file that does not exist yet', async () => {
    const file = join(dir, 'new.tier.yaml');
    await writeFileAtomic(file, new TextEncoder().encode(REPLACEMENT));
    expect(readFileSync(file, 'utf8')).toBe(REPLACEMENT);
    expect(readdirSync(dir)).toEqual(['new.tier.yaml']);
  });

  it('keeps the permissions the file had', async () => {
    const file = join(dir, 'p.tier.yaml');
    writeFileSync(file, ORIGINAL);
    chmodSync(file, 0o640);
    await writeFileAtomic(file, REPLACEMENT);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink to the file it points at', async () => {
    const file = join(dir, 'p.tier.yaml');
    writeFileSync(file, ORIGINAL);
    symlinkSync(file, join(dir, 'link.tier.yaml'));
    await writeFileAtomic(join(dir, 'link.tier.yaml'), REPLACEMENT);
    expect(readFileSync(file, 'utf8')).toBe(REPLACEMENT);
    expect(lstatSync(join(dir, 'link.tier.yaml')).isSymbolicLink()).toBe(true);
  });

  it.each([
    ['the device fails halfway through the data', 'failWrite'],
    ['the rename fails', 'failRename'],
  ] as const)('leaves the original untouched when %s', async (_, failure) => {
    const file = join(dir, 'p.tier.yaml');
    writeFileSync(file, ORIGINAL);
    inject[failure] = true;
    await expect(writeFileAtomic(file, REPLACEMENT)).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['p.tier.yaml']);
  });

  // root writes to read-only directories regardless, so the check only means something for others.
  it.skipIf(process.getuid?.() === 0)(
    'leaves the original untouched in a directory it may not write',
    async () => {
      const file = join(dir, 'p.tier.yaml');
      writeFileSync(file, ORIGINAL);
      chmodSync(dir, 0o555);
      try {
        await expect(writeFileAtomic(file, REPLACEMENT)).rejects.toMatchObject({ code: 'EACCES' });
        expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
        expect(readdirSync(dir)).toEqual(['p.tier.yaml']);
      } finally {
        chmodSync(dir, 0o755);
      }
    },
  );
});

describe('replaceFileVia: a file another writer (DuckDB) fills', () => {
  it('puts the writer’s file in place whole, keeping the permissions, with nothing left beside it', async () => {
    const file = join(dir, 'results.parquet');
    writeFileSync(file, ORIGINAL);
    chmodSync(file, 0o640);
    await replaceFileVia(file, async (temp) => {
      expect(temp).not.toBe(file);
      writeFileSync(temp, REPLACEMENT);
    });
    expect(readFileSync(file, 'utf8')).toBe(REPLACEMENT);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['results.parquet']);
  });

  it('leaves the original and no temporary file when the writer fails after writing half', async () => {
    const file = join(dir, 'results.parquet');
    writeFileSync(file, ORIGINAL);
    const failing = replaceFileVia(file, async (temp) => {
      writeFileSync(temp, REPLACEMENT.slice(0, 5));
      throw new Error('Conversion Error');
    });
    await expect(failing).rejects.toThrow('Conversion Error');
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['results.parquet']);
  });

  it('refuses a device, which a second writer cannot fill by name', async () => {
    await expect(replaceFileVia('/dev/null', async () => undefined)).rejects.toMatchObject({
      code: 'ESPIPE',
    });
  });
});
