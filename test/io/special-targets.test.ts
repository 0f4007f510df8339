import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openAtomicFile, writeFileAtomic } from '../../src/io/atomic-write.js';
import { ROOT } from '../e2e/cli.js';

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

describe('temporary files left by a run that was stopped', () => {
  it('are removed when the run gets SIGTERM or SIGINT, and the signal still ends it', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'tw-signal-'));
      const module = pathToFileURL(join(ROOT, 'dist/io/atomic-write.js')).href;
      const child = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { openAtomicFile } = await import(${JSON.stringify(module)});
           const file = await openAtomicFile(${JSON.stringify(join(dir, 'out.csv'))});
           await file.write('half of it');
           process.stdout.write('ready\\n');
           setInterval(() => {}, 1000);`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      expect(readdirSync(dir)).toHaveLength(1);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, s) => resolve(s)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('are recognised by the next write into the folder once their process is gone (SIGKILL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-stale-'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.out.csv.tierwise-${gone}-0123456789ab.tmp`;
    const running = `.out.csv.tierwise-${process.ppid}-0123456789ab.tmp`;
    for (const name of [stale, running, 'notes.tmp']) writeFileSync(join(dir, name), 'x');
    await writeFileAtomic(join(dir, 'out.csv'), 'C1,vip\n');
    expect(readdirSync(dir).sort()).toEqual([running, 'notes.tmp', 'out.csv'].sort());
  });
});
