import type { Policy } from '../../src/policy/schema/policy.js';

/**
 * The policy reading every transaction aggregate (spend12m, avgOrderValue, …) from a column of
 * the customer file that holds it precomputed, headed by the fact's Chinese label, as a CRM
 * export would: loadCustomers reads such a column when no transaction log is given.
 */
export function withPrecomputedColumns(policy: Policy): Policy {
  const facts = Object.fromEntries(
    Object.entries(policy.facts ?? {}).map(([id, fact]) =>
      fact.aggregate === undefined || fact.column !== undefined
        ? [id, fact]
        : [id, { ...fact, column: fact.label?.['zh-CN'] ?? id }],
    ),
  );
  return { ...policy, facts };
}
