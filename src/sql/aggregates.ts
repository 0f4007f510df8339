import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AsOf } from '../facts/asof.js';
import type { Policy } from '../policy/schema/policy.js';
import type { Dialect } from './dialect.js';

export interface AggregateSql {
  select: string;
  facts: { id: string; absent: string }[];
}

// Replaced by the aggregate compiler (branch sql-aggregates); until it lands, nothing aggregates.
export function aggregateSql(
  _policy: Policy,
  _asOf: AsOf,
  _dialect: Dialect,
  _relation: string,
): AggregateSql | Diagnostic[] {
  return [];
}
