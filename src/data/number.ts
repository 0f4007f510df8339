import { msg, type Text } from '../i18n/text.js';
import { nfkc } from './text.js';

/**
 * Numbers as business exports write them: "1,234,567.50", "１２３，４５６", "¥80万", "(1,200.00)",
 * "85%". Generous in notation, strict in meaning: a sign or multiplier is read only where the
 * fact's unit says what it means, and nothing is ever guessed between conventions.
 */

export type NumberResult = { value: number } | { error: Text; reason?: Text };

/** Signs written before or after an amount, per ISO 4217 code; any other code is its own sign. */
const CURRENCY_SIGNS: Record<string, { before: string[]; after: string[] }> = {
  CNY: { before: ['¥', 'CNY', 'RMB', '人民币'], after: ['人民币元', '元', 'CNY', 'RMB', '人民币'] },
  JPY: { before: ['¥', 'JPY'], after: ['円', '日元', 'JPY'] },
  USD: { before: ['US$', '$', 'USD'], after: ['美元', 'USD'] },
  HKD: { before: ['HK$', 'HKD'], after: ['港元', '港币', 'HKD'] },
  EUR: { before: ['€', 'EUR'], after: ['欧元', 'EUR'] },
  GBP: { before: ['£', 'GBP'], after: ['英镑', 'GBP'] },
};

const KNOWN_SIGNS = Object.values(CURRENCY_SIGNS).flatMap((s) => [...s.before, ...s.after]);
const signsCache = new Map<string, string[]>();

/** Every sign recognised (so that another currency's sign is named in the error), longest first. */
function signsFor(unit: string | undefined): string[] {
  const key = isCurrency(unit) ? unit : '';
  let signs = signsCache.get(key);
  if (!signs) {
    signs = [...new Set([...KNOWN_SIGNS, ...(key ? [key] : [])])].sort((a, b) => b.length - a.length);
    signsCache.set(key, signs);
  }
  return signs;
}

/** Chinese amounts are commonly written in 万 (10^4) and 亿 (10^8) yuan. */
const MULTIPLIERS: Record<string, number> = { 万: 4, 亿: 8 };

const PLAIN = /^(\d+)?(?:\.(\d+))?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EXPONENT = /^(\d+(?:\.\d*)?|\.\d+)[eE]([-+]?\d{1,3})$/;

export function isCurrency(unit: string | undefined): unit is string {
  return unit !== undefined && /^[A-Z]{3}$/.test(unit);
}

/** What a number of this unit looks like, for error messages. */
export function expectedNumber(unit: string | undefined, integer: boolean): Text {
  if (integer) return msg('data.numberWhole');
  if (unit === 'percent') return msg('data.numberPercent');
  if (unit === 'ratio') return msg('data.numberRatio');
  if (unit === 'CNY') return msg('data.numberCNY');
  if (isCurrency(unit)) return msg('data.numberCurrency', { unit });
  return msg('data.numberPlain');
}

/**
 * `value × 10^shift`, rounded once from the exact decimal: 0.07 × 100 is 7, not
 * 7.000000000000001. JavaScript's shortest round-trip form of `value` is the decimal shifted.
 */
export function shiftDecimal(value: number, shift: number): number {
  if (shift === 0) return value;
  const text = String(value);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  return Number(`${mantissa}e${exponent + shift}`);
}

/** The smallest positive double with full precision (2^-1022). */
const MIN_NORMAL = 2.2250738585072014e-308;

/** Minus signs other than '-' that spreadsheets and word processors produce (NFKC keeps them). */
const MINUS = /[\u2212\u2012\u2013\uFE63]/g;

/** Most cells of a real export: plain digits, read without the general path's cost. */
const SIMPLE = /^-?\d{1,15}(?:\.\d{1,6})?$/;

export function parseNumberText(text: string, unit: string | undefined, integer: boolean): NumberResult {
  if (SIMPLE.test(text)) {
    const value = Number(text);
    if (integer && !Number.isInteger(value)) return failure(unit, integer);
    return { value: value === 0 ? 0 : value };
  }
  let s = nfkc(text).replace(MINUS, '-').trim();
  let negative = false;
  let signed = false;
  // Accounting notation: (1,200.00) is -1200.
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    signed = true;
    s = s.slice(1, -1).trim();
  }
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    signed = true;
    s = s.slice(1).trim();
  }
  const signs = signsFor(unit);
  const before = isDigit(s[0]) ? undefined : signs.find((sign) => s.startsWith(sign));
  if (before !== undefined) {
    const problem = currencyProblem(before, 'before', unit);
    if (problem) return failure(unit, integer, problem);
    s = s.slice(before.length).trim();
    // ¥-100 as well as -¥100.
    if (!signed && (s[0] === '-' || s[0] === '+')) {
      negative = s[0] === '-';
      signed = true;
      s = s.slice(1).trim();
    }
  }
  // SAP and other ERP exports put the minus after the amount: "1,234.00-".
  if (!signed && s.endsWith('-')) {
    negative = true;
    s = s.slice(0, -1).trim();
  }
  let shift = 0;
  let percent = false;
  if (s.endsWith('%')) {
    if (unit !== 'percent' && unit !== 'ratio') return failure(unit, integer, msg('data.percentOnly'));
    if (before !== undefined) return failure(unit, integer);
    percent = true;
    shift = unit === 'ratio' ? -2 : 0;
    s = s.slice(0, -1).trim();
  }
  const after = percent || isDigit(s.at(-1)) ? undefined : signs.find((sign) => s.endsWith(sign));
  if (after !== undefined) {
    const problem = currencyProblem(after, 'after', unit);
    if (problem) return failure(unit, integer, problem);
    s = s.slice(0, -after.length).trim();
  }
  const multiplier = s.at(-1);
  if (multiplier !== undefined && multiplier in MULTIPLIERS) {
    if (unit !== 'CNY') return failure(unit, integer, msg('data.multiplierCNY', { sign: multiplier }));
    shift += MULTIPLIERS[multiplier]!;
    s = s.slice(0, -1).trim();
  }
  const decimal = decimalOf(s);
  if (decimal === undefined) {
    const misgrouped = /^[\d,]+(\.\d+)?$/.test(s) && s.includes(',');
    return failure(unit, integer, misgrouped ? msg('data.misgrouped') : undefined);
  }
  let value = Number(`${decimal.mantissa}e${decimal.exponent + shift}`);
  if (!Number.isFinite(value)) return failure(unit, integer, msg('data.tooLarge'));
  // 1e-400 is not 0: a double cannot hold it (nor, exactly, anything below the smallest normal
  // double), and reading it as 0 would change what the cell says.
  if (Math.abs(value) < MIN_NORMAL && /[1-9]/.test(decimal.mantissa))
    return failure(unit, integer, msg('data.tooSmall'));
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0: it prints as 0 but compares oddly in tests and JSON
  if (integer) {
    if (!Number.isInteger(value)) return failure(unit, integer);
    if (!Number.isSafeInteger(value)) return failure(unit, integer, msg('data.tooLargeRead'));
  }
  return { value };
}

function failure(unit: string | undefined, integer: boolean, reason?: Text): NumberResult {
  return { error: expectedNumber(unit, integer), reason };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function decimalOf(s: string): { mantissa: string; exponent: number } | undefined {
  if (s === '' || s === '.') return undefined;
  if (PLAIN.test(s)) return { mantissa: s.startsWith('.') ? `0${s}` : s, exponent: 0 };
  if (GROUPED.test(s)) return { mantissa: s.replaceAll(',', ''), exponent: 0 };
  // Excel writes large numbers in CSV as 1.23457E+11.
  const e = EXPONENT.exec(s);
  if (e) return { mantissa: e[1]!.startsWith('.') ? `0${e[1]}` : e[1]!, exponent: Number(e[2]) };
  return undefined;
}

function currencyProblem(
  sign: string,
  where: 'before' | 'after',
  unit: string | undefined,
): Text | undefined {
  if (!isCurrency(unit)) return msg('data.signNoCurrency', { sign });
  const signs = CURRENCY_SIGNS[unit] ?? { before: [unit], after: [unit] };
  if (signs[where].includes(sign)) return undefined;
  const both = [...signs.before, ...signs.after];
  return both.includes(sign)
    ? msg('data.signNotWhere', { sign, where })
    : msg('data.signNotOfUnit', { sign, unit });
}
