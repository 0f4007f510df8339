import type { Migration } from '../migration.js';

/** Overrides of a customer's computed tier (records.ts OverrideRecord), and their id sequence. */
export const overrides: Migration = {
  version: 3,
  name: 'overrides',
  sql: `
CREATE TABLE overrides (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  policy TEXT NOT NULL,
  business_unit TEXT NOT NULL,
  customer TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('tier', 'score')),
  tier TEXT,
  score TEXT CHECK (score IS NULL OR json_valid(score)),
  reason TEXT,
  evidence TEXT NOT NULL CHECK (json_valid(evidence)),
  expires TEXT NOT NULL,
  expires_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn', 'revoked')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  approval TEXT CHECK (approval IS NULL OR json_valid(approval)),
  closed TEXT CHECK (closed IS NULL OR json_valid(closed)),
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  CHECK ((kind = 'tier') = (tier IS NOT NULL)),
  CHECK ((kind = 'score') = (score IS NOT NULL))
);
CREATE INDEX overrides_customer ON overrides (policy, business_unit, customer);
INSERT INTO sequences (name, value) VALUES ('ov', 0);
`,
};
