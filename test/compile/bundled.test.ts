import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { loadPolicy } from '../../src/policy/load.js';
import { bundledPolicies, sized } from '../helpers/runs.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));

describe('every bundled policy × the bundled data', () => {
  it.each(bundledPolicies(POLICIES))(
    '%s: the compiled path gives the reference results, explanations included',
    async (file) => {
      const { policy } = await loadPolicy(at(`policies/${file}`));
      expect(policy).toBeDefined();
      const { customers, failed } = await loadCustomers(policy!, {
        customers: at('examples/data/customers.csv'),
        transactions: at('examples/data/transactions.csv'),
        asOf: '2026-11-01',
      });
      expect(failed).toBe(false);
      // The reference engine is slow on purpose; a third of the customers (every third row, so each
      // segment and tier is still there) by default, all of them under TIERWISE_LONG_TESTS=1.
      const some = sized(
        customers.filter((_, i) => i % 3 === 0),
        customers,
      );
      const reference = await new ReferenceEvaluator(policy!).evaluate(some);
      const compiled = compilePolicy(policy!).evaluate(some, { explain: true });
      expect(compiled).toEqual(reference);
    },
  );
});
