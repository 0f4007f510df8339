import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src/format/share.js';
import { meetsThreshold, parsePercent, percentText } from '../../src/testing/coverage.js';

describe('coverage threshold, exactly', () => {
  it('2 of 3 (66.666…%) fails 66.67 and passes 66.66', () => {
    expect(meetsThreshold(2, 3, '66.67')).toBe(false);
    expect(meetsThreshold(2, 3, '66.66')).toBe(true);
  });

  it('99.99% is not 100%', () => {
    expect(meetsThreshold(9999, 10000, '100')).toBe(false);
    expect(meetsThreshold(9999, 10000, '99.99')).toBe(true);
    expect(meetsThreshold(999_999, 1_000_000, '99.9999')).toBe(true);
    expect(meetsThreshold(999_999, 1_000_000, '99.99991')).toBe(false);
  });

  it('agrees with rational arithmetic for any counts and thresholds', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(10000),
        (covered, total, hundredths) => {
          const threshold = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
          // covered/total ≥ hundredths/10000  ⇔  covered × 10000 ≥ hundredths × total
          expect(meetsThreshold(covered, total, threshold)).toBe(covered * 10000 >= hundredths * total);
        },
      ),
    );
  });

  it('shows the percentage as every surface shows a share: rounded half away from zero, one decimal', () => {
    expect(percentText(2, 3)).toBe('66.7');
    expect(percentText(1, 3)).toBe('33.3');
    expect(percentText(1, 8)).toBe('12.5');
    expect(percentText(1, 16)).toBe('6.3');
    expect(percentText(1, 2)).toBe('50.0');
    expect(percentText(11, 20)).toBe('55.0');
    expect(percentText(0, 0)).toBe('100.0');
    for (const [covered, total] of [
      [2, 3],
      [1, 16],
      [7, 9],
      [123, 457],
    ] as const)
      expect(`${percentText(covered, total)}%`).toBe(formatShare(covered / total));
    // The threshold is still decided on the counts, whatever the rounded text shows.
    expect(meetsThreshold(2, 3, '66.7')).toBe(false);
  });

  it('reads thresholds as exact decimals and refuses what is not a percentage', () => {
    expect(parsePercent('66.67')).toEqual({ numerator: 6667n, denominator: 100n });
    expect(parsePercent('90%')).toEqual({ numerator: 90n, denominator: 1n });
    for (const bad of ['100.01', '-1', 'abc', '', '1e2']) expect(parsePercent(bad), bad).toBeUndefined();
  });
});
