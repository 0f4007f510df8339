import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './base.js';
import type { CaseReport } from './driver.js';

const DRIVER = fileURLToPath(new URL('./driver.ts', import.meta.url));

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** First case index (to replay a stretch of a long run). */
  from?: number;
  /** A case running this long is killed and counted as a hang. */
  hangMs: number;
  /** A case running this long is listed as slow (the hang bound is 10 s). */
  slowMs?: number;
  /** Driver processes side by side. */
  parallel?: number;
  /** Keep each case's output, its files and the work folder (for replaying one case). */
  keepOutput?: boolean;
  /** Stops the run: the drivers are killed and the cases finished so far are the result. */
  signal?: AbortSignal;
  /** The work folder (default: a new temporary one, removed at the end). */
  work?: string;
  onCase?: (report: CaseReport) => void;
}

export interface ClassTally {
  inputs: number;
  crashes: number;
  hangs: number;
  slow: number;
  totalMs: number;
  maxMs: number;
}

export interface FuzzResult {
  seed: number;
  inputs: number;
  crashes: CaseReport[];
  hangs: { index: number; kind?: string; args?: string[] }[];
  slow: CaseReport[];
  byClass: Record<string, ClassTally>;
  ms: number;
}

interface Slice {
  from: number;
  to: number;
}

/**
 * Runs cases [from, from + runs) on driver processes. A driver that stops reporting for hangMs
 * is killed: its case is a hang, and a new driver takes up at the next case. A driver that dies
 * in mid-case (a native crash, an exit from library code) has that case counted as a crash.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const from = options.from ?? 0;
  const parallel = Math.max(1, Math.min(options.parallel ?? 1, options.runs));
  const result: FuzzResult = {
    seed: options.seed,
    inputs: 0,
    crashes: [],
    hangs: [],
    slow: [],
    byClass: {},
    ms: 0,
  };
  const started = Date.now();
  const size = Math.ceil(options.runs / parallel);
  const slices: Slice[] = [];
  for (let i = 0; i < parallel; i++) {
    const a = from + i * size;
    const b = Math.min(from + options.runs, a + size);
    if (a < b) slices.push({ from: a, to: b });
  }
  const work = options.work ?? mkdtempSync(join(tmpdir(), 'tw-fuzz-'));
  try {
    await Promise.all(slices.map((s, i) => runSlice(s, join(work, `d${i}`), options, result)));
  } finally {
    if (!options.work) rmSync(work, { recursive: true, force: true });
  }
  result.ms = Date.now() - started;
  result.crashes.sort((a, b) => a.index - b.index);
  return result;
}

function tally(result: FuzzResult, kind: string): ClassTally {
  result.byClass[kind] ??= { inputs: 0, crashes: 0, hangs: 0, slow: 0, totalMs: 0, maxMs: 0 };
  return result.byClass[kind];
}

async function runSlice(slice: Slice, work: string, options: FuzzOptions, result: FuzzResult): Promise<void> {
  let next = slice.from;
  while (next < slice.to && !options.signal?.aborted) {
    const outcome = await runDriver({ ...slice, from: next }, work, options, result);
    if (outcome.kind === 'done' || options.signal?.aborted) return;
    // The case in flight hung or took its driver down; go on after it.
    result.inputs++;
    const t = tally(result, outcome.caseKind ?? 'unknown');
    t.inputs++;
    if (outcome.kind === 'hang') {
      result.hangs.push({ index: outcome.index, kind: outcome.caseKind, args: outcome.args });
      t.hangs++;
    } else {
      t.crashes++;
      result.crashes.push({
        index: outcome.index,
        kind: outcome.caseKind ?? 'unknown',
        args: outcome.args ?? [],
        code: -1,
        ms: 0,
        crash: true,
        reason: outcome.reason,
      });
    }
    next = outcome.index + 1;
  }
}

type DriverOutcome =
  | { kind: 'done' }
  | { kind: 'hang'; index: number; caseKind?: string; args?: string[] }
  | { kind: 'died'; index: number; caseKind?: string; args?: string[]; reason: string };

function runDriver(
  slice: Slice,
  work: string,
  options: FuzzOptions,
  result: FuzzResult,
): Promise<DriverOutcome> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--max-old-space-size=4096',
        '--stack-size=984',
        DRIVER,
        JSON.stringify({ seed: options.seed, ...slice, work, keepOutput: options.keepOutput }),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let inFlight: number | undefined;
    let inFlightCase: { caseKind?: string; args?: string[] } = {};
    let since = Date.now();
    let buffer = '';
    let stderr = '';
    let settled = false;
    const finish = (outcome: DriverOutcome) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      resolve(outcome);
    };
    child.stderr?.on('data', (d) => {
      stderr = (stderr + String(d)).slice(-4000);
    });
    child.stdout?.resume();
    const channel = child.stdio[3] as NodeJS.ReadableStream;
    channel.on('data', (chunk) => {
      buffer += String(chunk);
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as {
          start?: number;
          kind?: string;
          args?: string[];
          end?: CaseReport;
        };
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        if (line.start !== undefined) {
          inFlight = line.start;
          inFlightCase = { caseKind: line.kind, args: line.args };
          since = Date.now();
        }
        if (line.end) {
          const r = line.end;
          inFlight = undefined;
          result.inputs++;
          const t = tally(result, r.kind);
          t.inputs++;
          t.totalMs += r.ms;
          t.maxMs = Math.max(t.maxMs, r.ms);
          if (r.crash) {
            t.crashes++;
            result.crashes.push(r);
          }
          if (options.slowMs !== undefined && r.ms > options.slowMs) {
            t.slow++;
            result.slow.push(r);
          }
          options.onCase?.(r);
        }
      }
    });
    const watchdog = setInterval(() => {
      if (inFlight !== undefined && Date.now() - since > options.hangMs) {
        const index = inFlight;
        child.kill('SIGKILL');
        finish({ kind: 'hang', index, ...inFlightCase });
      }
    }, 250);
    const abort = () => {
      child.kill('SIGKILL');
      finish({ kind: 'done' });
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('exit', (code, signal) => {
      options.signal?.removeEventListener('abort', abort);
      if (settled) return;
      if (inFlight !== undefined)
        finish({
          kind: 'died',
          index: inFlight,
          ...inFlightCase,
          reason: `driver died (${signal ?? code}): ${stderr}`,
        });
      else if (code === 0) finish({ kind: 'done' });
      // Not a case's fault: the harness itself is broken, and every further start would be too.
      else throw new Error(`fuzz driver failed to start (${signal ?? code}): ${stderr}`);
    });
  });
}
