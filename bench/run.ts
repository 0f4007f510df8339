/**
 * `npm run bench [-- --json] [-- --suite NAME] [-- --customers N] [-- --rows N] [-- --quick]`:
 * measured figures, never asserted in tests. Each suite names what it compares; the table
 * prints medians after warm-up.
 */

import { type Measurement, machine, table } from './harness.js';
import { type BenchOptions, parseOptions } from './options.js';
import { checkSuite } from './suites/check.js';
import { endToEndSuite } from './suites/end-to-end.js';
import { evaluateSuite } from './suites/evaluate.js';
import { factsSuite } from './suites/facts.js';
import { factsExportSuite } from './suites/facts-export.js';
import { peersSuite } from './suites/peers.js';
import { replaySuite } from './suites/replay.js';
import { serverSuite } from './suites/server.js';
import { sqlSuite } from './suites/sql.js';
import { sqlAggregatesSuite } from './suites/sql-aggregates.js';
import { startupSuite } from './suites/startup.js';
import { uiSuite } from './suites/ui.js';
import { whatifSuite } from './suites/whatif.js';

const SUITES: Record<string, (options: BenchOptions) => Promise<Measurement[]>> = {
  check: checkSuite,
  facts: factsSuite,
  'facts-export': factsExportSuite,
  evaluate: evaluateSuite,
  peers: peersSuite,
  'end-to-end': endToEndSuite,
  startup: startupSuite,
  server: serverSuite,
  ui: uiSuite,
  whatif: whatifSuite,
  replay: replaySuite,
  sql: sqlSuite,
  'sql-aggregates': sqlAggregatesSuite,
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;
const options = parseOptions(args);
if (typeof options === 'string') {
  console.error(options);
  process.exit(2);
}
const selected = Object.entries(SUITES).filter(([name]) => only === undefined || name === only);
if (selected.length === 0) {
  console.error(`unknown suite '${only}'; suites: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const results: Measurement[] = [];
for (const [name, run] of selected) {
  // progress on stderr: a full run takes minutes, and --json keeps stdout for the results
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...(await run(options)));
}
if (json) console.log(JSON.stringify({ machine: machine(), options, results }, null, 2));
else console.log(`tierwise bench — ${machine()}\n\n${table(results)}`);
