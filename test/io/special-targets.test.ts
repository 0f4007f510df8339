import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomicFile, writeFileAtomic } from '../../src/io/atomic-write.js';

/**
 * `--out /dev/null`, `--out /dev/stdout | cat` and a FIFO are writes into something that is not
 * a file: renaming a temporary file over them would destroy the node and lose the output.
 */
describe('writing to what is not a regular file', () => {
  it('writes into /dev/null and leaves it a character device', async () => {
    await writeFileAtomic('/dev/null', 'tier,customers\n');
    const file = await openAtomicFile('/dev/null');
    await file.write('x');
    await file.commit();
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO for its reader, and the FIFO stays a FIFO', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-fifo-'));
    const fifo = join(dir, 'out.csv');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => {
          text += chunk;
        })
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    await writeFileAtomic(fifo, 'C1,vip\n');
    expect(await read).toBe('C1,vip\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('refuses a directory and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-dir-'));
    const target = join(dir, 'reports');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(openAtomicFile(target)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['reports']);
  });
});
