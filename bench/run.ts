/**
 * `npm run bench [-- --json] [-- --suite NAME]`: measured figures, never asserted in tests.
 * Each suite names what it compares; the table prints medians after warm-up.
 */

import { type Measurement, machine, table } from './harness.js';
import { checkSuite } from './suites/check.js';
import { evaluateSuite } from './suites/evaluate.js';
import { factsSuite } from './suites/facts.js';

const SUITES: Record<string, () => Promise<Measurement[]>> = {
  check: checkSuite,
  facts: factsSuite,
  evaluate: evaluateSuite,
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;
const selected = Object.entries(SUITES).filter(([name]) => only === undefined || name === only);
if (selected.length === 0) {
  console.error(`unknown suite '${only}'; suites: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const results: Measurement[] = [];
for (const [, run] of selected) results.push(...(await run()));
if (json) console.log(JSON.stringify({ machine: machine(), results }, null, 2));
else console.log(`tierwise bench — ${machine()}\n\n${table(results)}`);
