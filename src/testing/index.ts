/** Policy tests: `*.test.yaml` beside each policy, run like code (docs/testing.md). */
export { meetsThreshold, type PolicyCoverage, parsePercent, percentText } from './coverage.js';
export { discoverTestFiles, policyOf, TEST_FILE } from './discover.js';
export { type TestOutcome, testOutcome } from './outcome.js';
export { parseTestText, readTestFile } from './parse.js';
export { renderTestRun, TEST_FORMATS, type TestFormat } from './report/index.js';
export { type CaseResult, runPolicyTests, type TestOptions, type TestRun } from './runner.js';
export type { TestFile } from './schema.js';
