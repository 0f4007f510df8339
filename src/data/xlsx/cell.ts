import { shiftDecimal } from '../number.js';
import type { FieldValue } from '../types.js';
import type { CellFormat } from './styles.js';

/**
 * A number as the file writes it (xsd:double without INF and NaN). parseFloat would read 0x10 as
 * 0 and 12abc as 12; anything this refuses reaches the fact's converter as text instead, which
 * reports it (TW0603) exactly as it reports the same text in a CSV file.
 */
const DOUBLE = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

const DAY_MS = 86_400_000;
/** Serial 61 (1900-03-01) is day 25,569 before 1970-01-01 in the 1900 system. */
const EPOCH_1900 = 25_569;
/** Serial 0 (1904-01-01) is day 24,107 before 1970-01-01 in the 1904 system (old Mac Excel). */
const EPOCH_1904 = 24_107;
/** 9999-12-31, the last day Excel has, in each system. */
const LAST_1900 = 2_958_465;
const LAST_1904 = 2_957_003;

/**
 * The value of a cell of type `n` (or no type): a number, the text of a percentage as the user
 * sees it, or a date when its format is one.
 */
export function numberCell(text: string, format: CellFormat, date1904: boolean): FieldValue {
  if (!DOUBLE.test(text)) return text.trim();
  const value = Number(text);
  if (!Number.isFinite(value)) return text.trim();
  // Excel stores 85% as 0.85; the text keeps what the user sees, and the fact's unit decides.
  if (format === 'percent') return `${shiftDecimal(value, 2)}%`;
  if (format === 'date') return serialDate(value, date1904);
  return value === 0 ? 0 : value;
}

/**
 * Excel's date serial as a Date whose UTC fields hold the wall clock. In the 1900 system serial
 * 1 is 1900-01-01 and 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept
 * by Excel), so serials from 61 on are a day ahead of a plain count. A serial that is no date
 * (below 1, 60, past 9999-12-31) stays a number: a date fact then refuses it with the same words
 * as a serial in a CSV file, and a number fact reads it as the number it is.
 */
export function serialDate(serial: number, date1904: boolean): FieldValue {
  const days = Math.floor(serial);
  if (date1904) {
    if (days < 0 || days > LAST_1904) return new Date(Number.NaN);
    return dateOf(days - EPOCH_1904, serial - days);
  }
  if (days < 1 || days === 60 || days > LAST_1900) return serial;
  return dateOf(days - (days > 60 ? EPOCH_1900 : EPOCH_1900 - 1), serial - days);
}

function dateOf(epochDay: number, fraction: number): Date {
  return new Date(epochDay * DAY_MS + Math.round(fraction * DAY_MS));
}

export function booleanCell(text: string): FieldValue {
  const t = text.trim();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return t;
}
