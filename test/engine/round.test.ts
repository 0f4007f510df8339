import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumRawFor, roundScore } from '../../src/engine/round.js';

describe('score rounding', () => {
  it('rounds halves the way each mode says, despite binary noise', () => {
    expect(roundScore(85.25)).toBe(85);
    expect(roundScore(85.25, 'half-up', 1)).toBe(85.3);
    expect(roundScore(74.5)).toBe(75);
    expect(roundScore(0.2 * 90 + 0.15 * 70 + 0.35 * 80 + 0.15 * 60 + 0.15 * 60)).toBe(75);
    expect(roundScore(74.49999999999999)).toBe(75);
    expect(roundScore(74.4)).toBe(74);
    expect(roundScore(74.5, 'half-even')).toBe(74);
    expect(roundScore(75.5, 'half-even')).toBe(76);
    expect(roundScore(74.9, 'floor')).toBe(74);
    expect(roundScore(74.1, 'ceil')).toBe(75);
    expect(roundScore(74.123, 'none')).toBe(74.123);
  });

  it('never moves a score by more than half a step, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        fc.integer({ min: 0, max: 3 }),
        (x, mode, digits) => {
          const r = roundScore(x, mode, digits);
          expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
          expect(roundScore(r, mode, digits)).toBe(r);
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });

  it('knows the smallest unrounded score that reaches a threshold', () => {
    expect(minimumRawFor(90)).toBe(89.5);
    expect(roundScore(minimumRawFor(90))).toBe(90);
    expect(roundScore(minimumRawFor(90) - 1e-6)).toBe(89);
    expect(minimumRawFor(90, 'floor')).toBe(90);
  });
});
