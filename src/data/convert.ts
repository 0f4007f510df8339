import { msg, render, type Text } from '../i18n/text.js';
import { convertDate, DEFAULT_TIMEZONE } from './date.js';
import { parseNumberText } from './number.js';
import { nfkc } from './text.js';
import type { FieldValue } from './types.js';

export type FieldType = 'number' | 'integer' | 'string' | 'enum' | 'date' | 'boolean';

/** How one value is read: the parts of a fact declaration (src/policy/schema/facts.ts) that matter here. */
export interface FieldSpec {
  type: FieldType;
  /** enum: the allowed values. */
  values?: readonly string[];
  /** date: a luxon format such as yyyy/M/d; without one, ISO 8601 and year-first dates are read. */
  format?: string;
  /** number: a currency code (CNY), `percent`, `ratio`, … — decides which signs are read. */
  unit?: string;
  /** date: the zone of dates written without an offset; Asia/Shanghai by default. */
  timezone?: string;
  /** number, integer: the declared domain; a value outside it is not kept (TW0631). */
  min?: number;
  max?: number;
}

/**
 * A value, or why the cell cannot be read: `problem` for every language, `error` its English;
 * `outOfRange` when the value was read but lies outside the fact's declared min and max.
 */
export type Converted = { value: unknown } | { error: string; problem: Text; outOfRange?: boolean };

export interface ConvertOptions {
  /** Personal data: the value is not repeated in the error. */
  mask?: boolean;
}

const TRUE_WORDS = new Set(['是', 'true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['否', 'false', 'no', 'n', '0']);

/**
 * One raw value → a typed value. Empty text and null are missing (`value: undefined`), never 0
 * or false: the policy's missing-value rule decides what a missing value does. Never throws.
 */
export function convertValue(
  raw: FieldValue | undefined,
  spec: FieldSpec,
  options: ConvertOptions = {},
): Converted {
  if (raw === undefined || raw === null) return { value: undefined };
  if (typeof raw === 'string' && raw.trim() === '') return { value: undefined };
  const result = convertPresent(raw, spec);
  if ('value' in result) {
    const beyond = typeof result.value === 'number' ? outOfRange(result.value, spec, options) : undefined;
    return beyond ? { error: render('en', beyond), problem: beyond, outOfRange: true } : result;
  }
  const got = options.mask ? msg('data.gotMasked') : shown(raw);
  const problem = msg('data.expectedGot', { expected: result.error, got, reason: result.reason });
  return { error: render('en', problem), problem };
}

type Outcome = { value: unknown } | { error: Text; reason?: Text };

/**
 * Why a number read from a cell is outside the fact's declared domain, or undefined when it is
 * inside: 复购率 850 where max is 100 is a typo, never a rate to tier on.
 */
export function outOfRange(value: number, spec: FieldSpec, options: ConvertOptions = {}): Text | undefined {
  if (spec.type !== 'number' && spec.type !== 'integer') return undefined;
  const shownValue = options.mask ? msg('data.valueMasked') : String(value);
  if (spec.min !== undefined && value < spec.min)
    return msg('data.belowMin', { value: shownValue, min: spec.min });
  if (spec.max !== undefined && value > spec.max)
    return msg('data.aboveMax', { value: shownValue, max: spec.max });
  return undefined;
}

function convertPresent(raw: string | number | boolean | Date, spec: FieldSpec): Outcome {
  switch (spec.type) {
    case 'number':
    case 'integer':
      return toNumber(raw, spec.unit, spec.type === 'integer');
    case 'string':
      return toText(raw);
    case 'enum':
      return toEnum(raw, spec.values ?? []);
    case 'boolean':
      return toBoolean(raw);
    case 'date':
      if (typeof raw === 'boolean') return { error: msg('data.aDate') };
      return convertDate(raw, spec.format, spec.timezone ?? DEFAULT_TIMEZONE);
  }
}

function toNumber(
  raw: string | number | boolean | Date,
  unit: string | undefined,
  integer: boolean,
): Outcome {
  if (typeof raw === 'string') return parseNumberText(raw, unit, integer);
  const what = msg(integer ? 'data.aWholeNumber' : 'data.aNumber');
  if (typeof raw !== 'number') return { error: what };
  // JSON.parse reads 1e309 as Infinity.
  if (!Number.isFinite(raw))
    return { error: what, reason: Number.isNaN(raw) ? undefined : msg('data.tooLarge') };
  // A number from xlsx or JSON is taken as it is: 0.85 for a percent fact stays 0.85 (Excel
  // cells formatted as percentages arrive as text "85%" and are read as 85).
  if (integer && !Number.isInteger(raw)) return { error: what };
  if (integer && !Number.isSafeInteger(raw)) return { error: what, reason: msg('data.tooLargeExact') };
  return { value: raw === 0 ? 0 : raw };
}

function toText(raw: string | number | boolean | Date): Outcome {
  if (typeof raw === 'string') return { value: raw.trim() };
  if (typeof raw === 'number') {
    // An id such as 20240100012345678 written as a JSON number has already lost digits.
    if (Number.isInteger(raw) && !Number.isSafeInteger(raw))
      return { error: msg('data.aText'), reason: msg('data.lostDigits') };
    return { value: String(raw) };
  }
  if (typeof raw === 'boolean') return { value: String(raw) };
  if (Number.isNaN(raw.getTime())) return { error: msg('data.aText') };
  const iso = raw.toISOString();
  return { value: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ') };
}

function toEnum(raw: string | number | boolean | Date, values: readonly string[]): Outcome {
  const expected = msg('data.oneOf', { values: [...values] });
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: expected };
  const text = String(raw).trim();
  if (values.includes(text)) return { value: text };
  // Case and full-width letters (ＶＩＰ) are how people type, not a different value.
  const folded = fold(text);
  const matches = values.filter((v) => fold(v) === folded);
  if (matches.length === 1) return { value: matches[0] };
  return { error: expected };
}

function toBoolean(raw: string | number | boolean | Date): Outcome {
  const expected = msg('data.yesNo');
  if (typeof raw === 'boolean') return { value: raw };
  if (raw instanceof Date) return { error: expected };
  const word = fold(String(raw).trim());
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return { error: expected };
}

export function fold(text: string): string {
  return nfkc(text).toLowerCase();
}

const SHOWN_MAX = 60;

function shown(raw: string | number | boolean | Date): Text {
  if (typeof raw === 'number' || typeof raw === 'boolean')
    return msg('data.gotPlain', { value: String(raw) });
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime())
      ? msg('data.gotInvalidDate')
      : msg('data.gotDate', { iso: raw.toISOString() });
  const text = raw.length > SHOWN_MAX ? `${raw.slice(0, SHOWN_MAX)}…` : raw;
  return msg('data.gotText', { text });
}
