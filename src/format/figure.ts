import { roundMoney } from './money.js';
import { formatFixed, formatNumber, formatSigned, roundHalfAway } from './number.js';
import {
  type DisplayedShares,
  displayedShares,
  formatPercent,
  PERCENT_DIGITS,
  percentValue,
} from './share.js';

/**
 * One figure as every surface shows it: the text people read, and the value a spreadsheet or a
 * JSON reader gets (a number where there is one). Both come from the same rounding, so a table,
 * a chart label and a CSV cell never disagree.
 */
export interface Figure {
  text: string;
  value?: number | string;
}

export const EMPTY: Figure = { text: '' };

export function text(value: string): Figure {
  return { text: value, value };
}

const known = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

/** A whole count, grouped for reading (1,234,567). */
export function count(n: number | undefined): Figure {
  if (!known(n)) return EMPTY;
  const value = roundHalfAway(n, 0);
  return { text: formatNumber(value, 0), value };
}

/** A change in a count: +3, -1, 0. */
export function signedCount(n: number | undefined): Figure {
  if (!known(n)) return EMPTY;
  const value = roundHalfAway(n, 0);
  return { text: formatSigned(value, 0), value };
}

/** Money: whole units for reading, the currency's minor unit for machines (src/format/money.ts). */
export function money(n: number | undefined, options: { signed?: boolean; currency?: string } = {}): Figure {
  if (!known(n)) return EMPTY;
  const whole = roundHalfAway(n, 0);
  return {
    text: options.signed ? formatSigned(whole, 0) : formatNumber(whole, 0),
    value: roundMoney(n, options.currency),
  };
}

/** A decimal figure (scores, weights, contacts a quarter) to at most `digits` places, grouped. */
export function decimal(n: number | undefined, digits = 1, signed = false): Figure {
  if (!known(n)) return EMPTY;
  const value = roundHalfAway(n, digits);
  return { text: signed ? formatSigned(value, digits) : formatNumber(value, digits), value };
}

/** A decimal figure always shown with `digits` places (an average score: 91.0, 91.2). */
export function fixed(n: number | undefined, digits = 1): Figure {
  if (!known(n)) return EMPTY;
  const value = roundHalfAway(n, digits);
  return { text: formatFixed(value, digits), value };
}

/** A percentage already rounded (a value of displayedShares): 10.9%. */
export function percentFigure(percent: number | undefined, digits = PERCENT_DIGITS): Figure {
  if (!known(percent)) return EMPTY;
  return { text: formatPercent(percent, digits), value: percent };
}

/** One share standing alone (0–1), rounded: a tier's fragile share, a column's completeness. */
export function percent(share: number | undefined, digits = PERCENT_DIGITS): Figure {
  if (!known(share)) return EMPTY;
  return percentFigure(percentValue(share, digits), digits);
}

/**
 * The shares of parts of one whole as a column of a table: rounded so that they add up to the
 * total row (see displayedShares). A part that is undefined shows empty and counts as nothing.
 */
export function shareColumn(
  parts: readonly (number | undefined)[],
  whole: number | undefined,
): { rows: Figure[]; total: Figure } {
  const shown: DisplayedShares | undefined =
    whole === undefined
      ? undefined
      : displayedShares(
          parts.map((p) => p ?? 0),
          whole,
        );
  return {
    rows: parts.map((p, i) => (p === undefined || !shown ? EMPTY : percentFigure(shown.shares[i]))),
    total: shown ? percentFigure(shown.total) : EMPTY,
  };
}
