import type { RowErrorPolicy } from '../data/errors.js';
import { fastConverter, SLOW } from '../data/fast-convert.js';
import { type ColumnSpec, mapRecord } from '../data/table.js';
import type { RawRecord } from '../data/types.js';

/** A kept row: its customer key and its values in column order (valid until the next read). */
export interface RowValues {
  key: string;
  values: ArrayLike<unknown>;
}

/**
 * One record → the wanted columns' values for the columnar readers (this thread's and the
 * workers'). Cells go through fastConverter; a row with any cell it cannot settle goes through
 * mapRecord and the row error policy, exactly as the object reader does. `stop`: the policy ends
 * reading here; undefined: the row is skipped or has no key (dropped: RowErrorPolicy.drop).
 */
export class RowReader {
  private readonly converters;
  private readonly headers;
  private readonly keyIndex;
  private readonly cells: unknown[];
  private layout: { indexOf(header: string): number } | undefined;
  private at: number[] = [];

  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly keyFact: string,
    private readonly file: string,
    private readonly policy: RowErrorPolicy,
  ) {
    this.converters = columns.map(fastConverter);
    this.headers = columns.map((c) => c.column);
    this.keyIndex = columns.findIndex((c) => c.id === keyFact);
    this.cells = new Array(columns.length);
  }

  read(record: RawRecord): RowValues | 'stop' | undefined {
    const { converters, headers, cells } = this;
    let clean = record.problem === undefined;
    if (clean) {
      const raw = record.cells;
      const at = raw && record.layout ? this.positions(record.layout) : undefined;
      const fields = at ? undefined : record.fields;
      for (let k = 0; k < converters.length; k++) {
        const v = converters[k]!(at ? raw![at[k]!] : fields![headers[k]!]);
        if (v === SLOW) {
          clean = false;
          break;
        }
        cells[k] = v;
      }
    }
    if (clean) {
      this.policy.keepClean();
      const id = cells[this.keyIndex];
      if (id !== undefined) return { key: String(id), values: cells };
      this.policy.drop();
      return undefined;
    }
    const decision = this.policy.admit(record, mapRecord(record, this.columns, this.file));
    if (decision.action === 'stop') return 'stop';
    if (decision.action === 'skip') return undefined;
    const values = decision.values;
    const id = values[this.keyFact];
    if (id !== undefined) return { key: String(id), values: this.columns.map((c) => values[c.id]) };
    this.policy.drop();
    return undefined;
  }

  /** Which cell holds each column, worked out once per file layout (a missing header reads as undefined). */
  private positions(layout: { indexOf(header: string): number }): number[] {
    if (layout !== this.layout) {
      this.layout = layout;
      this.at = this.headers.map((h) => layout.indexOf(h)).map((i) => (i < 0 ? Number.MAX_SAFE_INTEGER : i));
    }
    return this.at;
  }
}
