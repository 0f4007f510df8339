import Papa from 'papaparse';

/** A CSV cell: numbers and booleans go out as themselves, text is quoted where RFC 4180 needs it. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula or a DDE command (OWASP "CSV injection"):
 * = + - @ first, or a tab, CR or LF that Excel skips before reading one. A customer id or a
 * contact's name comes from whoever filled the source file, so "=HYPERLINK(…)" or "+cmd|…" in it
 * must reach the sheet as text. A text that is a plain signed number ("-5", "+1,250.5", "-3%")
 * cannot be a formula and stays as it reads; numbers given as numbers are never touched.
 */
const FORMULA = /^(?![+-]?\d[\d,]*(?:\.\d+)?%?$)[=+\-@\t\r\n]/;

/** The text as a spreadsheet should show it: a formula-like text gets a leading '. */
export function spreadsheetText(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Write the header row (a streamed output writes it with its first chunk only). */
  header?: boolean;
  /** The formula guard (default on); off for a CSV only a program reads, e.g. on its way to Parquet. */
  guard?: boolean;
}

/**
 * Every CSV tierwise writes (eval, data profile, simulate, diff, calibrate, eval --summary): CRLF
 * line ends as RFC 4180 and Excel expect, one ending the last row too, and the formula guard
 * above on every text cell. The BOM that makes Excel read UTF-8 is the writer's (--out) concern.
 */
export function csvText(
  fields: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const header = options.header !== false;
  if (rows.length === 0 && !header) return '';
  const body = Papa.unparse(
    { fields: [...fields], data: rows.map((row) => [...row]) },
    { header, newline: '\r\n', escapeFormulae: options.guard === false ? false : FORMULA },
  );
  // Papa ends a header without rows with a line break of its own.
  return body.endsWith('\r\n') ? body : `${body}\r\n`;
}
