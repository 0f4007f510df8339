import type { DecisionRecord } from '../../records.js';
import { type Executor, one, type Value } from './executor.js';
import { decisionOf, instant, jsonText } from './rows.js';

const COLUMNS =
  '(id, at, at_ms, actor, business_unit, policy, version, version_digest, input_digest, result)';
const PER_ROW = 10;
/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters a statement, SQLite 32,766. */
const CHUNK = 500;

/** The decision log's statements, shared by both adapters; each adapter decides the transaction. */
export async function insertDecisionRows(ex: Executor, decisions: readonly DecisionRecord[]): Promise<void> {
  for (let i = 0; i < decisions.length; i += CHUNK) {
    const chunk = decisions.slice(i, i + CHUNK);
    const params: Value[] = [];
    for (const d of chunk)
      params.push(
        d.id,
        d.at,
        instant(d.at, 'at'),
        d.actor,
        d.businessUnit,
        d.policy,
        d.version,
        d.versionDigest,
        d.inputDigest,
        // JSON text of undefined is undefined: keep the column NOT NULL with an explicit null.
        jsonText(d.result) ?? 'null',
      );
    const row = `(${new Array(PER_ROW).fill('?').join(', ')})`;
    await ex.run(`INSERT INTO decisions ${COLUMNS} VALUES ${chunk.map(() => row).join(', ')}`, params);
  }
}

export async function getDecisionRow(ex: Executor, id: string): Promise<DecisionRecord | undefined> {
  const row = await one(ex, 'SELECT * FROM decisions WHERE id = ?', [id]);
  return row && decisionOf(row);
}

export async function pruneDecisionRows(ex: Executor, before: string): Promise<number> {
  return ex.run('DELETE FROM decisions WHERE at_ms < ?', [instant(before, 'before')]);
}
