import { expect } from 'vitest';
import { compileAggregates, type FactValues, isAggregatePlan } from '../../src/facts/aggregate.js';
import type { Transaction } from '../../src/facts/transaction.js';
import type { Fact } from '../../src/policy/schema/facts.js';

/** A purchase at an ISO date-time with offset, e.g. 2024-03-01T23:30:00+08:00. */
export function tx(at: string, fields: Record<string, unknown> = { amount: 100 }): Transaction {
  const instant = Date.parse(at);
  expect(Number.isNaN(instant), `bad test date ${at}`).toBe(false);
  return { at: instant, fields };
}

export function fact(aggregate: Fact['aggregate'], extra: Partial<Fact> = {}): Fact {
  return { type: 'number', aggregate, ...extra };
}

/** Compiles `facts`, feeds one customer's transactions and returns the facts, dates included. */
export function evaluateAll(
  facts: Record<string, Fact>,
  asOf: string,
  transactions: readonly Transaction[],
  timezone?: string,
): FactValues {
  const plan = compileAggregates(facts, { asOf, timezone });
  if (!isAggregatePlan(plan)) throw new Error(JSON.stringify(plan));
  const accumulator = plan.accumulator();
  for (const t of transactions) accumulator.add(t);
  return accumulator.result();
}

/** The same for numeric facts only (every aggregate but firstDate and lastDate). */
export function evaluate(
  facts: Record<string, Fact>,
  asOf: string,
  transactions: readonly Transaction[],
  timezone?: string,
): Record<string, number | undefined> {
  const values = evaluateAll(facts, asOf, transactions, timezone);
  for (const [id, v] of Object.entries(values)) expect(typeof v, id).not.toBe('string');
  return values as Record<string, number | undefined>;
}

/** One fact's value. */
export function value(
  aggregate: Fact['aggregate'],
  extra: Partial<Fact>,
  asOf: string,
  transactions: readonly Transaction[],
  timezone?: string,
): number | undefined {
  return evaluate({ f: fact(aggregate, extra) }, asOf, transactions, timezone).f;
}

/**
 * Seed 004's companies as orders: `count` orders of equal amounts summing to `total`, every `every`
 * days, the last `recency` days before 2024-03-01. Each at 07:30 in Shanghai, which is 23:30 UTC
 * the day before, so that reading the days in UTC instead of the policy zone would be a day off.
 */
export function seed004Orders(recency: number, every: number, count: number, total: number): Transaction[] {
  const asOfDay = Date.UTC(2024, 2, 1);
  return Array.from({ length: count }, (_, i) => ({
    at: asOfDay - (recency + i * every) * 86_400_000 - 30 * 60_000,
    fields: { amount: total / count },
  }));
}
