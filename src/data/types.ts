import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineEnding } from './decode.js';

export const FORMATS = ['csv', 'tsv', 'ndjson', 'json', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb18030'] as const;
export type EncodingOption = (typeof ENCODINGS)[number];
/** The encoding a text file was read with. GBK is a subset of GB18030 and decodes the same. */
export type Encoding = Exclude<EncodingOption, 'auto'>;

/**
 * A cell as the reader found it. `Date` comes only from xlsx date cells and holds Excel's
 * wall-clock time in its UTC fields (Excel stores no time zone); convertValue reads it that way.
 */
export type FieldValue = string | number | boolean | Date | null;

/**
 * Keyed by header, with no Object.prototype in the chain: a header named `__proto__` or
 * `constructor` is an ordinary key, and a header a record lacks reads as undefined.
 */
export type Fields = Record<string, FieldValue>;

export interface RawRecord {
  /**
   * The row as the user's tool shows it: a CSV's header is row 1 and a quoted value spanning
   * lines still makes one row (as in Excel); Excel's own row number; an NDJSON line number; a
   * JSON array's element number (1 = first).
   */
  row: number;
  /** Keyed by header (see Fields); empty when `problem` is set. */
  readonly fields: Fields;
  /**
   * Tabular formats: the cells in file order, and which cell each header is read from; lets a
   * reader take cells by column without the `fields` object.
   */
  readonly cells?: readonly FieldValue[];
  readonly layout?: { indexOf(header: string): number };
  /** The row could not be read (TW0606, TW0608, TW0601): it has no fields to map. */
  problem?: Diagnostic;
  /** Set with `problem` when reading stopped there: no rows follow. */
  fatal?: boolean;
}

export interface OpenOptions {
  format?: Format;
  encoding?: EncodingOption;
  /** xlsx: the sheet to read; the first sheet of the workbook by default. */
  sheet?: string;
  /** A longer value is a malformed row (TW0606). Counted in UTF-8 bytes; 1 MiB by default. */
  maxFieldBytes?: number;
  /**
   * A longer row (or NDJSON line) stops reading with TW0606: usually an unclosed quote that
   * would otherwise swallow the rest of the file. 16 MiB by default.
   */
  maxRowBytes?: number;
  /** A top-level JSON array is parsed whole, so it is limited; 64 MiB by default. */
  maxJsonBytes?: number;
}

export interface RecordSource {
  readonly file: string;
  readonly format: Format;
  /** Text formats: the encoding used; `auto` resolves to `utf-8` or `gb18030` here. */
  readonly encoding?: Encoding;
  /** Whether `encoding` was detected (`auto`) rather than given. */
  readonly encodingDetected?: boolean;
  /** Text formats: how lines end, detected from the first 64 KiB (src/data/decode.ts). */
  readonly lineEnding?: LineEnding;
  /** xlsx: the sheet read. */
  readonly sheet?: string;
  /** The row holding the headers (CSV, TSV, xlsx); undefined for JSON formats, which have none. */
  readonly headerRow?: number;
  /**
   * The column names, in file order, duplicates included. NDJSON and JSON have no header row:
   * their columns are the keys of the first 1,000 records, in order of appearance.
   */
  headers(): Promise<string[]>;
  /** Each call reads the file from the start; the first continues where opening stopped. */
  records(): AsyncIterable<RawRecord>;
  /** Releases the file if records() is never iterated to the end. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ROW_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_JSON_BYTES = 64 * 1024 * 1024;

export interface Limits {
  maxFieldBytes: number;
  maxRowBytes: number;
  maxJsonBytes: number;
}

export function limitsOf(options: OpenOptions): Limits {
  return {
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES,
    maxRowBytes: options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES,
    maxJsonBytes: options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
  };
}
