/**
 * What the registry keeps, as plain rows. Every record is written once and never rewritten, except
 * a change request's state (a new revision each time) and a publication's end (effectiveTo set once
 * when a later publication supersedes it) and a token's revocation. Times are ISO 8601 with an
 * offset (`2026-12-03T18:00:00.000+00:00`, as `new Date().toISOString()` gives with `Z`); digests
 * are `sha256:<64 hex>` of the content's UTF-8 bytes exactly as written.
 */

import type { Format } from '../data/types.js';

export type Role = 'viewer' | 'analyst' | 'approver' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'approver', 'admin'];

/**
 * The business unit whose publications apply to every unit without one of its own, and which a
 * policy without metadata.businessUnit belongs to (the handbooks' 总部).
 */
export const DEFAULT_COMPANY_UNIT = 'headquarters';

export interface PolicyRecord {
  /** metadata.name of its versions; the policy's identity, never renamed. */
  name: string;
  /** The business unit that owns it: metadata.businessUnit, else the company unit. */
  businessUnit: string;
  /** The file name its versions are written as (`retail-scorecard.tier.yaml`); `extends` names it. */
  fileName: string;
  createdAt: string;
  createdBy: string;
}

export interface VersionRecord {
  /** `${policy}@${sequence}`: unique, ordered within a policy. */
  id: string;
  policy: string;
  /** 1, 2, 3… per policy, without gaps: a torn or duplicate version breaks this. */
  sequence: number;
  /** metadata.version of the content. */
  semver: string;
  /** The YAML exactly as written, comments and all. */
  content: string;
  digest: string;
  author: string;
  createdAt: string;
  /** The change request that produced it, or the version it rolled back to. */
  changeRequest?: string;
  rollbackOf?: string;
}

export type ChangeRequestState = 'draft' | 'in_review' | 'approved' | 'published' | 'rejected' | 'withdrawn';

export interface Approval {
  by: string;
  at: string;
  /** The content digest approved: an edit after approval changes the digest and clears it. */
  digest: string;
  comment?: string;
}

export interface ChangeRequestRecord {
  /** `cr-<sequence>`. */
  id: string;
  policy: string;
  businessUnit: string;
  title: string;
  description?: string;
  author: string;
  state: ChangeRequestState;
  content: string;
  digest: string;
  /** The version the draft started from (undefined for a new policy): publishing onto a base that moved is refused. */
  baseVersion?: string;
  approval?: Approval;
  /** Who rejected or withdrew, when and why. */
  closed?: { by: string; at: string; comment?: string };
  publishedVersion?: string;
  createdAt: string;
  updatedAt: string;
  /** 1 at creation, +1 on every write: the ETag, and the compare-and-set guard. */
  revision: number;
}

/**
 * What an override is: a stored status. `expired` is never stored: an approved override whose
 * expiresAt has passed is expired from that instant on (overrides/view.ts), no job needed.
 */
export type OverrideState = 'proposed' | 'approved' | 'rejected' | 'withdrawn' | 'revoked';
export type OverrideStatus = OverrideState | 'expired';

/**
 * A person's decision over the computed tier of one customer (seed 004: the account manager
 * adjusts with a reason, the sales supervisor approves). It is proposed, approved by another
 * person, and applies until it expires or is revoked; then the computed tier is back.
 */
export interface OverrideRecord {
  /** `ov-<sequence>`. */
  id: string;
  /** The policy (metadata.name) whose tier it overrides. */
  policy: string;
  /** The business unit whose customer it is: evaluations of this unit with this policy apply it. */
  businessUnit: string;
  /** The customer's id (the policy's key fact); never a name or a phone. */
  customer: string;
  kind: 'tier' | 'score';
  /** kind `tier`: the tier id set. */
  tier?: string;
  /** kind `score`: the score set, or moved by a delta; the policy's thresholds decide the tier. */
  score?: { set?: number; delta?: number };
  reason?: string;
  /** References: text or URLs (a CRM case, a contract); stored as given, masked in every output. */
  evidence: string[];
  /** As proposed: an instant (ISO 8601 with an offset) or a duration counted from approval (P3M). */
  expires: string;
  /** The instant it ends: the one proposed, or approval + the duration. */
  expiresAt?: string;
  status: OverrideState;
  proposedBy: string;
  proposedAt: string;
  approval?: { by: string; at: string; comment?: string };
  /** Who rejected, withdrew or revoked, when and why. */
  closed?: { by: string; at: string; comment?: string };
  updatedAt: string;
  /** 1 at proposal, +1 on every write: the ETag, and the compare-and-set guard. */
  revision: number;
}

export interface PublicationRecord {
  /** `pub-<sequence>`. */
  id: string;
  businessUnit: string;
  policy: string;
  version: string;
  effectiveFrom: string;
  /** Set once, when a later publication for the same business unit and policy takes over. */
  effectiveTo?: string;
  publishedBy: string;
  publishedAt: string;
  changeRequest?: string;
}

export interface DatasetRecord {
  /** `ds-<sequence>`. */
  id: string;
  businessUnit: string;
  /** The name the uploader gave, checked (no path separators); shown, never used as a path. */
  name: string;
  kind: 'customers' | 'transactions';
  /** Where the bytes are, relative to the data directory; content-addressed. */
  path: string;
  format: Format;
  bytes: number;
  digest: string;
  rows?: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface TokenRecord {
  /** `tok-<sequence>`: what the audit names; never the secret. */
  id: string;
  /** Who holds it (a person or a CI job); the audit's actor. */
  name: string;
  role: Role;
  /** Business units it may write to; ['*'] for all. */
  businessUnits: string[];
  /** sha256 of the secret: the secret itself is shown once, at creation, and never stored. */
  hash: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

export interface AuditEntry {
  /** 1, 2, 3… without gaps. */
  seq: number;
  at: string;
  actor: string;
  /** `policy.create`, `version.create`, `cr.submit`, `cr.approve`, `publish`, `rollback`, `token.create`… */
  action: string;
  /** What it acted on: a policy, version, change request, publication, dataset or token id. */
  subject: string;
  before?: string;
  after?: string;
  reason?: string;
  /** sha256 over the previous entry's hash and this entry's fields (chain.ts); the first has prev ''. */
  prevHash: string;
  hash: string;
}

export interface DecisionRecord {
  /** `dec-<random>`: returned to the caller of evaluate. */
  id: string;
  at: string;
  actor: string;
  businessUnit: string;
  policy: string;
  version: string;
  versionDigest: string;
  /** sha256 of the canonical JSON of the input: proves what was asked without keeping it. */
  inputDigest: string;
  /** Tier, score, deciding rule… with personal data masked. */
  result: unknown;
}

/**
 * The decisions of a run of rows of one batch request, kept as one record: a batch's log then
 * costs a write per chunk instead of one per customer. Row `n`'s decision id is `<batch>.<n>`,
 * and reading it back gives the same DecisionRecord a single evaluation's id gives.
 */
export interface DecisionChunkRecord {
  /** `dec-<random>`, one per batch request. */
  batch: string;
  at: string;
  actor: string;
  businessUnit: string;
  policy: string;
  version: string;
  versionDigest: string;
  /** In row order; rows that could not be read have no decision and are not here. */
  decisions: { row: number; inputDigest: string; result: unknown }[];
}

/** `<batch>.<row>`: the decision id of a batch's row. */
export const chunkDecisionId = (batch: string, row: number) => `${batch}.${row}`;

/** A chunk's row as the DecisionRecord a single evaluation would have; undefined if it has no such row. */
export function chunkDecision(chunk: DecisionChunkRecord, row: number): DecisionRecord | undefined {
  const found = chunk.decisions.find((d) => d.row === row);
  if (!found) return undefined;
  return {
    id: chunkDecisionId(chunk.batch, row),
    at: chunk.at,
    actor: chunk.actor,
    businessUnit: chunk.businessUnit,
    policy: chunk.policy,
    version: chunk.version,
    versionDigest: chunk.versionDigest,
    inputDigest: found.inputDigest,
    result: found.result,
  };
}
