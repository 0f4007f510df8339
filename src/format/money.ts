import { formatNumber, formatSigned, roundHalfAway } from './number.js';
import { exactSum } from './sum.js';

/**
 * Money has two readings, decided here for every surface (docs/reports.md):
 * - machine outputs (JSON, CSV values, NDJSON) carry amounts to the currency's minor unit — CNY
 *   and USD to the cent (2 decimals), JPY whole, per ISO 4217 — summed without drift;
 * - people read whole units, grouped (1,069,357): cents in a table of millions are noise, and
 *   the CSV beside it keeps them.
 */
const DEFAULT_MINOR_DIGITS = 2;
const minorDigitsByCurrency = new Map<string, number>();

/** Decimals of a currency's minor unit (ISO 4217): CNY 2, JPY 0; 2 when the unit is not a currency. */
export function minorUnitDigits(currency: string | undefined): number {
  if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) return DEFAULT_MINOR_DIGITS;
  let digits = minorDigitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      digits = DEFAULT_MINOR_DIGITS;
    }
    minorDigitsByCurrency.set(currency, digits ?? DEFAULT_MINOR_DIGITS);
  }
  return digits ?? DEFAULT_MINOR_DIGITS;
}

/** An amount to its currency's minor unit, halves away from zero: the figure machine outputs carry. */
export function roundMoney(amount: number, currency?: string): number {
  return roundHalfAway(amount, minorUnitDigits(currency));
}

/** Amounts added exactly and rounded once, to the minor unit: totals, differences (pass −b). */
export function sumMoney(amounts: Iterable<number>, currency?: string): number {
  return roundMoney(exactSum(amounts), currency);
}

/** An amount as people read it: whole units, grouped; `signed` marks a gain with "+". */
export function formatMoney(amount: number, signed = false): string {
  return signed ? formatSigned(amount, 0) : formatNumber(amount, 0);
}
