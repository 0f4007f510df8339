import type { CustomerAccumulator } from '../../facts/aggregate.js';
import type { Transaction } from '../../facts/transaction.js';
import type { Policy } from '../../policy/schema/policy.js';

/** A field of the log as it is kept: numbers in a typed array (NaN: none), anything else as read. */
type Column = { id: string; numbers: Float64Array } | { id: string; values: unknown[] };

/**
 * A transaction log read once and kept for many as-of dates: every transaction's instant, row
 * and fields in typed arrays, grouped by customer and sorted by time within a customer. A
 * replay feeds each customer's transactions up to a run's as-of to a fresh accumulator, so the
 * log is read from disk once however many runs there are. About 20 bytes a transaction with
 * one numeric field.
 */
export class TransactionHistory {
  readonly #offsets: Uint32Array;
  readonly #at: Float64Array;
  readonly #rows: Uint32Array;
  readonly #columns: Column[];
  /** One transaction handed to every accumulator: they read it and keep nothing of it. */
  readonly #tx: { at: number; row: number; fields: Record<string, unknown> } = {
    at: 0,
    row: 0,
    fields: {},
  };

  constructor(offsets: Uint32Array, at: Float64Array, rows: Uint32Array, columns: Column[]) {
    this.#offsets = offsets;
    this.#at = at;
    this.#rows = rows;
    this.#columns = columns;
  }

  get transactions(): number {
    return this.#at.length;
  }

  /** Feeds customer `index`'s transactions at or before `upTo` (epoch ms) to `accumulator`. */
  feed(index: number, upTo: number, accumulator: CustomerAccumulator): void {
    const end = this.#offsets[index + 1]!;
    const tx = this.#tx;
    const fields = tx.fields;
    const columns = this.#columns;
    for (let i = this.#offsets[index]!; i < end; i++) {
      const at = this.#at[i]!;
      if (at > upTo) break;
      tx.at = at;
      tx.row = this.#rows[i]!;
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c]!;
        if ('numbers' in column) {
          const n = column.numbers[i]!;
          fields[column.id] = Number.isNaN(n) ? undefined : n;
        } else fields[column.id] = column.values[i];
      }
      accumulator.add(tx as Transaction);
    }
  }
}

/**
 * Collects a log as readTransactions reads it: `accumulators()` gives one recording accumulator
 * per customer (by index) to hand to the reader, `history()` sorts what they recorded.
 */
export class HistoryRecorder {
  readonly #customers: number;
  readonly #owner: number[] = [];
  readonly #at: number[] = [];
  readonly #rows: number[] = [];
  readonly #numbers = new Map<string, number[]>();
  readonly #values = new Map<string, unknown[]>();

  constructor(policy: Policy, customers: number) {
    this.#customers = customers;
    for (const [id, field] of Object.entries(policy.sources?.transactions?.fields ?? {})) {
      if ((field.type ?? 'number') === 'number') this.#numbers.set(id, []);
      else this.#values.set(id, []);
    }
  }

  /** Customer id → a recorder for readTransactions; `ids` in the order of their indices. */
  accumulators(ids: readonly string[]): Map<string, CustomerAccumulator> {
    return new Map(ids.map((id, index) => [id, this.#recorder(index)]));
  }

  #recorder(index: number): CustomerAccumulator {
    return {
      add: (tx) => {
        this.#owner.push(index);
        this.#at.push(tx.at);
        this.#rows.push(tx.row ?? 0);
        for (const [id, numbers] of this.#numbers) {
          const v = tx.fields[id];
          numbers.push(typeof v === 'number' ? v : Number.NaN);
        }
        for (const [id, values] of this.#values) values.push(tx.fields[id]);
      },
      result: () => ({}),
      breaches: () => [],
    };
  }

  /** The recorded log grouped by customer (a counting sort, stable) and by time within one. */
  history(): TransactionHistory {
    const n = this.#at.length;
    const offsets = new Uint32Array(this.#customers + 1);
    for (let i = 0; i < n; i++) offsets[this.#owner[i]! + 1]!++;
    for (let c = 0; c < this.#customers; c++) offsets[c + 1]! += offsets[c]!;
    const next = offsets.slice(0, this.#customers);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[next[this.#owner[i]!]!++] = i;
    const at = this.#at;
    for (let c = 0; c < this.#customers; c++) {
      const start = offsets[c]!;
      const end = offsets[c + 1]!;
      let sorted = true;
      for (let k = start + 1; k < end && sorted; k++) sorted = at[order[k - 1]!]! <= at[order[k]!]!;
      // Same instant: the file's order, as the rows were read.
      if (!sorted) order.subarray(start, end).sort((a, b) => at[a]! - at[b]! || a - b);
    }
    const columns: Column[] = [
      ...[...this.#numbers].map(([id, numbers]) => ({
        id,
        numbers: Float64Array.from(order, (i) => numbers[i]!),
      })),
      ...[...this.#values].map(([id, values]) => ({ id, values: Array.from(order, (i) => values[i]) })),
    ];
    return new TransactionHistory(
      offsets,
      Float64Array.from(order, (i) => at[i]!),
      Uint32Array.from(order, (i) => this.#rows[i]!),
      columns,
    );
  }
}
