import { parentPort } from 'node:worker_threads';
import { type CompiledBatch, compileBatch } from '../compile/batch.js';
import { type CsvRange, readCsv } from '../data/csv.js';
import { type OnError, type ReadSummary, rowErrorPolicy } from '../data/errors.js';
import type { ColumnSpec } from '../data/table.js';
import { type Encoding, limitsOf } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RowReader } from '../facts/row-values.js';
import type { Policy } from '../policy/schema/policy.js';
import { hashKey } from './parallel-keys.js';

/**
 * One worker of src/simulate/parallel.ts: reads the byte ranges of a CSV file it is given into
 * columns, with the conversions, row errors and key rule of customerColumnChunks, and runs the
 * batch form over them. Duplicate keys are left to the main thread, which alone sees the whole
 * file in order.
 */

export interface WorkerSetup {
  policy: Policy;
  file: string;
  delimiter: ',' | '\t';
  encoding: Encoding;
  bomLength: number;
  columns: ColumnSpec[];
  keyFact: string;
  onError: OnError;
  /** `tiers`: run the batch; `scores`: without ranking quotas; `none`: facts only (a log is joined later). */
  evaluate: 'tiers' | 'scores' | 'none';
}

export type WorkerRequest = { setup: WorkerSetup } | { id: number; range: Omit<CsvRange, 'onEnd'> };

/** A range read: its customers (rows without a key left out), as columns in `columns` order. */
export interface RangeResult {
  id: number;
  length: number;
  keys: string[];
  rows: Int32Array;
  /** hashKey of each key. */
  hashes: Int32Array;
  values: (Float64Array | unknown[])[];
  tier?: Int32Array;
  score?: Float64Array;
  summary: ReadSummary;
  /** The row error policy's collected diagnostics, in row order. */
  diagnostics: Diagnostic[];
  /** Unset when reading stopped before the range's end. */
  end?: { clean: boolean; rows: number; line: number };
}

const NUMERIC = new Set(['number', 'integer']);

let setup: WorkerSetup | undefined;
let batch: CompiledBatch | undefined;

parentPort?.on('message', (request: WorkerRequest) => {
  if ('setup' in request) {
    setup = request.setup;
    batch = setup.evaluate === 'none' ? undefined : compileBatch(setup.policy);
    return;
  }
  readRange(setup!, request.id, request.range).then(
    (result) => {
      const transfer = [result.rows, result.hashes, result.tier, result.score, ...result.values]
        .filter((a) => a instanceof Float64Array || a instanceof Int32Array)
        .map((a) => a.buffer as ArrayBuffer);
      parentPort!.postMessage(result, transfer);
    },
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: String(error) }),
  );
});

async function readRange(s: WorkerSetup, id: number, range: Omit<CsvRange, 'onEnd'>): Promise<RangeResult> {
  const { columns } = s;
  const policy = rowErrorPolicy(s.onError);
  const numeric = columns.map((c) => NUMERIC.has(c.type));
  const target = new Targets(numeric);
  const rows = new RowReader(columns, s.keyFact, s.file, policy);
  let end: RangeResult['end'];
  const reader = readCsv({
    file: s.file,
    delimiter: s.delimiter,
    encoding: s.encoding,
    bomLength: s.bomLength,
    limits: limitsOf({}),
    range: { ...range, onEnd: (e) => (end = e) },
  });
  reading: for await (const events of reader) {
    for (const event of events) {
      if (event.kind !== 'record') continue;
      const { record } = event;
      const row = rows.read(record);
      if (row === 'stop') {
        end = undefined;
        await reader.return();
        break reading;
      }
      if (row === undefined) continue;
      target.put(row.key, record.row, row.values);
    }
  }
  const chunk = target.result(columns.map((c) => c.id));
  const result = batch?.run(chunk, { rank: s.evaluate === 'tiers' });
  return {
    id,
    length: chunk.length,
    keys: chunk.keys,
    rows: chunk.rows,
    hashes: chunk.hashes,
    values: chunk.values,
    tier: result?.tier,
    score: result?.score,
    summary: policy.summary(),
    diagnostics: policy.diagnostics(),
    end,
  };
}

/** Columns that grow as customers are put in them: numbers in typed arrays (NaN: missing). */
class Targets {
  private length = 0;
  private capacity = 1024;
  private readonly keys: string[] = [];
  private rows = new Int32Array(this.capacity);
  private hashes = new Int32Array(this.capacity);
  private readonly values: (Float64Array | unknown[])[];

  constructor(private readonly numeric: readonly boolean[]) {
    this.values = numeric.map((n) => (n ? new Float64Array(this.capacity).fill(Number.NaN) : []));
  }

  put(key: string, row: number, cells: ArrayLike<unknown>): void {
    if (this.length === this.capacity) this.grow();
    const n = this.length++;
    this.keys.push(key);
    this.rows[n] = row;
    this.hashes[n] = hashKey(key);
    for (let k = 0; k < this.values.length; k++) {
      const v = cells[k];
      if (this.numeric[k]) (this.values[k] as Float64Array)[n] = v === undefined ? Number.NaN : (v as number);
      else (this.values[k] as unknown[])[n] = v;
    }
  }

  /** The columns, exactly as long as the customers put in them. */
  result(ids: readonly string[]) {
    const n = this.length;
    const values = this.values.map((v) => v.slice(0, n));
    const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
    ids.forEach((id, k) => {
      facts[id] = values[k]!;
    });
    return {
      length: n,
      keys: this.keys,
      rows: this.rows.slice(0, n),
      hashes: this.hashes.slice(0, n),
      values,
      facts,
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const rows = new Int32Array(this.capacity);
    rows.set(this.rows);
    this.rows = rows;
    const hashes = new Int32Array(this.capacity);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.values.forEach((v, k) => {
      if (!(v instanceof Float64Array)) return;
      const next = new Float64Array(this.capacity).fill(Number.NaN);
      next.set(v);
      this.values[k] = next;
    });
  }
}
