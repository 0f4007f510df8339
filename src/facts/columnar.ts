import { type ColumnSpec, rowErrorPolicy } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  type CustomerSourceOptions,
  DuplicateKeys,
  KeyRegister,
  openCustomers,
  type ReadEnd,
} from './customer-source.js';
import { RowReader } from './row-values.js';

/**
 * A chunk of customers as columns, the shape compileBatch reads: numeric facts in a Float64Array
 * (NaN where the data has no value), other facts in an array (undefined where missing).
 */
export interface CustomerColumns {
  length: number;
  keys: string[];
  /** The file row each customer was read from. */
  rows: Int32Array;
  facts: Record<string, Float64Array | unknown[]>;
}

const NUMERIC = new Set(['number', 'integer']);

/**
 * The customer file in chunks of columns: what customerChunks reads, with the same row errors,
 * duplicates and summary, without an object per customer. Rows are read by RowReader, so both
 * readers report and keep exactly the same (test/facts/columnar.test.ts).
 */
export async function* customerColumnChunks(
  options: CustomerSourceOptions,
  wanted: readonly ColumnSpec[],
  keyFact: string,
  size: number,
): AsyncGenerator<CustomerColumns, ReadEnd> {
  const opened = await openCustomers(options, wanted, keyFact);
  if (!('source' in opened)) return opened;
  const { source, columns } = opened;
  const diagnostics: Diagnostic[] = [...opened.diagnostics];
  const policy = rowErrorPolicy(options.onError ?? 'report', options.maxDiagnostics);
  const register = new KeyRegister(source.file, columns.find((c) => c.id === keyFact)?.pii);
  const duplicates = new DuplicateKeys(source.file, options.maxDiagnostics);
  const numeric = columns.map((c) => NUMERIC.has(c.type));

  let chunk = emptyChunk(columns, numeric, size);
  let n = 0;
  const targets = () => columns.map((c) => chunk.facts[c.id]!);
  let target = targets();
  const put = (key: string, row: number, values: ArrayLike<unknown>) => {
    chunk.keys.push(key);
    chunk.rows[n] = row;
    for (let k = 0; k < target.length; k++) {
      const v = values[k];
      if (numeric[k]) target[k]![n] = v === undefined ? Number.NaN : (v as number);
      else (target[k] as unknown[])[n] = v;
    }
    n++;
  };

  const reader = new RowReader(columns, keyFact, source.file, policy);
  for await (const record of source.records()) {
    const row = reader.read(record);
    if (row === 'stop') {
      await source.close();
      return {
        diagnostics: [...diagnostics, ...duplicates.diagnostics(), ...policy.diagnostics()],
        summary: policy.summary(),
        failed: true,
      };
    }
    if (row === undefined) continue;
    const key = row.key;
    const duplicate = register.claim(key, record.row);
    if (duplicate) {
      duplicates.add(duplicate);
      policy.drop(duplicate.code);
      continue;
    }
    put(key, record.row, row.values);
    if (n === size) {
      yield chunk;
      chunk = emptyChunk(columns, numeric, size);
      target = targets();
      n = 0;
    }
  }
  if (n > 0) yield trim(chunk, n);
  return {
    diagnostics: [...diagnostics, ...duplicates.diagnostics(), ...policy.diagnostics()],
    summary: policy.summary(),
    failed: false,
  };
}

function emptyChunk(
  columns: readonly ColumnSpec[],
  numeric: readonly boolean[],
  size: number,
): CustomerColumns {
  const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
  columns.forEach((c, k) => {
    facts[c.id] = numeric[k] ? new Float64Array(size).fill(Number.NaN) : new Array(size).fill(undefined);
  });
  return { length: size, keys: [], rows: new Int32Array(size), facts };
}

function trim(chunk: CustomerColumns, n: number): CustomerColumns {
  const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
  for (const [id, column] of Object.entries(chunk.facts)) facts[id] = column.slice(0, n);
  return { length: n, keys: chunk.keys, rows: chunk.rows.slice(0, n), facts };
}
