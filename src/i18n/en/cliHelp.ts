/**
 * The command line's own words: help headings, commander's errors, and what each command and
 * option is for. The CLI loads this area at start (src/cli/help.ts), before any command runs, so
 * it stays free of imports.
 */
export const cliHelp = {
  // headings and words of commander's help
  usage: 'Usage:',
  options: 'Options:',
  arguments: 'Arguments:',
  commands: 'Commands:',
  globalOptions: 'Global Options:',
  optionsTerm: '[options]',
  commandTerm: '[command]',
  choices: (p: { list: string }) => `choices: ${p.list}`,
  default: (p: { value: string }) => `default: ${p.value}`,
  preset: (p: { value: string }) => `preset: ${p.value}`,
  env: (p: { name: string }) => `env: ${p.name}`,
  listSeparator: ', ',
  // commander's errors, by code
  missingArgument: (p: { name: string }) => `error: missing required argument '${p.name}'`,
  optionMissingArgument: (p: { flags: string }) => `error: option '${p.flags}' argument missing`,
  missingMandatoryOptionValue: (p: { flags: string }) => `error: required option '${p.flags}' not specified`,
  conflictingOption: (p: { a: string; b: string }) =>
    `error: option '${p.a}' cannot be used with option '${p.b}'`,
  unknownOption: (p: { flag: string }) => `error: unknown option '${p.flag}'`,
  unknownCommand: (p: { name: string }) => `error: unknown command '${p.name}'`,
  excessArguments: (p: { command: string; expected: number; got: number }) =>
    `error: too many arguments${p.command ? ` for '${p.command}'` : ''}. Expected ${p.expected} ${
      p.expected === 1 ? 'argument' : 'arguments'
    } but got ${p.got}.`,
  invalidOptionValue: (p: { flags: string; value: string; reason: string }) =>
    `error: option '${p.flags}' argument '${p.value}' is invalid. ${p.reason}`,
  invalidArgumentValue: (p: { name: string; value: string; reason: string }) =>
    `error: command-argument value '${p.value}' is invalid for argument '${p.name}'. ${p.reason}`,
  allowedChoices: (p: { list: string }) => `Allowed choices are ${p.list}.`,
  didYouMean: (p: { list: string }) => `(Did you mean ${p.list}?)`,
  didYouMeanOneOf: (p: { list: string }) => `(Did you mean one of ${p.list}?)`,
  // what an option's value must be (its parser's complaint)
  wholeWorkers: 'expected a whole number from 1 to 256',
  wholeMonths: 'give a whole number of months, 1 or more',
  allowanceShare: 'a share is at most 100%',
  allowance: 'expected a number of customers (25), a share (5%) or all',
  byteCount:
    'expected a whole number of bytes from 1 to 9007199254740991, optionally with KiB, MiB or GiB (64KiB)',
  outFormatFollows:
    '(without --format, the format its extension names: .csv, .json, .ndjson, .parquet, .md, .html)',
  emptyValue: 'the value is empty (an unset variable?): give a value or leave the option out',
  // the program
  program: 'Policy-as-code for customer tiering (客户分级)',
  version: 'output the version number',
  help: 'display help for command',
  // options many commands share
  lang: 'language of every text: labels, reports, findings',
  policy: 'the policy (*.tier.yaml) or a policy artifact (*.tierpkg.tgz)',
  keyArtifact: 'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
  data: 'customer records: CSV, TSV, NDJSON, JSON or XLSX',
  transactions: 'transaction log for aggregate facts (sums, recency, trends)',
  dataOptional:
    'customer records: CSV, TSV, NDJSON, JSON or XLSX; optional with --transactions (then the customers are the log’s ids)',
  dataDuck:
    'customer records: CSV, TSV, NDJSON, JSON, XLSX, or Parquet and DuckDB database files (read on DuckDB); optional with --transactions (then the customers are the log’s ids)',
  workers: 'worker threads reading a large CSV (default: the machine’s cores; 1: none)',
  asOf: 'the date windows end on: 2024-03-01, a date-time with offset, or today',
  onError: 'what a bad row does',
  encoding: 'text encoding of data files',
  sheet: 'xlsx: the sheet to read (default: the first)',
  mapping: 'a column mapping (kind: ColumnMapping) naming this export’s columns for the policy’s facts',
  allowUntiered:
    'customers allowed to get no tier before the command fails: a count (25), a share (5%) or all',
  outReport: 'write the report here (atomically) instead of stdout',
  format: 'output format',
  evalFormat: 'output format (parquet: a typed Parquet file of the CSV columns, with --out)',
  reportFormat: 'report format',
  maxBytes: 'refuse policy files larger than this',
  policyPaths: 'policy files or directories (searched for *.tier.yaml)',
  engine: 'compiled (fast) or reference (json-rules-engine)',
  evalEngine:
    'compiled (fast), reference (json-rules-engine), duckdb (embedded DuckDB: the policy as SQL; reads Parquet and .duckdb files too; no --explain or --overrides) or auto (DuckDB for Parquet, database files and inputs of 64 MB or more, compiled otherwise)',
  populationEngine:
    'where the customers are evaluated: js (this process), duckdb (embedded DuckDB: the policy as SQL; reads Parquet and .duckdb files too) or auto (DuckDB for Parquet, database files and inputs of 64 MB or more)',
  kpi: 'facts to average per tier (default: average-order-value and repurchase-rate aggregates)',
  // build
  build:
    'pack checked policies, their bases and tests into a reproducible artifact (.tierpkg.tgz), optionally signed',
  buildOut: 'the artifact to write (default <id>-<version>.tierpkg.tgz for one policy)',
  buildSign: 'sign with this Ed25519 private key (PEM, from `tierwise keygen`)',
  buildTime:
    'build time, ISO 8601 with a zone or seconds since 1970 (default: SOURCE_DATE_EPOCH, else the git commit time)',
  // calibrate
  calibrate:
    'threshold search (which threshold puts 10% of customers or 40% of revenue in a tier), weight sensitivity, customers near each threshold',
  calibrateTarget:
    'e.g. vip=10% (of customers) or vip=40%:revenue; default: the top tier at 10% of customers and 40% of revenue',
  calibrateStep: 'move each weight by this many points, up and down',
  calibrateEpsilon: 'a score this close to a threshold counts as fragile',
  // check
  check: 'check policy files: YAML, schema and semantic lint (gaps, overlaps, weights, SLA order, labels)',
  checkDenyWarnings: 'exit 1 on warnings too',
  // data profile
  dataCommand: 'look at customer data before it decides tiers',
  profile:
    'profile customer data against a policy: completeness, invalid values, likely duplicates, stale customers, and the tiers, rules and bands the data never reaches',
  profilePolicy: 'the policy (*.tier.yaml) or a policy artifact: its columns, key, personal data and rules',
  profileTransactions: 'transaction log: aggregate facts, and the last purchase for stale customers',
  profileAsOf: 'the date activity is measured to: 2024-03-01, a date-time with offset, or today',
  profileStaleMonths: (p: { months: number }) =>
    `no activity for this many months makes a customer stale (seed 004: ${p.months})`,
  profileNameFact: 'the company-name fact compared for likely duplicates (default: recognised by name)',
  profilePhoneFact: 'the phone fact compared for likely duplicates (default: recognised by name)',
  profileActivityFact: 'a last-activity date (or months-without-activity) fact, used instead of the log',
  // diff
  diff: 'compare policies; --semver OLD NEW: classify each change major/minor/patch and fail when the version is not bumped enough',
  diffOld: 'the old policy: a file, or a git revision REF:path (e.g. origin/main:policies/x.tier.yaml)',
  diffNew: 'the new policy: a file (or REF:path)',
  diffSemver: 'check that metadata.version is bumped at least as much as the changes need',
  diffFrom: 'population mode: the current policy (file or artifact)',
  diffTo: 'population mode: the proposed policy (file or artifact)',
  diffData:
    'population mode: customer records: CSV, TSV, NDJSON, JSON, XLSX, or Parquet and DuckDB database files (read on DuckDB)',
  diffTransactions: 'population mode: transaction log for aggregate facts',
  diffAsOf: 'population mode: the date windows end on',
  diffSheet: 'xlsx: the sheet to read',
  diffMapping:
    'population mode: a column mapping (kind: ColumnMapping) naming this export’s columns for the policy’s facts',
  diffLimit: 'population mode: movers listed (all are counted)',
  diffKpi: 'population mode: facts to average per tier',
  diffOut: 'population mode: write the report here (atomically)',
  diffFormat: 'output format: text|json|sarif|github for --semver; table|json|csv|md|html for a population',
  // eval
  eval: 'evaluate customers against a policy: tier, score, classes, SLA and entitlements, with --explain the reasons',
  evalCustomer: 'only these customers (quotas still rank everyone)',
  evalWorkers: 'worker threads for --summary of a large CSV (default: the machine’s cores; 1: none)',
  evalExplain: 'every metric, the deciding rule and what it takes to move up',
  evalSummary: 'print only the tier distribution (customers and revenue per tier)',
  evalOut: 'write results here (atomically) instead of stdout',
  evalFacts: 'add every fact of each customer to csv, ndjson and json results (personal data masked)',
  // facts
  facts:
    'export every customer’s facts (column and aggregate facts) to csv, ndjson or json; personal data masked',
  factsFormat: 'output format',
  factsCustomer: 'only these customers',
  factsLabels: 'csv: name the columns by the facts’ labels in --lang instead of their ids',
  factsOut: 'write the facts here (atomically) instead of stdout',
  // fmt
  fmt: 'rewrite policy files in the canonical layout (key order, indentation, inline style, long text folded), keeping comments',
  fmtCheck: 'write nothing: list the files that would change and exit 1 if there are any',
  fmtStdout: 'print the formatted text instead of writing the files',
  // keygen
  keygen: 'make an Ed25519 key pair for signing artifacts: NAME.key.pem (keep secret) and NAME.pub.pem',
  keygenOut: 'file name prefix, e.g. keys/release',
  // registry
  db: 'the registry database: a SQLite file (default ./tierwise.db) or a postgres:// URL',
  dataDir: 'where the registry keeps uploaded datasets (default ./tierwise-data)',
  companyUnit: 'the business unit whose publications apply to units without their own (default headquarters)',
  token: 'manage the bearer tokens of the registry (working on the database directly, as its admin)',
  tokenCreate: 'create a token and print its secret (shown this once)',
  tokenName: 'who holds it: a person or a CI job (the audit names them)',
  tokenRole: 'what it may do',
  tokenUnits: 'business units it may write to, comma-separated, or * for all',
  tokenList: 'list the tokens (never their secrets)',
  tokenRevoke: 'revoke a token by id (tok-3)',
  registryCommand: 'the registry database itself',
  registryVerify:
    'check the audit chain, every version against its digest, and the database: exit 1 when history was changed',
  serve: 'serve the registry and the HTTP API (evaluate, simulate, review, publish) on this machine',
  servePort: 'the port to listen on (0: any free one)',
  serveHost: 'the address to listen on (loopback by default: serving other machines is a choice)',
  serveSeed: 'an empty registry gets the policies of this folder, their datasets and demo tokens',
  serveSeedData: 'a customer list the seed uploads for each business unit',
  serveSeedTransactions: 'a transaction log the seed uploads for each business unit',
  serveRetention: 'days the decision log keeps a decision',
  policyOrServer:
    'the policy (*.tier.yaml) or artifact; with --server, the name of one of the business unit’s published policies',
  server:
    'use what a tierwise server has published (URL, e.g. http://127.0.0.1:8080) instead of a policy file',
  businessUnit: 'with --server: the business unit whose published policy is used',
  serverToken: 'with --server: a bearer token (default: $TIERWISE_TOKEN)',
  serverAt: 'with --server: the policy in force at this time (ISO 8601 with an offset; default now)',
  // override
  override:
    'overrides of a customer’s computed tier on a tierwise server: an account manager proposes, a supervisor approves, it expires',
  overridePropose: 'propose a tier or score for one customer, with a reason, evidence and an expiry',
  overrideCustomer: 'the customer id (never a name or a phone)',
  overridePolicy: 'the policy name (default: what the business unit has in force)',
  overrideUnit: 'the business unit whose customer it is',
  overrideTier: 'set this tier id',
  overrideScore: 'set this score (the policy’s thresholds decide the tier)',
  overrideScoreDelta: 'move the computed score by this much, e.g. 5 or -5',
  overrideReason: 'why (the policy may require one)',
  overrideEvidence: 'a reference: text or a URL (repeat for more)',
  overrideExpires:
    'until when: ISO 8601 with an offset, or a duration from approval such as P3M (at most P1Y)',
  overrideApprove: 'approve a proposed override (not one’s own)',
  overrideReject: 'reject a proposed override',
  overrideWithdraw: 'withdraw one’s own proposed override',
  overrideRevoke: 'end an approved override before it expires',
  overrideComment: 'a comment the audit keeps',
  overrideRevision: 'the revision you read (its ETag); default: the current one, read now',
  overrideList: 'list overrides, newest first',
  overrideStatus: 'only those with this status now',
  overrideShow: 'show one override',
  overrideFormat: 'text or json (json is what `tierwise eval --overrides` reads)',
  overrideServer: 'the tierwise server (URL)',
  evalOverrides:
    'approved overrides (JSON from `tierwise override list --status approved --format json`, or CSV) applied to the results',
  // simulate
  simulate:
    'a policy over a whole population: per tier the customers, revenue, entitlement cost, service load and KPIs',
  // test
  test: 'run the policy tests (*.test.yaml beside each policy): expected tiers, scores, classes, SLA, entitlements',
  testPaths: 'test files, policies (their sibling test file) or directories',
  testRun: 'only the cases whose name matches',
  testCoverage: 'report the tiers, conditions, bands, cells and classes the cases reach',
  testThreshold: 'fail when coverage is below this percentage (exact: 99.9 is not 100)',
  testSnapshot: 'record every customer’s decision on this data set, or compare with the record',
  testSnapshotFile: 'where the snapshot lives (default: <policy>.snap.json beside the test file)',
  testTransactions: 'with --snapshot: the transaction log for aggregate facts',
  testAsOf: 'with --snapshot: the date windows end on (pin it, or the snapshot drifts daily)',
  testUpdateSnapshots: 'accept changed decisions and rewrite the snapshot',
  testVerbose: 'list every coverage item, reached or not',
  testPassWithNoTests: 'exit 0 when no test case is found (by default that fails)',
  // verify
  verify: "check an artifact: every file against the manifest's sha256, and with a key its signature",
  verifyArtifact: 'a .tierpkg.tgz built by `tierwise build`',
  verifyKey: (p: { env: string }) =>
    `Ed25519 public key (PEM); default $${p.env}. With a key, unsigned is refused`,
  verifyFormat: 'output format of findings',
  verifyMaxBytes: 'largest file accepted inside the artifact',
  serveTrustKey:
    'accept artifacts (`tierwise publish`) signed with this Ed25519 public key (PEM); repeatable. Without one, every artifact is refused',
  publish:
    'send a signed artifact to a tierwise server: each changed policy becomes a change request that another person approves and publishes',
  publishArtifact: 'the signed artifact (*.tierpkg.tgz, from `tierwise build --sign`)',
  publishServer: 'the tierwise server (URL, e.g. http://127.0.0.1:8080)',
  publishToken: (p: { env: string }) =>
    `bearer token of an analyst for the policies' business units; default $${p.env}`,
  // replay
  replay:
    're-rate month by month over a transaction history: per run the tiers, moves, grace, churn warnings and tier churn; per customer a timeline',
  replayPolicy:
    'the policy (*.tier.yaml) or artifact; repeat it to replay several over the same data and compare their churn',
  replayCompare: 'another policy replayed over the same data (the same as a second --policy)',
  replayFrom: 'the first run’s month, `YYYY-MM` (as of the end of its last day)',
  replayTo: 'the last run’s month, `YYYY-MM`',
  replayEvery: 'months between runs: P1M (monthly), P3M, P1Y',
  replayState:
    'the state the first run steps from (a `rerate --out` file); without it every customer is rated at the first run',
  replayOut:
    'write the state after the last run here (CSV, or NDJSON/JSON by extension), readable by --state',
  replayTimeline:
    'write every customer’s timeline here: one line a customer and run (CSV, or NDJSON by extension)',
  replayCustomer: 'print this customer’s timeline instead of the report',
  replayReport: 'write the report here (atomically) instead of stdout',
  // sql
  sql: 'the policy as one SQL query (DuckDB, PostgreSQL, Spark SQL, Trino) for the tables where the customers are; docs/sql.md',
  sqlPolicy: 'the policy file',
  sqlDialect: 'the SQL dialect written',
  sqlCustomers: 'the customer table, e.g. crm.customers (its columns are the policy’s: 客户编号, …)',
  sqlRowColumn:
    'a column of the transaction table numbering its rows in the order the log was written: sums add in that order, as tierwise adds a file (without it, in time order)',
  sqlSummation:
    'how aggregates add: exact (the order above, compensated, the same doubles as tierwise) or fast (the engine’s SUM, in any order; can differ in the last digits)',
  sqlTransactions:
    'the transaction table, for facts computed from transactions (its date column a DATE or TIMESTAMP in the policy’s time zone)',
  sqlOut: 'write the query to this file (atomic) instead of stdout',
  // plan
  plan: "each customer's upcoming contacts (the tier's cadence), tier review and grace end, per account manager; CSV, JSON and iCalendar",
  planPolicy: 'the policy file',
  planState: 'the tier state (CSV, NDJSON, JSON or XLSX), as `tierwise rerate` writes it',
  planFrom: "the plan's first day, YYYY-MM-DD (default: today in the policy's time zone)",
  planHorizon: 'how far ahead, an ISO 8601 duration such as P3M or P6W',
  planCalendar: "a calendar file whose working days contacts move to (default: the tier SLA's, cn-mainland)",
  planOut: 'write the plan to this file (atomic) instead of stdout',
  planIcsDir: 'also write one iCalendar file (.ics) per account manager into this directory',
  // sla
  sla: 'service-level targets of a tier on a business calendar',
  slaDue: "response and resolution due times of a ticket, on the tier's SLA and the business calendar",
  slaPolicy: 'the policy file',
  slaTier: 'the tier id, e.g. vip',
  slaOpened: 'when the ticket opened, ISO 8601 with the offset, e.g. 2025-09-30T17:00+08:00',
  slaPaused: 'FROM/TO: the clock stops while waiting for the customer (repeatable)',
  slaCalendar: 'a calendar file to count on (your own closures, the version a ticket started with)',
  // rerate
  rerate:
    "re-rate customers as of a date: who is due by the tier's cadence, who a trigger re-rates, and each new tier by the policy's rules",
  rerateState:
    'the tiers as they stand (CSV, NDJSON, JSON or XLSX: customer, tier, ratedAt, …); none: everyone is rated afresh',
  rerateOut: 'write the new state here (atomically; .csv, .ndjson or .json); it is the next run’s --state',
  rerateEvents: 'write the events here (atomically; .csv, .ndjson or .json)',
  rerateNotices: 'write the customer notices (zh-CN and en, NDJSON) here',
  rerateFormat: 'how the events are printed on stdout (when --events does not take them)',
};
