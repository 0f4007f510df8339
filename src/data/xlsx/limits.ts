/**
 * What a workbook may hold before it is refused: each limit bounds the time or memory a small
 * hostile file could cost (issue 12: 24 million shared strings in a 1 MiB file; a 1 GiB cell).
 * Documented in docs/data.md (XLSX limits); a test may pass smaller ones.
 */
export interface WorkbookLimits {
  /**
   * A part may inflate to this many times its compressed size (Apache POI's default too): real
   * sheets compress 5 to 20 times, a zip bomb thousands of times.
   */
  maxExpansionRatio: number;
  /** Parts smaller than this are not held to the ratio: a tiny part compresses much better. */
  expansionGraceBytes: number;
  /** No part is read past this, whatever its compressed size (the zip format's own 32-bit limit). */
  maxPartBytes: number;
  maxZipEntries: number;
  maxSharedStrings: number;
  /** All shared strings together, in UTF-16 code units (about what they cost in memory / 2). */
  maxSharedStringChars: number;
  /** A start tag (element name and attributes) longer than this is not a spreadsheet's. */
  maxTagChars: number;
  /** Excel's own sheet size: 1,048,576 rows by 16,384 columns (A to XFD). */
  maxRows: number;
  maxColumns: number;
  /** Sheets, relationships, number formats and cell styles each: far beyond any real workbook. */
  maxListEntries: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxExpansionRatio: 100,
  expansionGraceBytes: 1024 * 1024,
  maxPartBytes: 0xffff_ffff,
  maxZipEntries: 65_535,
  maxSharedStrings: 8 * 1024 * 1024,
  maxSharedStringChars: 256 * 1024 * 1024,
  maxTagChars: 64 * 1024,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxListEntries: 65_536,
};
