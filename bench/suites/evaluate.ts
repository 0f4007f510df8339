import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { loadCustomers } from '../../src/facts/customers.js';
import { loadPolicy } from '../../src/policy/load.js';
import { type Measurement, measure, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const ROOT = new URL('../../', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, ROOT));

/** Bundled policies of each method, evaluated on the bundled data by the reference path. */
const POLICIES = [
  'seed004-scorecard',
  'seed004-quota',
  'seed001-five-levels',
  'seed003-value-activity',
  'seed004-rfm',
];

/**
 * The reference path (json-rules-engine for conditions) on the bundled customers: reading and
 * fact computation once, then evaluation alone, in customers per second.
 */
export async function evaluateSuite(options: BenchOptions): Promise<Measurement[]> {
  const customers = at('examples/data/customers.csv');
  const transactions = at('examples/data/transactions.csv');
  if (!existsSync(customers)) return [];
  const out: Measurement[] = [];
  const timing = runsFor(options, { runs: 3, warmup: 1 }, { runs: 1, warmup: 0 });
  for (const name of POLICIES) {
    const { policy } = await loadPolicy(at(`policies/${name}.tier.yaml`));
    if (!policy) continue;
    let count = 0;
    const load = () => loadCustomers(policy, { customers, transactions, asOf: '2026-11-01' });
    const read = await measure(
      'evaluate',
      `${name}: read + facts`,
      'customers',
      async () => {
        count = (await load()).customers.length;
      },
      { ...timing, note: 'CSV + transaction aggregates' },
    );
    out.push(perItem(read, count));
    const loaded = await load();
    const evaluator = new ReferenceEvaluator(policy);
    const evaluated = await measure(
      'evaluate',
      `${name}: reference evaluation`,
      'customers',
      () => evaluator.evaluate(loaded.customers),
      {
        ...timing,
        note: `${policy.tiers?.method}, json-rules-engine conditions`,
      },
    );
    out.push(perItem(evaluated, loaded.customers.length));
  }
  return out;
}
