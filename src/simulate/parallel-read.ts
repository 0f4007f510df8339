import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchResult } from '../compile/batch.js';
import { type ColumnSpec, DEFAULT_MAX_DIAGNOSTICS, type ReadSummary } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { DuplicateKeys, type ReadEnd } from '../facts/customer-source.js';
import { KeyIndex } from './parallel-keys.js';
import { type PlannedRange, planRanges } from './parallel-ranges.js';
import type { RangeResult, WorkerRequest, WorkerSetup } from './parallel-worker.js';

export interface ParallelRead {
  setup: WorkerSetup;
  /** The header's cells, and what opening the file reported about them. */
  headers: string[];
  diagnostics: Diagnostic[];
  fileBytes: number;
  workers: number;
  rangeBytes: number;
  /** Customers a chunk holds. */
  size: number;
}

/** A chunk as customerColumnChunks yields it, with the batch's result when the workers ran it. */
export interface ResultChunk {
  chunk: CustomerColumns;
  result?: BatchResult;
}

/**
 * customerColumnChunks over a CSV file read by worker threads, range by range: the same chunks
 * (8,192 customers each, the last shorter), the same duplicates, row errors and summary. Ranges
 * are taken in file order, each once the one before has been checked to end where its records
 * end; when one does not, the rest of the file is read as one range from where it starts.
 */
export async function* parallelColumnChunks(read: ParallelRead): AsyncGenerator<ResultChunk, ReadEnd> {
  const { setup } = read;
  const pool = new WorkerPool(read.workers, setup);
  const register = new KeyIndex(setup.file, setup.columns.find((c) => c.id === setup.keyFact)?.pii);
  const duplicates = new DuplicateKeys(setup.file);
  const rows = new RowsRead();
  const assembler = new ChunkAssembler(setup.columns, read.size, setup.evaluate !== 'none');
  const planned = planRanges(setup.file, setup.bomLength, setup.delimiter, read.rangeBytes);
  const queue: { range: PlannedRange; result: Promise<RangeResult> }[] = [];
  let planning = true;
  const submit = (range: PlannedRange) => {
    const { rowsAtEnd: _rows, lineAtEnd: _line, ...bytes } = range;
    const first = bytes.start === setup.bomLength;
    const result = pool.read({ ...bytes, headers: first ? undefined : read.headers });
    // Awaited in turn, or never once the rest of the file is read as one range.
    result.catch(() => undefined);
    queue.push({ range, result });
  };
  const end = (failed: boolean): ReadEnd => ({
    diagnostics: [...read.diagnostics, ...duplicates.diagnostics(), ...rows.diagnostics()],
    summary: rows.summary(duplicates.count),
    failed,
  });
  try {
    for (;;) {
      // A few ranges ahead of the one merged, so that no worker waits and memory stays bounded.
      while (planning && queue.length < read.workers * 2) {
        const next = await planned.next();
        if (next.done) planning = false;
        else submit(next.value);
      }
      const head = queue.shift();
      if (!head) break;
      const result = await head.result;
      const { range } = head;
      const last = range.end === read.fileBytes;
      const cutWell =
        result.end?.clean && result.end.rows === range.rowsAtEnd && result.end.line === range.lineAtEnd;
      if (result.end && !last && !cutWell) {
        queue.length = 0;
        planning = false;
        submit({ ...range, end: read.fileBytes });
        continue;
      }
      rows.add(result.summary, result.diagnostics);
      yield* assembler.add(result, register, duplicates);
      // Reading stopped in this range: --on-error fail, or a problem that ends the file.
      if (!result.end) return end(true);
    }
    const rest = assembler.flush();
    if (rest) yield rest;
    return end(false);
  } finally {
    await planned.return(undefined);
    await pool.close();
  }
}

/**
 * The worker entry beside this file: compiled JavaScript in dist/. When the sources run directly,
 * as under vitest, the entry and what it imports are bundled once per process with esbuild (what
 * tsx compiles with) and each worker evaluates the bundle: registering tsx's hooks in each worker
 * instead cost every worker about a second, most of a small parallel run.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parallel-worker.js', import.meta.url));
  sourceBundle ??= bundleWorkerSources();
  return new Worker(sourceBundle, { eval: true });
}

let sourceBundle: string | undefined;

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

function bundleWorkerSources(): string {
  // esbuild is tsx's dependency, so it is resolved from tsx: running the sources needs tsx anyway.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as Esbuild;
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./parallel-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    // An eval'd worker is a CommonJS script; the worker's modules do not use import.meta.
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}

class WorkerPool {
  private readonly workers: { worker: Worker; load: number }[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (r: RangeResult) => void; reject: (e: Error) => void; worker: Worker }
  >();
  private nextId = 0;

  constructor(count: number, setup: WorkerSetup) {
    for (let i = 0; i < count; i++) {
      const worker = startWorker();
      const entry = { worker, load: 0 };
      worker.on('message', (message: RangeResult | { id: number; error: string }) => {
        const waiting = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        entry.load--;
        if ('error' in message) waiting?.reject(new Error(`a reading worker failed: ${message.error}`));
        else waiting?.resolve(message);
      });
      worker.on('error', (error) => this.fail(worker, error));
      worker.postMessage({ setup } satisfies WorkerRequest);
      this.workers.push(entry);
    }
  }

  read(range: Extract<WorkerRequest, { range: unknown }>['range']): Promise<RangeResult> {
    const entry = this.workers.reduce((a, b) => (b.load < a.load ? b : a));
    const id = this.nextId++;
    entry.load++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker: entry.worker });
      entry.worker.postMessage({ id, range } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private fail(worker: Worker, error: Error): void {
    for (const [id, waiting] of this.waiting) {
      if (waiting.worker !== worker) continue;
      this.waiting.delete(id);
      waiting.reject(error);
    }
  }
}

/** The row error policy's account over the ranges in order, as one policy over the file keeps it. */
class RowsRead {
  private rowsRead = 0;
  private rowsKept = 0;
  private rowsSkipped = 0;
  private readonly byCode: Record<string, number> = {};
  private readonly collected: Diagnostic[] = [];
  /** Diagnostics that would be collected but for the cap. */
  private collectable = 0;
  private stopped = false;

  add(summary: ReadSummary, diagnostics: readonly Diagnostic[]): void {
    this.rowsRead += summary.rowsRead;
    this.rowsKept += summary.rowsKept;
    this.rowsSkipped += summary.rowsSkipped;
    for (const [code, count] of Object.entries(summary.byCode))
      this.byCode[code] = (this.byCode[code] ?? 0) + count;
    for (const d of diagnostics) if (this.collected.length < DEFAULT_MAX_DIAGNOSTICS) this.collected.push(d);
    this.collectable += diagnostics.length + summary.diagnosticsOmitted;
    this.stopped ||= summary.stopped;
  }

  diagnostics(): Diagnostic[] {
    return [...this.collected];
  }

  /** `duplicates`: rows the ranges kept that were later duplicates of a key (RowErrorPolicy.drop). */
  summary(duplicates: number): ReadSummary {
    const byCode = { ...this.byCode };
    if (duplicates > 0) byCode.TW0607 = (byCode.TW0607 ?? 0) + duplicates;
    return {
      rowsRead: this.rowsRead,
      rowsKept: this.rowsKept - duplicates,
      rowsSkipped: this.rowsSkipped + duplicates,
      byCode,
      diagnosticsOmitted: this.collectable - this.collected.length,
      stopped: this.stopped,
    };
  }
}

/** Customers of the ranges, duplicates left out, into chunks cut where customerColumnChunks cuts them. */
class ChunkAssembler {
  private readonly numeric: boolean[];
  private chunk!: CustomerColumns;
  private targets!: (Float64Array | unknown[])[];
  private tier?: Int32Array;
  private score?: Float64Array;
  private n = 0;

  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly size: number,
    private readonly scored: boolean,
  ) {
    this.numeric = columns.map((c) => c.type === 'number' || c.type === 'integer');
    this.start();
  }

  /** Copies runs of new customers column by column: a cell at a time costs the main thread more than the workers save it. */
  *add(range: RangeResult, register: KeyIndex, duplicates: DuplicateKeys): Generator<ResultChunk> {
    const { keys } = range;
    for (let i = 0; i < range.length; ) {
      const from = i;
      let duplicate: Diagnostic | undefined;
      while (i < range.length && i - from < this.size - this.n) {
        duplicate = register.claim(keys[i]!, range.hashes[i]!, range.rows[i]!);
        if (duplicate) break;
        i++;
      }
      this.copy(range, from, i);
      if (duplicate) {
        duplicates.add(duplicate);
        i++;
      }
      if (this.n === this.size) {
        yield this.full();
        this.start();
      }
    }
  }

  private copy(range: RangeResult, from: number, to: number): void {
    const n = this.n;
    for (let i = from; i < to; i++) this.chunk.keys.push(range.keys[i]!);
    this.chunk.rows.set(range.rows.subarray(from, to), n);
    range.values.forEach((column, k) => {
      const target = this.targets[k]!;
      if (target instanceof Float64Array) target.set((column as Float64Array).subarray(from, to), n);
      else for (let i = from; i < to; i++) target[n + i - from] = column[i];
    });
    this.tier?.set(range.tier!.subarray(from, to), n);
    this.score?.set(range.score!.subarray(from, to), n);
    this.n += to - from;
  }

  /** The last, shorter chunk (trimmed as customerColumnChunks trims it), if any. */
  flush(): ResultChunk | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
    for (const [id, column] of Object.entries(this.chunk.facts)) facts[id] = column.slice(0, n);
    const chunk = { length: n, keys: this.chunk.keys, rows: this.chunk.rows.slice(0, n), facts };
    return { chunk, result: this.tier && { tier: this.tier.slice(0, n), score: this.score!.slice(0, n) } };
  }

  private full(): ResultChunk {
    return { chunk: this.chunk, result: this.tier && { tier: this.tier, score: this.score! } };
  }

  private start(): void {
    const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
    this.columns.forEach((c, k) => {
      facts[c.id] = this.numeric[k]
        ? new Float64Array(this.size).fill(Number.NaN)
        : new Array(this.size).fill(undefined);
    });
    this.chunk = { length: this.size, keys: [], rows: new Int32Array(this.size), facts };
    this.targets = this.columns.map((c) => facts[c.id]!);
    this.tier = this.scored ? new Int32Array(this.size) : undefined;
    this.score = this.scored ? new Float64Array(this.size) : undefined;
    this.n = 0;
  }
}
