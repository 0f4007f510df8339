import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contains,
  INTEGER,
  interval,
  isEmpty,
  pickValue,
  REAL,
  subtract,
} from '../../src/policy/analysis/interval.js';

describe('interval arithmetic', () => {
  it('picks round example values a person would write', () => {
    expect(pickValue(interval(0, 50000, true, false))).toBe(30000);
    expect(pickValue(interval(500000, Infinity, false, false))).toBe(600000);
    expect(pickValue(interval(89, 90, false, false))).toBe(89.5);
    expect(pickValue(interval(89, 90, false, false), INTEGER)).toBeUndefined();
  });

  it('handles single points, on and off the grid', () => {
    expect(pickValue(interval(5, 5))).toBe(5);
    expect(pickValue(interval(5, 5), INTEGER)).toBe(5);
    expect(pickValue(interval(5.5, 5.5), INTEGER)).toBeUndefined();
    expect(pickValue(interval(5, 5, true, false))).toBeUndefined();
  });

  it('always picks a value inside the interval, or none only when the domain has none there', () => {
    const bound = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
    );
    fc.assert(
      fc.property(
        bound,
        bound,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (a, b, loClosed, hiClosed, onGrid) => {
          const i = interval(Math.min(a, b), Math.max(a, b), loClosed, hiClosed);
          const domain = onGrid ? INTEGER : REAL;
          const v = pickValue(i, domain);
          if (v === undefined) expect(isEmpty(i, domain)).toBe(true);
          else {
            expect(contains(i, v)).toBe(true);
            if (onGrid) expect(Number.isInteger(v)).toBe(true);
          }
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it('subtracts ranges exactly at open and closed ends', () => {
    const left = subtract(interval(0, 100), [interval(90, Infinity), interval(70, 89)]);
    expect(left).toEqual([interval(0, 70, true, false), interval(89, 90, false, false)]);
  });
});
