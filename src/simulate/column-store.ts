import type { CustomerColumns } from '../facts/columnar.js';

/**
 * A population's keys, scores and a few facts, gathered chunk by chunk for what needs everyone
 * at once (a quota's ranking): numbers in typed arrays that double as they fill, other values in
 * plain arrays. About 8 bytes a customer per numeric column, plus the keys.
 */
export class ColumnStore {
  private length = 0;
  private capacity = 0;
  private readonly keys: string[] = [];
  private rowNumbers: Int32Array = new Int32Array(0);
  private scores: Float64Array[];
  private tiers: Int32Array[];
  private readonly values = new Map<string, Float64Array | unknown[]>();

  /** `lanes`: how many scores each customer has (one per policy evaluated together). */
  constructor(facts: readonly string[], lanes = 1) {
    this.facts = [...new Set(facts)];
    this.scores = Array.from({ length: lanes }, () => new Float64Array(0));
    this.tiers = Array.from({ length: lanes }, () => new Int32Array(0));
  }

  private readonly facts: readonly string[];

  /** A chunk's keys, rows, the store's facts and (when it was evaluated) its tiers and scores per lane. */
  add(chunk: CustomerColumns, results?: readonly { tier: Int32Array; score: Float64Array }[]): void {
    this.reserve(this.length + chunk.length);
    for (let i = 0; i < chunk.length; i++) this.keys.push(chunk.keys[i]!);
    this.rowNumbers.set(chunk.rows.subarray(0, chunk.length), this.length);
    results?.forEach((r, lane) => {
      this.scores[lane]!.set(r.score.subarray(0, chunk.length), this.length);
      this.tiers[lane]!.set(r.tier.subarray(0, chunk.length), this.length);
    });
    for (const id of this.facts) {
      const source = chunk.facts[id];
      let target = this.values.get(id);
      if (!target) {
        target = source instanceof Float64Array ? grow(new Float64Array(0), this.capacity) : [];
        this.values.set(id, target);
      }
      if (target instanceof Float64Array) {
        for (let i = 0; i < chunk.length; i++)
          target[this.length + i] = source ? Number(source[i]) : Number.NaN;
      } else for (let i = 0; i < chunk.length; i++) target[this.length + i] = source?.[i];
    }
    this.length += chunk.length;
  }

  /** Everything added, as one chunk. */
  columns(): CustomerColumns {
    const facts: Record<string, Float64Array | unknown[]> = Object.create(null);
    for (const [id, v] of this.values) facts[id] = v instanceof Float64Array ? v.subarray(0, this.length) : v;
    return { length: this.length, keys: this.keys, rows: this.rows(), facts };
  }

  score(lane = 0): Float64Array {
    return this.scores[lane]!.subarray(0, this.length);
  }

  tier(lane = 0): Int32Array {
    return this.tiers[lane]!.subarray(0, this.length);
  }

  rows(): Int32Array {
    return this.rowNumbers.subarray(0, this.length);
  }

  private reserve(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, this.capacity * 2, 1024);
    this.rowNumbers = growInt(this.rowNumbers, capacity);
    this.scores = this.scores.map((s) => grow(s, capacity));
    this.tiers = this.tiers.map((t) => growInt(t, capacity));
    for (const [id, v] of this.values) if (v instanceof Float64Array) this.values.set(id, grow(v, capacity));
    this.capacity = capacity;
  }
}

function grow(array: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity).fill(Number.NaN);
  next.set(array.subarray(0, Math.min(array.length, capacity)));
  return next;
}

function growInt(array: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}
