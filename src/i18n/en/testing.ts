/**
 * `tierwise test` (src/testing): findings about test files, cases and snapshots, and the words of
 * its pretty, TAP and JUnit reports. Names of cases, files, fields and values arrive as they are.
 */
export const testing = {
  // Findings
  mismatch: (p: { name: string; field: string; expected: string; actual: string }) =>
    `${p.name}: ${p.field} expected ${p.expected}, got ${p.actual}`,
  none: '(none)',
  coverageBelow: (p: { percent: string; covered: number; total: number; threshold: string }) =>
    `coverage is ${p.percent}% (${p.covered} of ${p.total} items), below the threshold of ${p.threshold}%`,
  coverageBelowHelp: 'add cases for the items --coverage lists as not reached',
  noSuchPath: (p: { path: string }) => `cannot read ${p.path}: no such file or directory`,
  noTestFile: (p: { path: string }) => `${p.path} has no test file beside it`,
  noTestFileHelp: (p: { name: string }) => `write ${p.name} next to it (see docs/testing.md)`,
  policyNotLoaded: (p: { policy: string; file: string }) =>
    `the policy ${p.policy} cannot be loaded, so no case of ${p.file} ran`,
  policyNotLoadedHelp: 'name it with policy: ./x.tier.yaml (relative to the test file)',
  noCustomerGiven: 'the case gives no customer: write facts, a record, or customer: ID of the population',
  noSuchCustomer: (p: { id: string }) => `no customer ${p.id} in the file's population`,
  factsOrRecord: 'give facts or record, not both',
  noFact: (p: { id: string }) => `the policy has no fact '${p.id}'`,
  derivedNeedAsOf:
    'the policy measures from the as-of (daysSince, { ago: … }): the test needs an asOf, or it would change with the calendar',
  transactionsNeedAsOf: 'transactions need an asOf: the date their windows end on',
  transactionsNeedAsOfHelp: 'add asOf: 2024-03-01 to the case, or once at the top of the file',
  noTransactionSource: 'the policy has no sources.transactions, so transactions cannot be read',
  cannotWrite: (p: { file: string; detail: string }) => `cannot write ${p.file}: ${p.detail}`,
  cannotRead: (p: { file: string; detail: string }) => `cannot read ${p.file}: ${p.detail}`,
  snapshotDiffers: (p: { n: number; file: string }) =>
    `${p.n} customer decisions differ from the snapshot ${p.file}`,
  snapshotDiffersHelp: 'if the change is intended, run again with --update-snapshots',
  notSnapshot: (p: { file: string; detail: string }) => `${p.file} is not a readable snapshot: ${p.detail}`,
  notTierwiseSnapshot: (p: { file: string }) =>
    `${p.file} is not a readable snapshot: not a tierwise snapshot`,
  notSnapshotHelp: 'delete it, or run with --update-snapshots to write it again',

  // The test file's schema
  schemaHelp: 'see docs/testing.md for the test file format',
  unknownProperty: (p: { key: string }) => `unknown property '${p.key}'`,
  missingProperty: (p: { name: string }) => `missing required property '${p.name}'`,
  approxType: (p: { at: string }) => `${p.at} must be a number, or { value, tolerance }`,
  wrongType: (p: { at: string }) => `${p.at} has the wrong type`,
  /** ajv's own message, in English only; other languages name the keyword. */
  invalid: (p: { at?: string; keyword: string; detail: string }) => `${p.at || 'the file'} ${p.detail}`,

  // Reports
  markPass: 'ok',
  markFail: 'FAIL',
  markError: 'ERROR',
  at: (p: { where: string }) => `at ${p.where}`,
  columnLine: 'line',
  columnExpected: 'expected',
  columnActual: 'actual',
  decided: 'what the policy decided:',
  coverageHeading: 'coverage:',
  // Coverage items: ids as the policy writes them, `operator` already in words (explain.operator)
  itemTier: (p: { tier: string }) => `tier ${p.tier}`,
  itemCondition: (p: { tier: string; comparison: string; outcome: boolean }) =>
    `${p.tier}: ${p.comparison} is ${p.outcome ? 'true' : 'false'}`,
  itemBand: (p: { metric: string; band: number; points: number }) =>
    `${p.metric} band ${p.band} (${p.points} points)`,
  itemCell: (p: { row: string; column: string }) => `cell ${p.row} × ${p.column}`,
  itemClass: (p: { classifier: string; class: string }) => `class ${p.classifier}: ${p.class}`,
  coveragePolicy: (p: { policy: string; percent: string; covered: number; total: number }) =>
    `${p.policy}: ${p.percent}% (${p.covered} of ${p.total})`,
  reached: '✓',
  notReached: '✗ not reached:',
  coverageTotal: (p: { percent: string; covered: number; total: number; threshold?: string; met: boolean }) =>
    `total: ${p.percent}% (${p.covered} of ${p.total})${
      p.threshold === undefined ? '' : `, threshold ${p.threshold}%: ${p.met ? 'met' : 'NOT met'}`
    }`,
  snapshotLine: (p: { file: string; status: string; changed: number }) =>
    `snapshot ${p.file}: ${p.status}${p.changed > 0 ? ` (${p.changed} customers changed)` : ''}`,
  snapshotPoint: (p: { file: string; status: string }) => `snapshot ${p.file} ${p.status}`,
  snapshotStatus: (p: { status: 'written' | 'unchanged' | 'changed' | 'updated' | 'error' }): string =>
    p.status,
  more: (p: { n: number }) => `… and ${p.n} more`,
  absent: '(absent)',
  noTier: '(no tier)',
  closing: (p: { passed: number; failed: number; errors: number; total: number; files: number }) =>
    `${p.passed} passed, ${p.failed} failed, ${p.errors} errors (${p.total} cases in ${p.files} files)`,
  couldNotRun: (p: { file: string }) => `${p.file} could not run`,
  couldNotRunCase: (p: { file: string }) => `${p.file} (could not run)`,
  coveragePoint: (p: { percent: string; threshold: string }) => `coverage ${p.percent}% ≥ ${p.threshold}%`,
  itemsReached: (p: { covered: number; total: number }) => `${p.covered} of ${p.total} items reached`,
  coverageComment: (p: { percent: string; threshold: string }) =>
    `coverage ${p.percent}% is below ${p.threshold}%`,
  migrationCorner: 'from \\ to',
  migrationSummary: (p: { up: number; down: number; unchanged: number; total: number }) =>
    `${p.up} up, ${p.down} down, ${p.unchanged} unchanged of ${p.total}`,
};
