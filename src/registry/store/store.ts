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
} from '../records.js';

export type Sequence = 'cr' | 'pub' | 'ds' | 'tok' | 'ov';

export interface OverrideFilter {
  policy?: string;
  businessUnit?: string;
  customer?: string;
  status?: OverrideRecord['status'];
}

export interface AuditFilter {
  after?: number;
  limit?: number;
  subject?: string;
  subjects?: readonly string[];
}

/**
 * The one interface the registry's logic is written against; SQLite (sqlite.ts) and PostgreSQL
 * (postgres.ts) implement it and test/registry/store-contract.ts holds both to the same contract.
 *
 * Every write runs in `write(fn)`: one transaction that holds the store's single writer lock
 * (SQLite: BEGIN IMMEDIATE, queued in process; PostgreSQL: a transaction-scoped advisory lock), so
 * the logic may read, decide and write without races, across processes and instances. Writes are
 * rare; evaluations only read. `fn` must not wait on anything but the transaction (no policy
 * checks, no file I/O inside): do those before. A throw rolls the whole transaction back.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  read<T>(fn: (tx: StoreReader) => Promise<T>): Promise<T>;
  write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T>;
  /**
   * Decisions are many and independent: appended outside the writer lock, in batches, single
   * evaluations' one row each and batch requests' a row per chunk, all in one transaction.
   */
  insertDecisions(
    decisions: readonly DecisionRecord[],
    chunks?: readonly DecisionChunkRecord[],
  ): Promise<void>;
  /** A single evaluation's decision, or a batch row's (`<batch>.<row>`) as the same record. */
  getDecision(id: string): Promise<DecisionRecord | undefined>;
  /** Deletes decisions older than `before` (retention); returns how many. The only deletion. */
  pruneDecisions(before: string): Promise<number>;
  /** The database's own check (SQLite: PRAGMA integrity_check) plus foreign keys; [] when sound. */
  integrityCheck(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StoreReader {
  getPolicy(name: string): Promise<PolicyRecord | undefined>;
  getPolicyByFileName(fileName: string): Promise<PolicyRecord | undefined>;
  /** Ordered by business unit, then name. */
  listPolicies(filter?: { businessUnit?: string }): Promise<PolicyRecord[]>;

  getVersion(id: string): Promise<VersionRecord | undefined>;
  /** Ordered by sequence. */
  listVersions(policy: string): Promise<VersionRecord[]>;
  latestVersion(policy: string): Promise<VersionRecord | undefined>;

  getChangeRequest(id: string): Promise<ChangeRequestRecord | undefined>;
  /** Newest first. */
  listChangeRequests(filter?: {
    policy?: string;
    businessUnit?: string;
    state?: ChangeRequestRecord['state'];
  }): Promise<ChangeRequestRecord[]>;

  getOverride(id: string): Promise<OverrideRecord | undefined>;
  /** Newest first. */
  listOverrides(filter?: OverrideFilter): Promise<OverrideRecord[]>;

  /** Ordered by effectiveFrom, then publishedAt. */
  listPublications(filter?: { businessUnit?: string; policy?: string }): Promise<PublicationRecord[]>;

  getDataset(id: string): Promise<DatasetRecord | undefined>;
  listDatasets(filter?: { businessUnit?: string }): Promise<DatasetRecord[]>;

  getToken(id: string): Promise<TokenRecord | undefined>;
  getTokenByHash(hash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;

  /** Entries with seq > after, in order, at most `limit`; about `subject`, or any of `subjects`. */
  listAudit(options?: AuditFilter): Promise<AuditEntry[]>;
  lastAudit(): Promise<AuditEntry | undefined>;

  /** The next number of a named sequence ('cr', 'pub', 'ds', 'tok', 'ov'), consumed only if the transaction commits. */
  nextId(sequence: Sequence): Promise<number>;
}

export interface StoreWriter extends StoreReader {
  insertPolicy(policy: PolicyRecord): Promise<void>;
  /** Refuses (throws StoreConflict) a version whose id or (policy, sequence) exists. */
  insertVersion(version: VersionRecord): Promise<void>;
  insertChangeRequest(request: ChangeRequestRecord): Promise<void>;
  /**
   * Replaces the change request if its stored revision is `expectedRevision` (and sets revision
   * to expectedRevision + 1); false when it moved.
   */
  updateChangeRequest(request: ChangeRequestRecord, expectedRevision: number): Promise<boolean>;
  insertOverride(override: OverrideRecord): Promise<void>;
  /** As updateChangeRequest: replaces the override if its stored revision is `expectedRevision`. */
  updateOverride(override: OverrideRecord, expectedRevision: number): Promise<boolean>;
  insertPublication(publication: PublicationRecord): Promise<void>;
  /** Sets effectiveTo once; false if it was already set. */
  endPublication(id: string, effectiveTo: string): Promise<boolean>;
  insertDataset(dataset: DatasetRecord): Promise<void>;
  insertToken(token: TokenRecord): Promise<void>;
  revokeToken(id: string, at: string): Promise<boolean>;
  /** Refuses (throws StoreConflict) an entry whose seq is not last seq + 1. */
  appendAudit(entry: AuditEntry): Promise<void>;
}

/** A uniqueness or ordering rule of the store refused a write: the transaction is rolled back. */
export class StoreConflict extends Error {
  constructor(
    message: string,
    readonly what: string,
  ) {
    super(message);
    this.name = 'StoreConflict';
  }
}

/** The store cannot be opened or used: unreachable, not a tierwise database, newer schema. */
export class StoreUnavailable extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}
