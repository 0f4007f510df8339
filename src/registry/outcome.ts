import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy } from '../policy/schema/policy.js';
import type { PublicationRecord, Role, VersionRecord } from './records.js';

/** Who is asking: from a bearer token (or the CLI's local admin). */
export interface Actor {
  /** The token id (`tok-3`), or `local` for the CLI working on the database file directly. */
  id: string;
  /** The token's holder: what the audit and change requests name. */
  name: string;
  role: Role;
  /** Business units it may write to; ['*'] for all. */
  businessUnits: string[];
}

/**
 * Why the registry refused: the kind decides the HTTP status (server: 400, 401, 403, 404, 409,
 * 412, 428) and the CLI's exit code; the diagnostics say what and where, as everywhere.
 */
export type RefusalKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'stale'
  | 'precondition-required';

export interface Refusal {
  refused: RefusalKind;
  diagnostics: Diagnostic[];
}

export type Outcome<T> = T | Refusal;

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'refused' in value;

/** Which policy an evaluation uses: a version by id, or what a business unit has in force at a time. */
export type PolicyQuery = { version: string } | { businessUnit: string; policy?: string; at?: string };

/** A policy ready to evaluate: merged with its base, checked, with what it came from. */
export interface ResolvedPolicy {
  policy: Policy;
  version: VersionRecord;
  /** Set when it was found through a business unit's publication. */
  publication?: PublicationRecord;
  /** The base versions a variant was merged with (extends), for the decision log. */
  bases: VersionRecord[];
}
