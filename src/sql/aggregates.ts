import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AsOf } from '../facts/asof.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Dialect } from './dialect.js';

/**
 * The policy's transaction aggregates as SQL over a staged transactions relation (columns
 * `customer` text, `at_ms` epoch ms of the instant, `local_ms` wall-clock ms in the policy's zone,
 * one column per `sources.transactions.fields` entry, and `tw_row` when the rows have an order).
 */
export interface AggregateSql {
  /** CTEs the select reads, placed before it in the query's WITH; every name starts `tw_agg_`. */
  ctes: [name: string, body: string][];
  /** One row per customer with transactions: `customer` and one column per aggregate fact id. */
  select: string;
  /** Per aggregate fact: its value (SQL) for a customer with no transactions at all. */
  facts: { id: string; absent: string }[];
}

// The aggregate compiler replaces this; until then a policy with aggregates is refused as untranslatable.
export function aggregateSql(
  _policy: Policy,
  _asOf: AsOf,
  _dialect: Dialect,
  _relation: string,
): AggregateSql | Diagnostic[] {
  return [];
}
