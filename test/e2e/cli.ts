import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (npm test builds dist first). */
export function tierwise(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // JSON reports of thousands of customers run to megabytes.
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The built CLI without blocking this process meanwhile: for tests that keep connections or
 * servers of their own alive while the command runs.
 */
export function tierwiseAsync(args: string[], options: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The same commands in this process: runCli, as bin.ts calls it, with stdout and stderr captured
 * as a pipe would (no colour, no progress bar). A process start is most of what a small case
 * costs; every command keeps tests through tierwise() too, so argv, the streams and the exit
 * status of the real binary stay covered. Relative paths are the repository's, as for tierwise().
 */
export async function tierwiseInProcess(args: string[]): Promise<Run> {
  if (`${process.cwd()}/` !== ROOT)
    throw new Error(`run vitest from ${ROOT}: tests name files relative to it`);
  let stdout = '';
  let stderr = '';
  const exitCode = process.exitCode;
  try {
    const code = await runCli(args, {
      out: (text) => {
        stdout += text;
      },
      err: (text) => {
        stderr += text;
      },
      isTTY: false,
    });
    return { code, stdout, stderr };
  } finally {
    // runCli leaves the command's exit code set, as bin.ts wants; the test process keeps its own.
    process.exitCode = exitCode;
  }
}
