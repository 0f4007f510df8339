import type { Fields, FieldValue } from './types.js';

/**
 * Records are keyed by the user's headers, so a header may be `__proto__` or `constructor`.
 * Every record is a null-prototype object: assignment then creates an ordinary own property, and
 * looking up a header the record lacks gives undefined rather than something from Object.prototype.
 */
export function emptyFields(): Fields {
  return Object.create(null) as Fields;
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

  build(cells: readonly FieldValue[]): Fields {
    const fields = emptyFields();
    const { keys, indexes } = this;
    for (let k = 0; k < keys.length; k++) fields[keys[k]!] = cells[indexes[k]!] ?? null;
    return fields;
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

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
