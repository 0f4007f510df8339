import type { PolicyQuery, ResolvedPolicy } from '../../registry/outcome.js';
import { DEFAULT_COMPANY_UNIT } from '../../registry/records.js';
import { instantOf } from '../../registry/times.js';
import type { ServerDeps } from '../deps.js';
import type { OverrideLookup } from './one.js';

/**
 * Where evaluate finds a customer's override: the registry's, for the policy evaluated and the
 * business unit asked for (a version asked by id: the unit that owns the policy), in force at the
 * request's `at` (now when not given), the same instant the policy in force was chosen at.
 */
export function overrideLookup(
  deps: ServerDeps,
  query: PolicyQuery,
  resolved: ResolvedPolicy,
  now: Date,
): OverrideLookup | undefined {
  const find = deps.activeOverride;
  if (!find) return undefined;
  const businessUnit =
    'businessUnit' in query
      ? query.businessUnit
      : (resolved.policy.metadata.businessUnit ?? DEFAULT_COMPANY_UNIT);
  const at = ('at' in query && query.at !== undefined ? instantOf(query.at) : undefined) ?? now.getTime();
  return (customer) => find({ policy: resolved.version.policy, businessUnit, customer }, at);
}
