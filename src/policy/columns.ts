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
