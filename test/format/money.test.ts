import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, money, shareColumn } from '../../src/format/figure.js';
import { formatMoney, minorUnitDigits, roundMoney, sumMoney } from '../../src/format/money.js';
import { ExactSum, exactSum } from '../../src/format/sum.js';

describe('money', () => {
  it('knows the minor unit of a currency', () => {
    expect(minorUnitDigits('CNY')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits(undefined)).toBe(2);
    expect(minorUnitDigits('points')).toBe(2);
    expect(roundMoney(1234.565, 'CNY')).toBe(1234.57);
    expect(roundMoney(1234.5, 'JPY')).toBe(1235);
  });

  it('sums without float noise', () => {
    const tenCents = Array.from({ length: 10 }, () => 0.1);
    expect(tenCents.reduce((n, x) => n + x, 0)).not.toBe(1);
    expect(exactSum(tenCents)).toBe(1);
    expect(sumMoney(tenCents, 'CNY')).toBe(1);
    const sum = new ExactSum();
    for (const x of [1e16, 1, -1e16]) sum.add(x);
    expect(sum.value).toBe(1);
  });

  it('property: the sum of amounts in cents is the sum of the cents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000_000_000, max: 100_000_000_000 }), { maxLength: 1000 }),
        (cents) => {
          const exact = cents.reduce((n, c) => n + BigInt(c), 0n);
          const total = sumMoney(
            cents.map((c) => c / 100),
            'CNY',
          );
          expect(total).toBe(Number(exact) / 100);
          // As JSON: never more decimals than the cent.
          expect(JSON.stringify(total)).toMatch(/^-?\d+(?:\.\d{1,2})?$/);
        },
      ),
    );
  });

  it('reads in whole units, machines get the cent', () => {
    expect(formatMoney(1069356.4999999572)).toBe('1,069,356');
    expect(formatMoney(1069356.5)).toBe('1,069,357');
    expect(formatMoney(-1700010, true)).toBe('-1,700,010');
    expect(formatMoney(109000, true)).toBe('+109,000');
    expect(money(1069356.4999999572, { currency: 'CNY' })).toEqual({ text: '1,069,356', value: 1069356.5 });
    expect(count(-0.3)).toEqual({ text: '0', value: 0 });
  });
});

describe('shareColumn', () => {
  it('rounds a column so that it adds up to its total row', () => {
    const column = shareColumn([1, 1, 1], 3);
    expect(column.rows.map((r) => r.text)).toEqual(['33.4%', '33.3%', '33.3%']);
    expect(column.total).toEqual({ text: '100.0%', value: 100 });
    expect(shareColumn([1, undefined], 2).rows[1]!.text).toBe('');
    expect(shareColumn([1], 0).total.text).toBe('');
  });
});
