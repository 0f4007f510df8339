import type {
  AuditEntry,
  ChangeRequestRecord,
  DatasetRecord,
  DecisionChunkRecord,
  DecisionRecord,
  OverrideRecord,
  PolicyRecord,
  PublicationRecord,
  TokenRecord,
  VersionRecord,
} from '../../records.js';
import type { Row, Value } from './executor.js';

/**
 * Rows to records and back, the same for both databases. A record is built field by field from the
 * columns it owns, so nothing a driver adds to a row (libsql's `_metadata`) reaches it, and an
 * optional field stored as NULL is left out rather than set to undefined or null.
 */

const text = (row: Row, column: string): string => {
  const v = row[column];
  if (typeof v !== 'string')
    throw new Error(`column ${column} is ${v === null ? 'NULL' : typeof v}, not text`);
  return v;
};
const int = (row: Row, column: string): number => {
  const v = row[column];
  if (typeof v !== 'number')
    throw new Error(`column ${column} is ${v === null ? 'NULL' : typeof v}, not a number`);
  return v;
};
const json = (row: Row, column: string): unknown => JSON.parse(text(row, column));

/** Sets `key` only when the column is not NULL. */
function optional<T extends object, K extends keyof T>(
  record: T,
  key: K,
  value: T[K] | undefined | null,
): void {
  if (value !== null && value !== undefined) record[key] = value;
}
const maybe = (row: Row, column: string): string | undefined =>
  row[column] === null ? undefined : text(row, column);
const maybeInt = (row: Row, column: string): number | undefined =>
  row[column] === null ? undefined : int(row, column);
const maybeJson = (row: Row, column: string): unknown =>
  row[column] === null ? undefined : json(row, column);

/** Optional fields go in as NULL; JSON-shaped ones as JSON text. */
export const nullable = (v: string | number | undefined): Value => v ?? null;
export const jsonText = (v: unknown): Value => (v === undefined ? null : JSON.stringify(v));

/** Epoch milliseconds of an ISO 8601 time, for ordering and retention: text with offsets does not sort. */
export function instant(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${field} is not an ISO 8601 time: ${JSON.stringify(iso)}`);
  return ms;
}

export function policyOf(row: Row): PolicyRecord {
  return {
    name: text(row, 'name'),
    businessUnit: text(row, 'business_unit'),
    fileName: text(row, 'file_name'),
    createdAt: text(row, 'created_at'),
    createdBy: text(row, 'created_by'),
  };
}

export function versionOf(row: Row): VersionRecord {
  const v: VersionRecord = {
    id: text(row, 'id'),
    policy: text(row, 'policy'),
    sequence: int(row, 'sequence'),
    semver: text(row, 'semver'),
    content: text(row, 'content'),
    digest: text(row, 'digest'),
    author: text(row, 'author'),
    createdAt: text(row, 'created_at'),
  };
  optional(v, 'changeRequest', maybe(row, 'change_request'));
  optional(v, 'rollbackOf', maybe(row, 'rollback_of'));
  return v;
}

export function changeRequestOf(row: Row): ChangeRequestRecord {
  const r: ChangeRequestRecord = {
    id: text(row, 'id'),
    policy: text(row, 'policy'),
    businessUnit: text(row, 'business_unit'),
    title: text(row, 'title'),
    author: text(row, 'author'),
    state: text(row, 'state') as ChangeRequestRecord['state'],
    content: text(row, 'content'),
    digest: text(row, 'digest'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
    revision: int(row, 'revision'),
  };
  optional(r, 'description', maybe(row, 'description'));
  optional(r, 'baseVersion', maybe(row, 'base_version'));
  optional(r, 'approval', maybeJson(row, 'approval') as ChangeRequestRecord['approval']);
  optional(r, 'closed', maybeJson(row, 'closed') as ChangeRequestRecord['closed']);
  optional(r, 'publishedVersion', maybe(row, 'published_version'));
  return r;
}

export function overrideOf(row: Row): OverrideRecord {
  const o: OverrideRecord = {
    id: text(row, 'id'),
    policy: text(row, 'policy'),
    businessUnit: text(row, 'business_unit'),
    customer: text(row, 'customer'),
    kind: text(row, 'kind') as OverrideRecord['kind'],
    evidence: json(row, 'evidence') as string[],
    expires: text(row, 'expires'),
    status: text(row, 'status') as OverrideRecord['status'],
    proposedBy: text(row, 'proposed_by'),
    proposedAt: text(row, 'proposed_at'),
    updatedAt: text(row, 'updated_at'),
    revision: int(row, 'revision'),
  };
  optional(o, 'tier', maybe(row, 'tier'));
  optional(o, 'score', maybeJson(row, 'score') as OverrideRecord['score']);
  optional(o, 'reason', maybe(row, 'reason'));
  optional(o, 'expiresAt', maybe(row, 'expires_at'));
  optional(o, 'approval', maybeJson(row, 'approval') as OverrideRecord['approval']);
  optional(o, 'closed', maybeJson(row, 'closed') as OverrideRecord['closed']);
  return o;
}

export function publicationOf(row: Row): PublicationRecord {
  const p: PublicationRecord = {
    id: text(row, 'id'),
    businessUnit: text(row, 'business_unit'),
    policy: text(row, 'policy'),
    version: text(row, 'version'),
    effectiveFrom: text(row, 'effective_from'),
    publishedBy: text(row, 'published_by'),
    publishedAt: text(row, 'published_at'),
  };
  optional(p, 'effectiveTo', maybe(row, 'effective_to'));
  optional(p, 'changeRequest', maybe(row, 'change_request'));
  return p;
}

export function datasetOf(row: Row): DatasetRecord {
  const d: DatasetRecord = {
    id: text(row, 'id'),
    businessUnit: text(row, 'business_unit'),
    name: text(row, 'name'),
    kind: text(row, 'kind') as DatasetRecord['kind'],
    path: text(row, 'path'),
    format: text(row, 'format') as DatasetRecord['format'],
    bytes: int(row, 'bytes'),
    digest: text(row, 'digest'),
    uploadedBy: text(row, 'uploaded_by'),
    uploadedAt: text(row, 'uploaded_at'),
  };
  optional(d, 'rows', maybeInt(row, 'rows'));
  return d;
}

export function tokenOf(row: Row): TokenRecord {
  const t: TokenRecord = {
    id: text(row, 'id'),
    name: text(row, 'name'),
    role: text(row, 'role') as TokenRecord['role'],
    businessUnits: json(row, 'business_units') as string[],
    hash: text(row, 'hash'),
    createdAt: text(row, 'created_at'),
    createdBy: text(row, 'created_by'),
  };
  optional(t, 'revokedAt', maybe(row, 'revoked_at'));
  return t;
}

export function auditOf(row: Row): AuditEntry {
  const a: AuditEntry = {
    seq: int(row, 'seq'),
    at: text(row, 'at'),
    actor: text(row, 'actor'),
    action: text(row, 'action'),
    subject: text(row, 'subject'),
    prevHash: text(row, 'prev_hash'),
    hash: text(row, 'hash'),
  };
  optional(a, 'before', maybe(row, 'before_digest'));
  optional(a, 'after', maybe(row, 'after_digest'));
  optional(a, 'reason', maybe(row, 'reason'));
  return a;
}

export function decisionOf(row: Row): DecisionRecord {
  return {
    id: text(row, 'id'),
    at: text(row, 'at'),
    actor: text(row, 'actor'),
    businessUnit: text(row, 'business_unit'),
    policy: text(row, 'policy'),
    version: text(row, 'version'),
    versionDigest: text(row, 'version_digest'),
    inputDigest: text(row, 'input_digest'),
    result: json(row, 'result'),
  };
}

export function chunkOf(row: Row): DecisionChunkRecord {
  return {
    batch: text(row, 'batch'),
    at: text(row, 'at'),
    actor: text(row, 'actor'),
    businessUnit: text(row, 'business_unit'),
    policy: text(row, 'policy'),
    version: text(row, 'version'),
    versionDigest: text(row, 'version_digest'),
    decisions: json(row, 'decisions') as DecisionChunkRecord['decisions'],
  };
}
