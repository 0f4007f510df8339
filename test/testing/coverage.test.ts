import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('shows the percentage truncated, never rounded up', () => {
    expect(percentText(9999, 10000)).toBe('99.99');
    expect(percentText(99_999, 100_000)).toBe('99.99');
    expect(percentText(2, 3)).toBe('66.66');
    expect(percentText(1, 2)).toBe('50');
    expect(percentText(11, 20)).toBe('55');
    expect(percentText(0, 0)).toBe('100');
  });

  it('reads thresholds as exact decimals and refuses what is not a percentage', () => {
    expect(parsePercent('66.67')).toEqual({ numerator: 6667n, denominator: 100n });
    expect(parsePercent('90%')).toEqual({ numerator: 90n, denominator: 1n });
    for (const bad of ['100.01', '-1', 'abc', '', '1e2']) expect(parsePercent(bad), bad).toBeUndefined();
  });
});
