import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayedShares, formatShare, percentValue } from '../../src/format/share.js';

/** Shown percentages in tenths, as integers, so that the sums are exact. */
const tenths = (x: number) => Math.round(x * 10);

describe('percentValue', () => {
  it('rounds half away from zero to one decimal', () => {
    expect(formatShare(0.1085)).toBe('10.9%');
    expect(formatShare(0.10849)).toBe('10.8%');
    expect(formatShare(0.29)).toBe('29.0%');
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(0.05)).toBe('5.0%');
    expect(formatShare(1)).toBe('100.0%');
    expect(percentValue(0.749999)).toBe(75);
    expect(percentValue(1 / 1_000_000)).toBe(0);
  });
});

describe('displayedShares (largest remainder)', () => {
  it('makes the rows add up to the 100.0% under them', () => {
    // Truncated these read 33.3% × 3 = 99.9%; rounded they would too.
    expect(displayedShares([1, 1, 1], 3)).toEqual({ shares: [33.4, 33.3, 33.3], total: 100 });
    // 10.85%, 10.85%, 78.3%: rounded alone 10.9 + 10.9 + 78.3 = 100.1%.
    expect(displayedShares([217, 217, 1566], 2000)).toEqual({ shares: [10.9, 10.8, 78.3], total: 100 });
    expect(displayedShares([50_000, 200_000, 749_999, 1], 1_000_000)).toEqual({
      shares: [5, 20, 75, 0],
      total: 100,
    });
  });

  it('has no shares of nothing', () => {
    expect(displayedShares([0, 0], 0)).toBeUndefined();
  });

  it('property: shown shares add up exactly to the shown total, each within one unit of the truth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 1_000_000 }),
        (parts, rest) => {
          const whole = parts.reduce((n, p) => n + p, 0) + rest;
          fc.pre(whole > 0);
          const shown = displayedShares(parts, whole)!;
          const sum = shown.shares.reduce((n, s) => n + tenths(s), 0);
          expect(sum).toBe(tenths(shown.total));
          if (rest === 0) expect(shown.total).toBe(100);
          // The total is the parts' share rounded half away from zero, like any single share.
          expect(shown.total).toBe(percentValue((whole - rest) / whole));
          shown.shares.forEach((s, i) => {
            expect(Math.abs(s - (parts[i]! / whole) * 100)).toBeLessThan(0.1 + 1e-9);
            if (parts[i] === 0) expect(s).toBe(0);
          });
        },
      ),
    );
  });

  it('property: amounts with cents and negatives (refunds) add up too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5_000_000, max: 50_000_000 }), { minLength: 1, maxLength: 8 }),
        (cents) => {
          const amounts = cents.map((c) => c / 100);
          const whole = amounts.reduce((n, a) => n + a, 0);
          fc.pre(Math.abs(whole) > 1);
          const shown = displayedShares(amounts, whole)!;
          expect(shown.shares.reduce((n, s) => n + tenths(s), 0)).toBe(tenths(shown.total));
          expect(shown.total).toBe(100);
        },
      ),
    );
  });
});
