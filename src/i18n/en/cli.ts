import { formatCount } from '../../format/number.js';

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the commands themselves print beside their reports: summary lines, usage errors, progress. */
export const cli = {
  // eval and data profile: the line on stderr that says what was read
  evaluated: (p: { customers: number; rows: number; skipped: string }) =>
    `evaluated ${counted(p.customers, 'customer', 'customers')} from ${counted(p.rows, 'row', 'rows')}${p.skipped}`,
  profiled: (p: { customers: number; rows: number }) =>
    `profiled ${counted(p.customers, 'customer', 'customers')} from ${counted(p.rows, 'row', 'rows')}`,
  transactionsRead: (p: { transactions: number; skipped: string }) =>
    `${counted(p.transactions, 'transaction', 'transactions')}${p.skipped}`,
  skipped: (p: { rows: number; codes: string }) => ` (${counted(p.rows, 'row', 'rows')} skipped: ${p.codes})`,
  asOf: (p: { date: string; zone: string }) => `as of ${p.date} (${p.zone})`,
  separator: '; ',
  streamed: ' (streamed)',
  engineUsed: (p: { engine: string }) => `evaluated on ${p.engine}`,
  parquetNeedsOut:
    'tierwise: --format parquet writes each customer’s results to a file: give it with --out results.parquet (the distribution of --summary is a table, json or csv)',
  duckdbNoExplain:
    'tierwise: eval --engine duckdb gives each customer’s tier, score, classes, flags, SLA and entitlements but not why (--explain) or an override’s tier (--overrides): the policy’s SQL decides the tier without the trace; use --engine compiled for those',
  noCustomer: (p: { ids: string; file: string }) => `tierwise: no customer ${p.ids} in ${p.file}`,
  cannotWrite: (p: { file: string; reason: string }) =>
    `tierwise: cannot write ${p.file}: ${p.reason}; nothing was written`,
  noPolicyFiles: (p: { paths: string }) => `tierwise: no policy files (*.tier.yaml) found under ${p.paths}`,
  // progress bars on a terminal
  // the bar's layout: cli-progress fills in its placeholders, given here as parameters
  progressReading: (p: { bar: string; percentage: string; value: string; total: string; eta: string }) =>
    `reading ${p.bar} ${p.percentage}% | ${p.value}/~${p.total} customers | ${p.eta}`,
  phaseRead: 'reading customers',
  phaseTransactions: 'reading transactions',
  phaseEvaluate: 'evaluating',
  progressRows: (p: { n: number }) => counted(p.n, 'row', 'rows'),
  progressCustomers: (p: { n: number }) => counted(p.n, 'customer', 'customers'),
  // diff
  diffChoose: (p: { command: string }) =>
    `${p.command}: choose what to compare: --semver OLD NEW (two versions of a policy), or --from A --to B --data D (what they do to a population)`,
  diffSemverFormat: (p: { got: string }) =>
    `tierwise diff --semver: --format is one of text, json, sarif, github (got ${p.got})`,
  diffSemverNeeds: (p: { command: string }) =>
    `${p.command}: needs OLD and NEW, e.g. diff --semver origin/main:policies/x.tier.yaml policies/x.tier.yaml`,
  diffPopulationNeeds: (p: { formats: string }) =>
    `tierwise diff: the population mode needs --from A --to B --data D (or --transactions T, or both), --format one of ${p.formats} and --limit a whole number`,
  // calibrate
  calibrateTarget: (p: { target: string }) =>
    `tierwise calibrate: --target ${p.target}: expected TIER=SHARE% or TIER=SHARE%:revenue, e.g. vip=10% or vip=40%:revenue`,
  calibrateStep: (p: { command: string }) =>
    `${p.command}: --step must be a number of points in (0, 100] and --epsilon a positive number of points`,
  // test
  testRun: (p: { pattern: string; reason: string }) =>
    `tierwise: --run '${p.pattern}' is not a valid regular expression: ${p.reason}`,
  testThreshold: (p: { got: string }) =>
    `tierwise: --threshold must be a percentage from 0 to 100, such as 90 or 99.5; got '${p.got}'`,
  // build
  buildNameIt: (p: { policies: number }) =>
    `tierwise: the artifact holds ${formatCount(p.policies)} policies; name it with --out FILE`,
  // the exact size: a reproducible build is compared byte for byte
  built: (p: { file: string; bytes: number }) => `built ${p.file} (${counted(p.bytes, 'byte', 'bytes')})`,
  builtExtends: (p: { id: string; version: string }) => `, extends ${p.id} ${p.version}`,
  builtTests: (p: { n: number }) => `, ${counted(p.n, 'test file', 'test files')}`,
  builtFiles: (p: { n: number; time: string; source: string; git: string }) =>
    `${counted(p.n, 'file', 'files')}; build time ${p.time} (${p.source})${p.git}`,
  builtGit: (p: { commit: string; dirty: boolean }) =>
    `; git ${p.commit}${p.dirty ? ' (uncommitted changes)' : ''}`,
  timeFlag: 'from --time',
  timeGit: 'the commit time of HEAD',
  timeNone: 'none given: fixed epoch',
  timeEnv: (p: { source: string }) => `from ${p.source}`,
  signedWith: (p: { key: string }) => `signed with key ${p.key}`,
  unsigned: 'unsigned (sign with --sign KEY)',
  // verify
  refused: (p: { file: string; problems: number }) =>
    `REFUSED ${p.file}: ${counted(p.problems, 'problem', 'problems')}`,
  verified: (p: { file: string; files: number; signature: string }) =>
    `verified ${p.file}: ${counted(p.files, 'file matches', 'files match')} the manifest; ${p.signature}`,
  signatureVerified: (p: { key: string }) => `signature verified (key ${p.key})`,
  signatureNotChecked: (p: { env: string; signed: boolean }) =>
    `NOT signature-checked (no --key or $${p.env}; ${p.signed ? 'it carries a signature' : 'it is unsigned'})`,
  verifiedExtends: (p: { bases: string }) => `  extends ${p.bases}`,
  verifiedBuilt: (p: { time: string; version: string; git: string }) =>
    `built ${p.time} by tierwise ${p.version}${p.git}`,
  verifiedGit: (p: { commit: string; dirty: boolean }) =>
    `, git ${p.commit}${p.dirty ? ' (uncommitted changes)' : ''}`,
  // token, registry
  tokenCreated: (p: { id: string; name: string; role: string; units: string }) =>
    `created ${p.id} for ${p.name}: ${p.role} of ${p.units}`,
  tokenSecret:
    'its secret is printed on standard output, this once: send it as Authorization: Bearer <secret>',
  tokenRevoked: (p: { id: string }) => `revoked ${p.id}`,
  tokenRow: (p: {
    id: string;
    name: string;
    role: string;
    units: string;
    created: string;
    revoked: string;
  }) =>
    `${p.id}  ${p.name}  ${p.role}  ${p.units}  created ${p.created}${p.revoked ? `  revoked ${p.revoked}` : ''}`,
  noTokens: 'no tokens',
  registrySound: (p: { entries: number; versions: number }) =>
    `the registry is sound: ${p.entries} audit entries chained, ${p.versions} versions match their digests`,
  registryBroken: (p: { n: number }) => `the registry's history was changed: ${p.n} finding(s)`,
  serving: (p: { url: string; db: string }) => `tierwise serves ${p.url} (registry ${p.db}); Ctrl-C stops it`,
  servingEditor: (p: { url: string }) =>
    `Editor: ${p.url}/ (sign in with a token from tierwise token create, or a demo token printed above)`,
  servingDocs: (p: { url: string }) => `API: ${p.url}/docs and ${p.url}/openapi.json`,
  seededPolicies: (p: { n: number; datasets: number }) =>
    `seeded the empty registry: ${p.n} policies published, ${p.datasets} datasets`,
  seededToken: (p: { name: string; role: string; units: string; secret: string }) =>
    `  ${p.name} (${p.role}, ${p.units}): ${p.secret}`,
  seededTokensHead: 'tokens to try it with (shown this once; send as Authorization: Bearer …):',
  notSeeded: (p: { db: string }) =>
    `the registry ${p.db} holds policies already, so nothing was seeded; a token: tierwise token create --db ${p.db} --name you --role admin`,
  needPolicy: 'give --policy FILE, or --server URL with --business-unit',
  needBusinessUnit:
    '--server needs --business-unit (or --policy naming a version id such as retail-scorecard@3)',
  remoteUsing: (p: { version: string; digest: string; server: string }) =>
    `using ${p.version} (${p.digest}) from ${p.server}`,
  stopping: 'stopping: finishing the requests in flight',
  // keygen
  keyPrivate: (p: { file: string }) =>
    `wrote ${p.file} (private: sign with \`tierwise build --sign ${p.file}\`, keep it secret)`,
  keyPublic: (p: { file: string }) =>
    `wrote ${p.file} (public: verify with \`tierwise verify ARTIFACT --key ${p.file}\`)`,
  keyFingerprint: (p: { fingerprint: string }) => `key ${p.fingerprint}`,
  // fmt
  fmtCannotWrite: (p: { file: string; reason: string }) =>
    `cannot write ${p.file}: ${p.reason}; the file is unchanged`,
  fmtNoFiles: (p: { paths: string }) => `no policy files (*.tier.yaml) under ${p.paths}`,
  fmtUnformatted: (p: { n: number }) =>
    `${p.n === 1 ? '1 file is' : `${formatCount(p.n)} files are`} not formatted; run \`tierwise fmt\` to rewrite`,
  internalError: (p: { stack: string }) => `tierwise: internal error: ${p.stack}`,
  stalled:
    'tierwise: internal error: the command stopped waiting on input that will never come, before it finished; nothing it would have written is complete. Please report this with the input that caused it.',
  servingTrust: (p: { keys: string[] }) => `artifacts are accepted when signed with ${p.keys.join(', ')}`,
  servingNoTrust: 'no --trust-key: every artifact sent to POST /v1/artifacts is refused',
  publishCreated: (p: { id: string; policy: string; state: string }) =>
    `change request ${p.id} for ${p.policy}: ${p.state}`,
  publishUnchanged: (p: { policy: string; version: string }) =>
    `${p.policy} ${p.version}: unchanged, already the latest version`,
  publishPending: (p: { policy: string; id: string }) =>
    `${p.policy}: change request ${p.id} already proposes this content`,
  publishSummary: (p: { digest: string; signedBy: string; n: number }) =>
    `artifact ${p.digest}, signed by ${p.signedBy}: ${p.n} change request(s) wait for another person to approve and publish them`,
};
