import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { applyColumnMapping, type LoadedMapping } from '../policy/mapping/index.js';
import type { Policy } from '../policy/schema/policy.js';

/** The policy as the mapping names its columns, or the mapping's errors. */
export function mappedPolicy(
  policy: Policy,
  mapping: LoadedMapping | undefined,
): { policy: Policy; diagnostics: Diagnostic[] } | { failed: Diagnostic[] } {
  if (!mapping) return { policy, diagnostics: [] };
  if (!mapping.mapping || hasErrors(mapping.diagnostics)) return { failed: mapping.diagnostics };
  const applied = applyColumnMapping([policy], mapping.mapping, mapping.locator);
  if (!applied.policies) return { failed: applied.diagnostics };
  return { policy: applied.policies[0]!, diagnostics: applied.diagnostics };
}
