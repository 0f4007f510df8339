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
import type { AuditFilter, OverrideFilter, Sequence, StoreReader } from '../store.js';
import { type Executor, one, type Value } from './executor.js';
import {
  auditOf,
  changeRequestOf,
  datasetOf,
  overrideOf,
  policyOf,
  publicationOf,
  tokenOf,
  versionOf,
} from './rows.js';

/** `WHERE a = ? AND b = ?` for the filter fields that are given. */
function where(filters: Record<string, string | undefined>): { sql: string; params: Value[] } {
  const given = Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined);
  if (given.length === 0) return { sql: '', params: [] };
  return {
    sql: ` WHERE ${given.map(([column]) => `${column} = ?`).join(' AND ')}`,
    params: given.map((e) => e[1]),
  };
}

/**
 * The store's queries, written once in the SQL both databases speak. Ordering by text relies on
 * byte order: SQLite's default, and the `COLLATE "C"` columns of the PostgreSQL schema.
 */
export class SqlReader implements StoreReader {
  private over = false;

  constructor(protected readonly ex: Executor) {}

  /** Called by the adapter when the callback has returned or thrown. */
  end(): void {
    this.over = true;
  }

  /**
   * Every call passes here first. Once its transaction is over a reader refuses every call, so a
   * callback that leaks it cannot run statements inside another caller's transaction.
   */
  protected guard(): void {
    if (this.over) throw new Error('the store transaction is over: use it only inside read() or write()');
  }

  async getPolicy(name: string): Promise<PolicyRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM policies WHERE name = ?', [name]);
    return row && policyOf(row);
  }

  async getPolicyByFileName(fileName: string): Promise<PolicyRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM policies WHERE file_name = ?', [fileName]);
    return row && policyOf(row);
  }

  async listPolicies(filter: { businessUnit?: string } = {}): Promise<PolicyRecord[]> {
    this.guard();
    const w = where({ business_unit: filter.businessUnit });
    const rows = await this.ex.all(`SELECT * FROM policies${w.sql} ORDER BY business_unit, name`, w.params);
    return rows.map(policyOf);
  }

  async getVersion(id: string): Promise<VersionRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM versions WHERE id = ?', [id]);
    return row && versionOf(row);
  }

  async listVersions(policy: string): Promise<VersionRecord[]> {
    this.guard();
    const rows = await this.ex.all('SELECT * FROM versions WHERE policy = ? ORDER BY sequence', [policy]);
    return rows.map(versionOf);
  }

  async latestVersion(policy: string): Promise<VersionRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM versions WHERE policy = ? ORDER BY sequence DESC LIMIT 1', [
      policy,
    ]);
    return row && versionOf(row);
  }

  async getChangeRequest(id: string): Promise<ChangeRequestRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM change_requests WHERE id = ?', [id]);
    return row && changeRequestOf(row);
  }

  async listChangeRequests(
    filter: { policy?: string; businessUnit?: string; state?: ChangeRequestRecord['state'] } = {},
  ): Promise<ChangeRequestRecord[]> {
    this.guard();
    const w = where({ policy: filter.policy, business_unit: filter.businessUnit, state: filter.state });
    // Newest first by creation: `ord` counts inserts, so an update does not move a request.
    const rows = await this.ex.all(`SELECT * FROM change_requests${w.sql} ORDER BY ord DESC`, w.params);
    return rows.map(changeRequestOf);
  }

  async getOverride(id: string): Promise<OverrideRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM overrides WHERE id = ?', [id]);
    return row && overrideOf(row);
  }

  async listOverrides(filter: OverrideFilter = {}): Promise<OverrideRecord[]> {
    this.guard();
    const w = where({
      policy: filter.policy,
      business_unit: filter.businessUnit,
      customer: filter.customer,
      status: filter.status,
    });
    const rows = await this.ex.all(`SELECT * FROM overrides${w.sql} ORDER BY ord DESC`, w.params);
    return rows.map(overrideOf);
  }

  async listPublications(
    filter: { businessUnit?: string; policy?: string } = {},
  ): Promise<PublicationRecord[]> {
    this.guard();
    const w = where({ business_unit: filter.businessUnit, policy: filter.policy });
    const rows = await this.ex.all(
      `SELECT * FROM publications${w.sql} ORDER BY effective_from_ms, published_at_ms, ord`,
      w.params,
    );
    return rows.map(publicationOf);
  }

  async getDataset(id: string): Promise<DatasetRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM datasets WHERE id = ?', [id]);
    return row && datasetOf(row);
  }

  async listDatasets(filter: { businessUnit?: string } = {}): Promise<DatasetRecord[]> {
    this.guard();
    const w = where({ business_unit: filter.businessUnit });
    const rows = await this.ex.all(`SELECT * FROM datasets${w.sql} ORDER BY ord`, w.params);
    return rows.map(datasetOf);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM tokens WHERE id = ?', [id]);
    return row && tokenOf(row);
  }

  async getTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM tokens WHERE hash = ?', [hash]);
    return row && tokenOf(row);
  }

  async listTokens(): Promise<TokenRecord[]> {
    this.guard();
    return (await this.ex.all('SELECT * FROM tokens ORDER BY ord')).map(tokenOf);
  }

  async listAudit(options: AuditFilter = {}): Promise<AuditEntry[]> {
    this.guard();
    const params: Value[] = [options.after ?? 0];
    let sql = 'SELECT * FROM audit WHERE seq > ?';
    if (options.subject !== undefined) {
      sql += ' AND subject = ?';
      params.push(options.subject);
    }
    if (options.subjects !== undefined) {
      // An empty list matches nothing, as `IN ()` would if SQL allowed it.
      sql += ` AND subject IN (${options.subjects.map(() => '?').join(', ') || 'NULL'})`;
      params.push(...options.subjects);
    }
    sql += ' ORDER BY seq';
    if (options.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(options.limit);
    }
    return (await this.ex.all(sql, params)).map(auditOf);
  }

  async lastAudit(): Promise<AuditEntry | undefined> {
    this.guard();
    const row = await one(this.ex, 'SELECT * FROM audit ORDER BY seq DESC LIMIT 1');
    return row && auditOf(row);
  }

  /**
   * Outside a write nothing can be consumed, so a reader answers the number the next write would
   * get (a read-only transaction cannot update the counter, and must not).
   */
  async nextId(sequence: Sequence): Promise<number> {
    this.guard();
    const row = await one(this.ex, 'SELECT value FROM sequences WHERE name = ?', [sequence]);
    return (row ? Number(row.value) : 0) + 1;
  }
}
