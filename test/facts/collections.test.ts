import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bits, Sums } from '../../src/facts/collections.js';

/** Fixed, so that a failure reproduces; modest, so that the suite stays quick. */
const RUNS = { seed: 1970, numRuns: 100 };

describe('Bits', () => {
  it('counts distinct indices, growing past its first size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.array(fc.nat(5000)), (capacity, indices) => {
        const bits = new Bits(capacity);
        for (const i of indices) bits.add(i);
        expect(bits.count()).toBe(new Set(indices).size);
      }),
      RUNS,
    );
  });

  it('counts bit 31 of a word (the sign bit of an int32)', () => {
    const bits = new Bits(64);
    bits.add(31);
    bits.add(63);
    bits.add(0);
    expect(bits.count()).toBe(3);
  });
});

describe('Sums', () => {
  it('adds per index, reads 0 where nothing was added, remembers the oldest index', () => {
    const sums = new Sums(2);
    expect(sums.oldest).toBe(-1);
    sums.add(0, 5);
    sums.add(0, 2.5);
    sums.add(7, 1);
    expect([sums.get(0), sums.get(1), sums.get(7), sums.get(100), sums.get(-1)]).toEqual([7.5, 0, 1, 0, 0]);
    expect(sums.oldest).toBe(7);
  });
});

describe('compensated sums', () => {
  it('add money without drifting: ten times 0.1 is 1, and 1e16 + 1 − 1e16 is 1', () => {
    const sums = new Sums(1);
    for (let i = 0; i < 10; i++) sums.add(0, 0.1);
    expect(sums.get(0)).toBe(1);
    for (const v of [1e16, 1, -1e16]) sums.add(1, v);
    expect(sums.get(1)).toBe(1);
  });
});
