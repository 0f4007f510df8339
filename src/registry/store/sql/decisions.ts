import { chunkDecision, type DecisionChunkRecord, type DecisionRecord } from '../../records.js';
import { type Executor, one, type Value } from './executor.js';
import { chunkOf, decisionOf, instant, jsonText } from './rows.js';

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

const CHUNK_COLUMNS =
  '(batch, first_row, last_row, count, at, at_ms, actor, business_unit, policy, version, version_digest, decisions)';

/** A batch's chunks, one row each (a chunk's decisions are one JSON text). */
export async function insertDecisionChunkRows(
  ex: Executor,
  chunks: readonly DecisionChunkRecord[],
): Promise<void> {
  for (const c of chunks) {
    if (c.decisions.length === 0) continue;
    await ex.run(`INSERT INTO decision_chunks ${CHUNK_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      c.batch,
      c.decisions[0]!.row,
      c.decisions[c.decisions.length - 1]!.row,
      c.decisions.length,
      c.at,
      instant(c.at, 'at'),
      c.actor,
      c.businessUnit,
      c.policy,
      c.version,
      c.versionDigest,
      JSON.stringify(c.decisions),
    ]);
  }
}

/** `<batch>.<row>` of a batch's row; anything else is a single evaluation's id. */
const CHUNK_ID = /^(dec-[A-Za-z0-9_-]+)\.([1-9][0-9]{0,14})$/;

export async function getDecisionRow(ex: Executor, id: string): Promise<DecisionRecord | undefined> {
  const inChunk = CHUNK_ID.exec(id);
  if (!inChunk) {
    const row = await one(ex, 'SELECT * FROM decisions WHERE id = ?', [id]);
    return row && decisionOf(row);
  }
  const batch = inChunk[1]!;
  const rowNumber = Number(inChunk[2]);
  const row = await one(
    ex,
    'SELECT * FROM decision_chunks WHERE batch = ? AND first_row <= ? AND last_row >= ?',
    [batch, rowNumber, rowNumber],
  );
  if (!row) return undefined;
  return chunkDecision(chunkOf(row), rowNumber);
}

/** Decisions older than `before`, single and batched; how many decisions went. */
export async function pruneDecisionRows(ex: Executor, before: string): Promise<number> {
  const at = instant(before, 'before');
  const [counted] = await ex.all('SELECT COALESCE(SUM(count), 0) AS n FROM decision_chunks WHERE at_ms < ?', [
    at,
  ]);
  const single = await ex.run('DELETE FROM decisions WHERE at_ms < ?', [at]);
  await ex.run('DELETE FROM decision_chunks WHERE at_ms < ?', [at]);
  return single + Number(counted?.n ?? 0);
}
