import type { Fields, FieldValue } from './types.js';

/**
 * Records are keyed by the user's headers, so a header may be `__proto__` or `constructor`. A
 * record's prototype is an empty object that itself has no prototype: Object.prototype is not in
 * its chain, so assigning `__proto__` creates an ordinary own property, and looking up a header
 * the record lacks gives undefined rather than something inherited. Unlike Object.create(null),
 * whose objects V8 keeps as slow hash tables, records of one file share a hidden class: reading a
 * million rows spent more time collecting garbage than parsing with null-prototype records.
 */
const FIELDS_PROTOTYPE: object = Object.freeze(Object.create(null));

/** An empty object safe to key by user-given names (headers, fact ids). */
export function safeRecord<T>(): Record<string, T> {
  return Object.create(FIELDS_PROTOTYPE) as Record<string, T>;
}

export function emptyFields(): Fields {
  return safeRecord<FieldValue>();
}

/**
 * Builds records from a header row. When a header repeats, the first column with it is read (the
 * columns mapped by a policy are checked for repeats by resolveColumns).
 */
export class FieldBuilder {
  readonly headers: readonly string[];
  private readonly keys: string[] = [];
  private readonly indexes: number[] = [];

  constructor(headers: readonly string[]) {
    this.headers = headers;
    const seen = new Set<string>();
    headers.forEach((header, i) => {
      if (seen.has(header)) return;
      seen.add(header);
      this.keys.push(header);
      this.indexes.push(i);
    });
  }

  /** The column a header is read from (the first with it), or -1. */
  indexOf(header: string): number {
    const k = this.keys.indexOf(header);
    return k < 0 ? -1 : this.indexes[k]!;
  }

  build(cells: readonly FieldValue[]): Fields {
    const fields = emptyFields();
    const { keys, indexes } = this;
    for (let k = 0; k < keys.length; k++) fields[keys[k]!] = cells[indexes[k]!] ?? null;
    return fields;
  }
}

/**
 * A record that keeps its cells and builds the header-keyed `fields` only when read: readers that
 * take cells by column (src/facts/row-values.ts) never pay for the object; everyone else sees an
 * ordinary RawRecord.
 */
export class CellsRecord {
  #fields: Fields | undefined;

  constructor(
    readonly row: number,
    readonly cells: readonly FieldValue[],
    readonly layout: FieldBuilder,
  ) {}

  get fields(): Fields {
    this.#fields ??= this.layout.build(this.cells);
    return this.#fields;
  }
}

/** A row with nothing but empty or blank cells: Excel shows it as an empty row, and so is it. */
export function isBlankRow(cells: readonly FieldValue[]): boolean {
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

/** The index of the first text cell longer than `maxBytes` in UTF-8, or -1. */
export function oversizedCell(cells: readonly FieldValue[], maxBytes: number): number {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes, so most cells are settled without counting bytes.
  const surelyShort = Math.floor(maxBytes / 3);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell !== 'string' || cell.length <= surelyShort) continue;
    if (cell.length > maxBytes || Buffer.byteLength(cell) > maxBytes) return i;
  }
  return -1;
}

/** Whether text of these lengths is longer than `maxBytes` in UTF-8. */
export function longerThan(texts: readonly string[], maxBytes: number): boolean {
  let units = 0;
  for (const text of texts) units += text.length;
  if (units <= Math.floor(maxBytes / 3)) return false;
  if (units > maxBytes) return true;
  let bytes = 0;
  for (const text of texts) bytes += Buffer.byteLength(text);
  return bytes > maxBytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
