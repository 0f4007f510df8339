import { fileURLToPath } from 'node:url';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';

/** A bundled policy by name (policies/NAME.tier.yaml); a policy with errors stops the bench. */
export async function bundledPolicy(name: string): Promise<Policy> {
  const path = fileURLToPath(new URL(`../../policies/${name}.tier.yaml`, import.meta.url));
  const { policy, diagnostics } = await loadPolicy(path);
  if (!policy) throw new Error(`${path} has errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  return policy;
}
