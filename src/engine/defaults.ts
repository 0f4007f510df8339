import type { Policy } from '../policy/schema/policy.js';

type Facts = Readonly<Record<string, unknown>>;

/**
 * A fact's `default` stands in for a missing value however the facts arrived (file, HTTP, test).
 * Built once per policy; a customer's facts are copied only when a default applies.
 */
export function defaultsApplier(policy: Policy): (facts: Facts) => Facts {
  const defaults = Object.entries(policy.facts ?? {}).filter(([, f]) => f.default !== undefined);
  if (defaults.length === 0) return (facts) => facts;
  return (facts) => {
    let out: Record<string, unknown> | undefined;
    for (const [id, fact] of defaults) {
      if (facts[id] !== undefined && facts[id] !== null) continue;
      out ??= { ...facts };
      out[id] = fact.default;
    }
    return out ?? facts;
  };
}
