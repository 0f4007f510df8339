import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildReport } from './child.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('child.ts', import.meta.url));

/** Runs one end-to-end case in a fresh Node process (see child.ts) and returns its report. */
export function runChild(
  kind:
    | 'parse'
    | 'tierwise'
    | 'population'
    | 'parallel'
    | 'simulate'
    | 'diff'
    | 'duckdb'
    | 'duckdb-simulate'
    | 'duckdb-query'
    | 'facts-js'
    | 'facts-duckdb'
    | 'facts-duckdb-csv',
  file: string,
  timing: { runs: number; warmup: number },
): ChildReport {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', CHILD, kind, file, String(timing.runs), String(timing.warmup)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`end-to-end ${kind} of ${file} failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as ChildReport;
}
