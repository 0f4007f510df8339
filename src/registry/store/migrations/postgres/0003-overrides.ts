import type { Migration } from '../migration.js';

/** Overrides of a customer's computed tier (records.ts OverrideRecord), and their id sequence. */
export const overrides: Migration = {
  version: 3,
  name: 'overrides',
  sql: `
CREATE TABLE overrides (
  id TEXT COLLATE "C" PRIMARY KEY,
  ord BIGINT NOT NULL UNIQUE,
  policy TEXT COLLATE "C" NOT NULL,
  business_unit TEXT COLLATE "C" NOT NULL,
  customer TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('tier', 'score')),
  tier TEXT,
  score JSON,
  reason TEXT,
  evidence JSON NOT NULL,
  expires TEXT NOT NULL,
  expires_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn', 'revoked')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  approval JSON,
  closed JSON,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  CHECK ((kind = 'tier') = (tier IS NOT NULL)),
  CHECK ((kind = 'score') = (score IS NOT NULL))
);
CREATE INDEX overrides_customer ON overrides (policy, business_unit, customer);
INSERT INTO sequences (name, value) VALUES ('ov', 0);
`,
};
