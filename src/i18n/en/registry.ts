/**
 * The registry (src/registry): why a write was refused, what `tierwise registry verify` found.
 * Policy names, ids, versions and business units arrive as they are.
 */
export const registry = {
  hasErrors: (p: { count: number }) =>
    `the policy has ${p.count} error(s): a version with errors cannot be submitted, approved or published`,
  hasErrorsHelp: 'fix what the diagnostics list (POST /v1/validate or `tierwise check` shows the same)',
  roleTooLow: (p: { role: string; needed: string; action: string }) =>
    `a ${p.role} token cannot ${p.action}: it needs the ${p.needed} role`,
  roleTooLowHelp: 'ask an admin for a token with that role (`tierwise token create`)',
  outsideUnits: (p: { unit: string; action: string }) =>
    `this token may not ${p.action} for the business unit ${p.unit}`,
  outsideUnitsHelp: 'the token lists the business units it may write to; the company base needs all (*)',
  ownChange: (p: { author: string }) =>
    `${p.author} wrote this change request and cannot approve it: a second person must (four-eyes)`,
  notFound: (p: { what: string; id: string }) => `no ${p.what} ${p.id}`,
  wrongState: (p: { id: string; state: string; action: string }) =>
    `change request ${p.id} is ${p.state}: you cannot ${p.action} it now`,
  stale: (p: { what: string; expected: string; actual: string }) =>
    `${p.what} has changed since you read it (If-Match ${p.expected}, now ${p.actual})`,
  staleHelp: 'read it again, check what changed, and retry with the new ETag',
  preconditionRequired: (p: { what: string }) => `writing ${p.what} needs If-Match with its ETag`,
  preconditionRequiredHelp: 'read it first (GET) and send its ETag header back as If-Match',
  baseMoved: (p: { policy: string; base: string; latest: string; author: string; at: string }) =>
    `${p.policy} moved since this change request was drafted: it started from ${p.base}, but ${p.latest} (by ${p.author}, ${p.at}) is now the latest`,
  baseMovedHelp:
    'rebase the change request onto the latest version (update it with baseVersion), review what changed, and have it approved again',
  notApproved: (p: { id: string }) =>
    `change request ${p.id} has no approval of its current content: an edit after approval clears it`,
  nameMismatch: (p: { field: string; expected: string; actual: string }) =>
    `metadata.${p.field} is ${p.actual}, but this change request is for ${p.expected}`,
  nameMismatchHelp: 'a change request changes one policy; start another for another policy',
  versionNotIncreased: (p: { version: string; latest: string }) =>
    `metadata.version ${p.version} is not above the latest version's ${p.latest}`,
  versionNotIncreasedHelp:
    'raise it as `tierwise diff --semver` suggests (major for what changes tiers, minor for additions, patch for the rest)',
  badEffectiveFrom: (p: { value: string }) =>
    `effectiveFrom ${p.value} is not an ISO 8601 date-time with an offset`,
  effectiveInPast: (p: { value: string; now: string }) =>
    `effectiveFrom ${p.value} is in the past (now ${p.now}): what was in force then cannot be rewritten`,
  effectiveBeforeScheduled: (p: { value: string; scheduled: string; id: string }) =>
    `effectiveFrom ${p.value} is before ${p.id}, already scheduled from ${p.scheduled}`,
  noneInForce: (p: { unit: string; at: string }) => `no policy is in force for ${p.unit} at ${p.at}`,
  noneInForceHelp: 'publish one, or ask for a version explicitly',
  severalInForce: (p: { unit: string; names: readonly string[] }) =>
    `several policies are in force for ${p.unit} (${p.names.join(', ')}): name one`,
  badDatasetName: (p: { name: string }) =>
    `${p.name} is not a dataset name: at most 200 characters, no slashes, no control characters, not . or ..`,
  datasetTooLarge: (p: { bytes: number; limit: number }) =>
    `the upload has ${p.bytes} bytes, more than the limit of ${p.limit}`,
  badTokenName: 'a token needs the name of who holds it (a person or a CI job)',
  badUnits: 'business units are names, or * for all',
  baseMissing: (p: { name: string }) => `the base ${p.name} is not a policy of this registry`,
  baseMissingHelp:
    'publish the company base first; extends names it by file name (./seed004-scorecard.tier.yaml)',
  policyElsewhere: (p: { policy: string; unit: string }) =>
    `${p.policy} belongs to ${p.unit}: a policy never moves between business units`,
  fileNameTaken: (p: { fileName: string; policy: string }) =>
    `${p.fileName} is already the file of ${p.policy}`,
  // tierwise registry verify
  chainBroken: (p: { seq: number }) =>
    `audit entry ${p.seq} does not follow the chain: history was changed at or before it`,
  chainGap: (p: { expected: number; actual: number }) =>
    `audit entry ${p.expected} is missing (found ${p.actual})`,
  digestMismatch: (p: { id: string }) =>
    `version ${p.id}'s content does not match its digest: it was changed`,
  unaudited: (p: { id: string }) => `${p.id} has no audit entry that created it`,
  storeProblem: (p: { problem: string }) => `the database reports: ${p.problem}`,
  notAuthor: (p: { id: string; author: string }) =>
    `only ${p.author}, who wrote change request ${p.id}, edits it: comment or reject it instead`,
  reasonRequired: 'say why (reason): the audit keeps it',
  serverUnreachable: (p: { server: string; reason: string }) =>
    `cannot reach the tierwise server ${p.server}: ${p.reason}`,
  serverAnswer: (p: { server: string; status: number }) =>
    `the tierwise server ${p.server} answered ${p.status} without diagnostics`,
  whatPolicy: 'policy',
  whatVersion: 'version',
  whatChangeRequest: 'change request',
  whatDataset: 'dataset',
  whatToken: 'token',
  whatDecision: 'decision',
  whatPublication: 'publication',
  whatOverride: 'override',
  actPropose: 'propose overrides',
  actRevoke: 'revoke overrides',
  actRead: 'read',
  actDraft: 'draft or edit change requests',
  actSubmit: 'submit it for review',
  actApprove: 'approve',
  actReject: 'reject',
  actWithdraw: 'withdraw',
  actPublish: 'publish',
  actRollback: 'roll back',
  actTokens: 'manage tokens',
  actUpload: 'upload datasets',
  stateDraft: 'a draft',
  stateInReview: 'in review',
  stateApproved: 'approved',
  statePublished: 'published',
  stateRejected: 'rejected',
  stateWithdrawn: 'withdrawn',
  artifactNoKey: 'this server trusts no signing key, so it cannot verify an artifact and accepts none',
  artifactNoKeyHelp:
    'start the server with `tierwise serve --trust-key <public key .pem>` (the key CI signs with)',
  artifactUntrustedKey: (p: { name: string; count: number }) =>
    `${p.name} is not signed by any of the ${p.count} key(s) this server trusts`,
  artifactUntrustedKeyHelp:
    'sign it with the key whose public half the server was given (`--trust-key`), or ask for that key to be trusted; `tierwise verify --key` shows which key signed it',
  artifactPolicyRefused: (p: { id: string; version: string }) =>
    `policy ${p.id} ${p.version} of the artifact cannot be submitted, so nothing of the artifact was`,
  artifactPartly: (p: { ids: string[] }) =>
    `these change requests of the artifact were already created: ${p.ids.join(', ')}`,
  artifactPartlyHelp:
    'look at them (GET /v1/change-requests/{id}); withdraw them or publish the artifact again',
};
