import type { Fact } from './schema/facts.js';
import type { Policy } from './schema/policy.js';

/**
 * The customer-file column of a fact: `sources.customers.columns`, else its `column`, else its id.
 * An own property only: a fact may be called `constructor`, which every object has.
 */
export function factColumn(policy: Policy, id: string, fact: Fact): string {
  const columns = policy.sources?.customers?.columns;
  return (columns && Object.hasOwn(columns, id) ? columns[id] : undefined) ?? fact.column ?? id;
}

/**
 * Whether a fact is read from a column of the customer file: not a derived fact (computed from
 * other facts), not an aggregate while a transaction log is given — unless the aggregate also names
 * the column holding its precomputed value and no log is given.
 */
export function readsCustomerColumn(fact: Fact, useTransactions: boolean): boolean {
  if (fact.expr !== undefined) return false;
  return fact.aggregate === undefined || (!useTransactions && fact.column !== undefined);
}
