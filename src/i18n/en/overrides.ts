/**
 * Overrides of a customer's computed tier (src/registry/overrides): why a proposal or a review
 * step was refused, what an evaluation says when an override decided the tier, and the CLI's
 * `tierwise override` lines. Customer ids, tier ids and override ids arrive as they are.
 */
export const overrides = {
  unknownTier: (p: { tier: string; policy: string; tiers: string }) =>
    `${p.policy} has no tier ${p.tier} (its tiers: ${p.tiers})`,
  unknownTierHelp: 'use a tier id of the policy in force (`tierwise check` lists them)',
  scoreNeedsThresholds: (p: { policy: string; method: string }) =>
    `${p.policy} decides tiers by ${p.method}, not by score thresholds: a score override would decide nothing`,
  scoreNeedsThresholdsHelp: 'propose a tier override (kind tier) instead',
  reasonRequired: (p: { policy: string }) =>
    `${p.policy} requires a reason for every adjustment (rerating.review.adjustment.reasonRequired)`,
  reasonRequiredHelp: 'say why, e.g. the customer’s strategic value; the audit keeps it',
  expiryMissing: 'an override needs an expiry: an instant or a duration from approval',
  expiryMalformed: (p: { value: string }) =>
    `expires ${p.value} is neither an ISO 8601 date-time with an offset nor a duration such as P3M`,
  expiryPast: (p: { value: string; now: string }) => `expires ${p.value} is not after now (${p.now})`,
  expiryTooFar: (p: { value: string; max: string }) =>
    `expires ${p.value} is further ahead than an override may last (${p.max})`,
  expiryHelp: 'give `2026-12-31T23:59:59+08:00` or a duration from approval such as P3M (at most P1Y)',
  ownOverride: (p: { proposer: string }) =>
    `${p.proposer} proposed this override and cannot approve it: a second person must (four-eyes)`,
  wrongState: (p: { id: string; status: string; action: string }) =>
    `override ${p.id} is ${p.status}: you cannot ${p.action} it now`,
  notProposer: (p: { id: string; proposer: string }) =>
    `only ${p.proposer}, who proposed override ${p.id}, may withdraw it`,
  tierNeedsTier: 'a tier override names the tier it sets (`tier`)',
  scoreNeedsValue: 'a score override gives either `score.set` or `score.delta`, one of them',
  kindMismatch: (p: { kind: string; field: string }) => `a ${p.kind} override has no \`${p.field}\``,
  badCustomer: 'the customer is an id: 1 to 200 characters, no control characters',
  tooMuchEvidence: (p: { max: number; length: number }) =>
    `at most ${p.max} pieces of evidence, each at most ${p.length} characters`,
  alreadyOpen: (p: { customer: string; id: string; status: string }) =>
    `customer ${p.customer} already has override ${p.id} (${p.status}) on this policy`,
  alreadyOpenHelp: 'withdraw or revoke it first; an approved one may also be left to expire',
  notApplied: (p: { id: string; tier: string; policy: string }) =>
    `override ${p.id} sets tier ${p.tier}, which ${p.policy} no longer has: the computed tier stands`,
  notAppliedNoScore: (p: { id: string }) =>
    `override ${p.id} moves the score, but this customer has no computed score: the computed tier stands`,
  fileUnreadable: (p: { file: string; reason: string }) =>
    `cannot read overrides from ${p.file}: ${p.reason}`,
  fileMalformed: (p: { file: string; entry: number; reason: string }) =>
    `${p.file}, entry ${p.entry}: ${p.reason}`,
  fileHelp: 'write it with `tierwise override list --status approved --format json`',
  notAList: 'not a list of overrides (an array, or { overrides: [...] })',
  entryNeeds: 'an override needs id, customer, kind (tier or score) and expiresAt',
  statusProposed: 'proposed',
  statusApproved: 'approved',
  statusRejected: 'rejected',
  statusWithdrawn: 'withdrawn',
  statusRevoked: 'revoked',
  statusExpired: 'expired',
  // the explanation of a result an override decided
  decided: (p: {
    id: string;
    tier: string;
    computed: string;
    score?: string;
    by: string;
    until: string;
    reason?: string;
  }) =>
    `decided by override ${p.id}: tier ${p.tier}${p.score === undefined ? '' : ` (score ${p.score})`} instead of the computed ${p.computed}; approved by ${p.by}, until ${p.until}${p.reason === undefined ? '' : `; reason: ${p.reason}`}`,
  noTier: 'no tier',
  // tierwise override …
  line: (p: {
    id: string;
    status: string;
    customer: string;
    policy: string;
    change: string;
    until: string;
  }) => `${p.id}  ${p.status}  ${p.customer}  ${p.policy}  ${p.change}  ${p.until}`,
  changeTier: (p: { tier: string }) => `tier → ${p.tier}`,
  changeScoreSet: (p: { score: string }) => `score → ${p.score}`,
  changeScoreDelta: (p: { delta: string }) => `score ${p.delta}`,
  untilApproval: (p: { expires: string }) => `${p.expires} from approval`,
  none: 'no overrides',
  fieldProposed: (p: { by: string; at: string }) => `proposed by ${p.by} at ${p.at}`,
  fieldApproved: (p: { by: string; at: string }) => `approved by ${p.by} at ${p.at}`,
  fieldClosed: (p: { by: string; at: string }) => `closed by ${p.by} at ${p.at}`,
  fieldReason: (p: { reason: string }) => `reason: ${p.reason}`,
  fieldEvidence: (p: { evidence: string }) => `evidence: ${p.evidence}`,
  fieldExpires: (p: { until: string }) => `until: ${p.until}`,
  fieldComment: (p: { comment: string }) => `comment: ${p.comment}`,
  evalDecided: (p: { customer: string; id: string; tier: string; computed: string }) =>
    `customer ${p.customer}: override ${p.id} decided the tier (${p.tier}, computed ${p.computed})`,
  badAt: (p: { text: string }) => `--at ${p.text} is not a date and time with a UTC offset`,
  badAtHelp: 'the instant the overrides in force are taken at, e.g. 2026-12-04T09:00+08:00',
  evalApplied: (p: { n: number; file: string }) => `${p.n} override(s) from ${p.file} applied`,
};
