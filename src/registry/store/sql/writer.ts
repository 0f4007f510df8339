import type {
  AuditEntry,
  ChangeRequestRecord,
  DatasetRecord,
  OverrideRecord,
  PolicyRecord,
  PublicationRecord,
  TokenRecord,
  VersionRecord,
} from '../../records.js';
import { type Sequence, StoreConflict, type StoreWriter } from '../store.js';
import { one, type Value } from './executor.js';
import { SqlReader } from './reader.js';
import { instant, jsonText, nullable } from './rows.js';

const NEXT_ORD = (table: string) => `(SELECT COALESCE(MAX(ord), 0) + 1 FROM ${table})`;

/**
 * The writes, inside the transaction the adapter opened under its writer lock. A conflict dooms
 * the transaction: PostgreSQL cannot go on after a failed statement, so neither does SQLite, and
 * the adapter rolls back even if the callback caught the conflict.
 */
export class SqlWriter extends SqlReader implements StoreWriter {
  failure: StoreConflict | undefined;

  protected override guard(): void {
    super.guard();
    if (this.failure) throw this.failure;
  }

  /** `what` names the kind of record (StoreConflict.what), `id` the one refused. */
  private async change(
    what: string,
    id: string | number,
    sql: string,
    params: readonly Value[],
  ): Promise<number> {
    this.guard();
    try {
      return await this.ex.run(sql, params);
    } catch (error) {
      if (!this.ex.isConflict(error)) throw error;
      this.failure = new StoreConflict(`${what} ${id}: ${(error as Error).message}`, what);
      throw this.failure;
    }
  }

  async insertPolicy(p: PolicyRecord): Promise<void> {
    await this.change(
      'policy',
      p.name,
      'INSERT INTO policies (name, business_unit, file_name, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      [p.name, p.businessUnit, p.fileName, p.createdAt, p.createdBy],
    );
  }

  async insertVersion(v: VersionRecord): Promise<void> {
    await this.change(
      'version',
      v.id,
      `INSERT INTO versions (id, policy, sequence, semver, content, digest, author, created_at, change_request, rollback_of)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        v.id,
        v.policy,
        v.sequence,
        v.semver,
        v.content,
        v.digest,
        v.author,
        v.createdAt,
        nullable(v.changeRequest),
        nullable(v.rollbackOf),
      ],
    );
  }

  async insertChangeRequest(r: ChangeRequestRecord): Promise<void> {
    await this.change(
      'change request',
      r.id,
      `INSERT INTO change_requests (id, ord, policy, business_unit, title, description, author, state, content,
         digest, base_version, approval, closed, published_version, created_at, updated_at, revision)
       VALUES (?, ${NEXT_ORD('change_requests')}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, ...changeRequestColumns(r), r.revision],
    );
  }

  async updateChangeRequest(r: ChangeRequestRecord, expectedRevision: number): Promise<boolean> {
    const changed = await this.change(
      'change request',
      r.id,
      `UPDATE change_requests SET policy = ?, business_unit = ?, title = ?, description = ?, author = ?, state = ?,
         content = ?, digest = ?, base_version = ?, approval = ?, closed = ?, published_version = ?, created_at = ?,
         updated_at = ?, revision = ?
       WHERE id = ? AND revision = ?`,
      [...changeRequestColumns(r), expectedRevision + 1, r.id, expectedRevision],
    );
    return changed === 1;
  }

  async insertOverride(o: OverrideRecord): Promise<void> {
    await this.change(
      'override',
      o.id,
      `INSERT INTO overrides (id, ord, policy, business_unit, customer, kind, tier, score, reason, evidence, expires,
         expires_at, status, proposed_by, proposed_at, approval, closed, updated_at, revision)
       VALUES (?, ${NEXT_ORD('overrides')}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [o.id, ...overrideColumns(o), o.revision],
    );
  }

  async updateOverride(o: OverrideRecord, expectedRevision: number): Promise<boolean> {
    const changed = await this.change(
      'override',
      o.id,
      `UPDATE overrides SET policy = ?, business_unit = ?, customer = ?, kind = ?, tier = ?, score = ?, reason = ?,
         evidence = ?, expires = ?, expires_at = ?, status = ?, proposed_by = ?, proposed_at = ?, approval = ?,
         closed = ?, updated_at = ?, revision = ?
       WHERE id = ? AND revision = ?`,
      [...overrideColumns(o), expectedRevision + 1, o.id, expectedRevision],
    );
    return changed === 1;
  }

  async insertPublication(p: PublicationRecord): Promise<void> {
    await this.change(
      'publication',
      p.id,
      `INSERT INTO publications (id, ord, business_unit, policy, version, effective_from, effective_from_ms,
         effective_to, published_by, published_at, published_at_ms, change_request)
       VALUES (?, ${NEXT_ORD('publications')}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id,
        p.businessUnit,
        p.policy,
        p.version,
        p.effectiveFrom,
        instant(p.effectiveFrom, 'effectiveFrom'),
        nullable(p.effectiveTo),
        p.publishedBy,
        p.publishedAt,
        instant(p.publishedAt, 'publishedAt'),
        nullable(p.changeRequest),
      ],
    );
  }

  async endPublication(id: string, effectiveTo: string): Promise<boolean> {
    const changed = await this.change(
      'publication',
      id,
      'UPDATE publications SET effective_to = ? WHERE id = ? AND effective_to IS NULL',
      [effectiveTo, id],
    );
    return changed === 1;
  }

  async insertDataset(d: DatasetRecord): Promise<void> {
    await this.change(
      'dataset',
      d.id,
      `INSERT INTO datasets (id, ord, business_unit, name, kind, path, format, bytes, digest, rows, uploaded_by, uploaded_at)
       VALUES (?, ${NEXT_ORD('datasets')}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.id,
        d.businessUnit,
        d.name,
        d.kind,
        d.path,
        d.format,
        d.bytes,
        d.digest,
        nullable(d.rows),
        d.uploadedBy,
        d.uploadedAt,
      ],
    );
  }

  async insertToken(t: TokenRecord): Promise<void> {
    await this.change(
      'token',
      t.id,
      `INSERT INTO tokens (id, ord, name, role, business_units, hash, created_at, created_by, revoked_at)
       VALUES (?, ${NEXT_ORD('tokens')}, ?, ?, ?, ?, ?, ?, ?)`,
      [
        t.id,
        t.name,
        t.role,
        jsonText(t.businessUnits),
        t.hash,
        t.createdAt,
        t.createdBy,
        nullable(t.revokedAt),
      ],
    );
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const changed = await this.change(
      'token',
      id,
      'UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [at, id],
    );
    return changed === 1;
  }

  async appendAudit(e: AuditEntry): Promise<void> {
    // The schema refuses a seq that is not the last + 1 too; asking first gives the clearer message.
    this.guard();
    const last = await one(this.ex, 'SELECT MAX(seq) AS seq FROM audit');
    const expected = Number(last?.seq ?? 0) + 1;
    if (e.seq !== expected) {
      this.failure = new StoreConflict(`audit entry ${e.seq}: the next entry is ${expected}`, 'audit');
      throw this.failure;
    }
    await this.change(
      'audit',
      e.seq,
      `INSERT INTO audit (seq, at, actor, action, subject, before_digest, after_digest, reason, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        e.seq,
        e.at,
        e.actor,
        e.action,
        e.subject,
        nullable(e.before),
        nullable(e.after),
        nullable(e.reason),
        e.prevHash,
        e.hash,
      ],
    );
  }

  override async nextId(sequence: Sequence): Promise<number> {
    this.guard();
    // A counter row rather than a database sequence: it rolls back with the transaction.
    const row = await one(this.ex, 'UPDATE sequences SET value = value + 1 WHERE name = ? RETURNING value', [
      sequence,
    ]);
    if (!row) throw new Error(`no sequence '${sequence}' in the store`);
    return Number(row.value);
  }
}

/** Every column of a change request but its id and revision, in the order both statements use. */
function changeRequestColumns(r: ChangeRequestRecord): Value[] {
  return [
    r.policy,
    r.businessUnit,
    r.title,
    nullable(r.description),
    r.author,
    r.state,
    r.content,
    r.digest,
    nullable(r.baseVersion),
    jsonText(r.approval),
    jsonText(r.closed),
    nullable(r.publishedVersion),
    r.createdAt,
    r.updatedAt,
  ];
}

/** Every column of an override but its id and revision, in the order both statements use. */
function overrideColumns(o: OverrideRecord): Value[] {
  return [
    o.policy,
    o.businessUnit,
    o.customer,
    o.kind,
    nullable(o.tier),
    jsonText(o.score),
    nullable(o.reason),
    jsonText(o.evidence),
    o.expires,
    nullable(o.expiresAt),
    o.status,
    o.proposedBy,
    o.proposedAt,
    jsonText(o.approval),
    jsonText(o.closed),
    o.updatedAt,
  ];
}
