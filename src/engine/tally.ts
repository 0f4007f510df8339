import { ExactSum } from '../format/sum.js';

/** The known values of a number: their exact sum and how many there were. */
export interface ValueSum {
  sum: ExactSum;
  count: number;
}

/**
 * What a run that only counts needs of one tier's customers, gathered where the customers are
 * (DuckDB's query, src/simulate/duckdb-tally.ts) instead of customer by customer: how many, the
 * exact sums of their scores and of some facts, and how many are in each class and carry each flag.
 * Exact sums make the figures independent of the order the customers were added in.
 */
export interface TierTally {
  customers: number;
  score: ValueSum;
  /** By fact id: the facts the run was asked to sum (a revenue fact, KPIs). */
  facts: Record<string, ValueSum>;
  /** Customers per `${classifier}\u0000${class}`. */
  classes: Map<string, number>;
  /** Customers per flag. */
  flags: Map<string, number>;
}

export function emptyTally(facts: readonly string[]): TierTally {
  const sums: Record<string, ValueSum> = Object.create(null);
  for (const id of facts) sums[id] = { sum: new ExactSum(), count: 0 };
  return {
    customers: 0,
    score: { sum: new ExactSum(), count: 0 },
    facts: sums,
    classes: new Map(),
    flags: new Map(),
  };
}
