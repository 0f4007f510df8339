import type { Migration } from '../migration.js';

const GAPLESS = (table: string, column: string, scope: string) => `
CREATE TRIGGER ${table}_${column}_next BEFORE INSERT ON ${table}
WHEN NEW.${column} <> (SELECT COALESCE(MAX(${column}), 0) + 1 FROM ${table}${scope})
BEGIN SELECT RAISE(ABORT, '${table}.${column} must be the last one + 1'); END;`;

/**
 * The registry's tables. Times are kept as the text written (an offset is part of the record);
 * `*_ms` columns hold the same instant as a number where the store orders or prunes by time. Foreign
 * keys are deferred to commit, so a transaction may write related rows in any order.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE policies (
  name TEXT PRIMARY KEY,
  business_unit TEXT NOT NULL,
  file_name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX policies_business_unit ON policies (business_unit, name);

CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  policy TEXT NOT NULL REFERENCES policies (name) DEFERRABLE INITIALLY DEFERRED,
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  semver TEXT NOT NULL,
  content TEXT NOT NULL,
  digest TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  change_request TEXT REFERENCES change_requests (id) DEFERRABLE INITIALLY DEFERRED,
  rollback_of TEXT REFERENCES versions (id) DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (policy, sequence),
  CHECK (id = policy || '@' || sequence)
);
${GAPLESS('versions', 'sequence', ' WHERE policy = NEW.policy')}

CREATE TABLE change_requests (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  policy TEXT NOT NULL,
  business_unit TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  author TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn')),
  content TEXT NOT NULL,
  digest TEXT NOT NULL,
  base_version TEXT REFERENCES versions (id) DEFERRABLE INITIALLY DEFERRED,
  approval TEXT CHECK (approval IS NULL OR json_valid(approval)),
  closed TEXT CHECK (closed IS NULL OR json_valid(closed)),
  published_version TEXT REFERENCES versions (id) DEFERRABLE INITIALLY DEFERRED,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
);
CREATE INDEX change_requests_policy ON change_requests (policy);
CREATE INDEX change_requests_business_unit ON change_requests (business_unit);

CREATE TABLE publications (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  business_unit TEXT NOT NULL,
  policy TEXT NOT NULL REFERENCES policies (name) DEFERRABLE INITIALLY DEFERRED,
  version TEXT NOT NULL REFERENCES versions (id) DEFERRABLE INITIALLY DEFERRED,
  effective_from TEXT NOT NULL,
  effective_from_ms INTEGER NOT NULL,
  effective_to TEXT,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_at_ms INTEGER NOT NULL,
  change_request TEXT REFERENCES change_requests (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX publications_business_unit ON publications (business_unit, policy);

CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  business_unit TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('customers', 'transactions')),
  path TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'ndjson', 'json', 'xlsx')),
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  digest TEXT NOT NULL,
  rows INTEGER,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);

CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'approver', 'admin')),
  business_units TEXT NOT NULL CHECK (json_valid(business_units)),
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before_digest TEXT,
  after_digest TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit (subject, seq);
${GAPLESS('audit', 'seq', '')}

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  business_unit TEXT NOT NULL,
  policy TEXT NOT NULL,
  version TEXT NOT NULL,
  version_digest TEXT NOT NULL,
  input_digest TEXT NOT NULL,
  result TEXT NOT NULL CHECK (json_valid(result))
);
CREATE INDEX decisions_at ON decisions (at_ms);

CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL CHECK (value >= 0)
);
INSERT INTO sequences (name, value) VALUES ('cr', 0), ('pub', 0), ('ds', 0), ('tok', 0);
`,
};
