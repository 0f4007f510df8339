import { describe, expect, it } from 'vitest';
import { evaluate, fact, seed004Orders } from './fixtures.js';

/**
 * Seed 004, table 2 (客户分级评估打分表), evaluated 2024-03-01: the raw inputs of its three worked
 * examples laid out as transactions in Shanghai (seed004Orders in fixtures.ts).
 */
const AS_OF = '2024-03-01';
const orders = seed004Orders;

const FACTS = {
  daysSinceLastPurchase: fact('daysSinceLast'),
  orders12m: fact('count', { window: 'P12M' }),
  spend12m: fact('sum', { of: 'amount', window: 'P12M' }),
  repurchaseRate: fact('repurchaseRate', { window: 'P12M' }),
  monthsWithoutPurchase: fact('monthsWithoutPurchase'),
};

describe('seed 004 worked examples', () => {
  it('A公司 C2024001: last purchase 30 days ago, 12 orders a year, 800,000 CNY', () => {
    expect(evaluate(FACTS, AS_OF, orders(30, 30, 12, 800_000))).toEqual({
      daysSinceLastPurchase: 30,
      orders12m: 12,
      spend12m: 800_000,
      repurchaseRate: (11 / 12) * 100,
      monthsWithoutPurchase: 1,
    });
  });

  it('B公司 C2024002: 60 days ago, 6 orders, 300,000 CNY', () => {
    expect(evaluate(FACTS, AS_OF, orders(60, 60, 6, 300_000))).toEqual({
      daysSinceLastPurchase: 60,
      orders12m: 6,
      spend12m: 300_000,
      repurchaseRate: (5 / 6) * 100,
      monthsWithoutPurchase: 2,
    });
  });

  it('C公司 C2024003: 120 days ago, 2 orders, 80,000 CNY — a churn warning (3个月无消费)', () => {
    expect(evaluate(FACTS, AS_OF, orders(120, 120, 2, 80_000))).toEqual({
      daysSinceLastPurchase: 120,
      orders12m: 2,
      spend12m: 80_000,
      repurchaseRate: 50,
      monthsWithoutPurchase: 3,
    });
  });

  it('places the orders as the sheet says: the oldest of A公司 still inside the 12 months', () => {
    // 30 + 11 × 30 = 360 days back: 2023-03-07, after the window start of 2023-03-02.
    const oldest = orders(30, 30, 12, 800_000).at(-1)!;
    expect(new Date(oldest.at).toISOString()).toBe('2023-03-06T23:30:00.000Z');
  });

  it('counts the days in the policy zone: read in UTC, every order would be a day older', () => {
    const facts = { recency: fact('daysSinceLast') };
    expect(evaluate(facts, AS_OF, orders(30, 30, 12, 800_000), 'UTC')).toEqual({ recency: 31 });
  });
});
