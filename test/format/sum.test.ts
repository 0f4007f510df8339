import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, exactSum } from '../../src/format/sum.js';

/** A double as integer × 2^exponent, exactly (exponent ≥ -1074). */
function parts(x: number): { integer: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const integer = biased === 0 ? fraction : fraction | (1n << 52n);
  return { integer: sign * integer, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/**
 * The exact sum of finite doubles, rounded to the nearest double by V8's decimal parser (which
 * rounds correctly however many digits it is given): an independent reference.
 */
function reference(values: readonly number[]): number {
  let total = 0n;
  for (const x of values) {
    const { integer, exponent } = parts(x);
    total += integer << BigInt(exponent + 1074);
  }
  // total × 2^-1074 = total × 5^1074 / 10^1074
  const negative = total < 0n;
  const digits = ((negative ? -total : total) * 5n ** 1074n).toString().padStart(1075, '0');
  const text = `${digits.slice(0, -1074)}.${digits.slice(-1074)}`;
  const value = Number(text);
  return negative ? -value : value;
}

const doubles = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
  fc.double({ noNaN: true, min: -1, max: 1 }).map((x) => x * 2 ** -1000),
  fc.constantFrom(0.1, 0.2, 0.3, 1e16, -1e16, 1, 2 ** 53, 2 ** -1074, -(2 ** -1074), 2 ** 1000),
);

describe('ExactSum', () => {
  it('is the exact sum rounded once', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.30000000000000004);
    expect(exactSum([1e16, 1, -1e16])).toBe(1);
    expect(exactSum([1e100, 1, -1e100, 1e-100])).toBe(1);
    // Half-way: 2^53 + 1 is a tie that rounds to even; the partial below decides it up.
    expect(exactSum([2 ** 53, 1, 1e-10])).toBe(2 ** 53 + 2);
    expect(exactSum([2 ** 53, 1])).toBe(2 ** 53);
    expect(exactSum([])).toBe(0);
    expect(exactSum([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
    expect(exactSum([1.7e308, 1.7e308])).toBe(Number.POSITIVE_INFINITY);
  });

  it('property: equals the exact sum correctly rounded, in any order and split anywhere', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 60 }), fc.nat(), (values, cut) => {
        const expected = reference(values);
        expect(exactSum(values)).toBe(expected);
        expect(exactSum([...values].reverse())).toBe(expected);
        const at = values.length === 0 ? 0 : cut % values.length;
        const left = new ExactSum();
        const right = new ExactSum();
        for (const v of values.slice(0, at)) left.add(v);
        for (const v of values.slice(at)) right.add(v);
        left.merge(right);
        expect(left.value).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('property: integers × powers of two add exactly, however wide', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 40 }), (values) => {
        // The values' integers summed per exponent, as DuckDB hands them over: wider than a double.
        const byExponent = new Map<number, bigint>();
        for (const v of values) {
          const { integer, exponent } = parts(v);
          byExponent.set(exponent, (byExponent.get(exponent) ?? 0n) + integer * 3n);
        }
        const sum = new ExactSum();
        for (const [exponent, integer] of byExponent) sum.addScaled(integer, exponent);
        expect(sum.value).toBe(reference([...values, ...values, ...values]));
      }),
      { numRuns: 300 },
    );
  });
});
