import type { Migration } from '../migration.js';

/** Batch decisions, a row per chunk of customers (records.ts DecisionChunkRecord). */
export const decisionChunks: Migration = {
  version: 2,
  name: 'decision-chunks',
  sql: `
CREATE TABLE decision_chunks (
  batch TEXT NOT NULL,
  first_row BIGINT NOT NULL,
  last_row BIGINT NOT NULL CHECK (last_row >= first_row),
  count INTEGER NOT NULL CHECK (count > 0),
  at TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  actor TEXT NOT NULL,
  business_unit TEXT NOT NULL,
  policy TEXT NOT NULL,
  version TEXT NOT NULL,
  version_digest TEXT NOT NULL,
  decisions JSON NOT NULL,
  PRIMARY KEY (batch, first_row)
);
CREATE INDEX decision_chunks_at ON decision_chunks (at_ms);
`,
};
