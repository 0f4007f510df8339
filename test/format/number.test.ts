import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatFixed,
  formatNumber,
  formatSigned,
  roundHalfAway,
} from '../../src/format/number.js';

describe('roundHalfAway', () => {
  it('takes halves away from zero, also halves that binary stores a hair below', () => {
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(0.1085 * 100, 1)).toBe(10.9);
    expect(roundHalfAway(1069356.4999999572, 2)).toBe(1069356.5);
    expect(roundHalfAway(2.4999, 0)).toBe(2);
    expect(roundHalfAway(-0.3)).toBe(0);
    expect(Object.is(roundHalfAway(-0.3), -0)).toBe(false);
  });

  it('agrees with rounding the decimal text for numbers written with one more decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (tenths) => {
        // tenths/10 written as a decimal: its rounding to a whole is decided by the last digit
        const last = Math.abs(tenths) % 10;
        const whole = Math.trunc(tenths / 10);
        const expected = last >= 5 ? whole + Math.sign(tenths) : whole;
        expect(roundHalfAway(tenths / 10)).toBe(expected || 0);
      }),
    );
  });
});

describe('formatting', () => {
  it('groups thousands and never prints -0', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatCount(3000)).toBe('3,000');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatFixed(91, 1)).toBe('91.0');
    expect(formatFixed(1234.5, 2)).toBe('1,234.50');
  });

  it('says how large a file is', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3481)).toBe('3.4 KB');
    expect(formatBytes(1_258_291)).toBe('1.2 MB');
  });

  it('signs a change by what is shown', () => {
    expect(formatSigned(3)).toBe('+3');
    expect(formatSigned(-1250)).toBe('-1,250');
    expect(formatSigned(0.2)).toBe('0');
    expect(formatSigned(0.25, 1)).toBe('+0.3');
  });
});
