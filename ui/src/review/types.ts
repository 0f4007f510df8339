// The shapes of the review endpoints' answers (src/server/schemas/review.ts), as the views read them.

export type Labels = { en?: string; 'zh-CN'?: string };

export interface OverviewPublication {
  version: string;
  semver: string;
  effectiveFrom: string;
  effectiveTo?: string;
  publishedBy: string;
}

export interface OverviewRow {
  name: string;
  businessUnit: string;
  fileName?: string;
  extends?: string;
  labels?: Labels;
  status: 'published' | 'scheduled' | 'unpublished' | 'proposed';
  latest?: { id: string; semver: string; author: string; createdAt: string };
  inForce?: OverviewPublication;
  scheduled?: OverviewPublication;
  changeRequests: { id: string; state: string; title: string; author: string; updatedAt: string }[];
  author: string;
  editable: boolean;
}

export interface PolicyOverview {
  at: string;
  companyUnit: string;
  policies: OverviewRow[];
  bases: { name: string; fileName: string; semver?: string; labels?: Labels }[];
  variantUnits: string[];
}

export interface ChangeRequest {
  id: string;
  policy: string;
  businessUnit: string;
  title: string;
  description?: string;
  author: string;
  state: string;
  content: string;
  revision: number;
  baseVersion?: string;
  createdAt: string;
  updatedAt: string;
  approval?: { by: string; at: string; comment?: string };
  closed?: { by: string; at: string; comment?: string };
}

export type ReviewAction = 'edit' | 'submit' | 'approve' | 'reject' | 'withdraw' | 'publish';

export interface Changes {
  status: 'ok' | 'not-bumped' | 'lowered' | 'new' | 'unreadable';
  old: { source: string; version?: string };
  new: { source: string; version?: string };
  level: 'none' | 'patch' | 'minor' | 'major';
  allowed?: string;
  suggested?: string;
  changes: { kind: 'major' | 'minor' | 'patch'; pointer: string; message: string }[];
  diagnostics: import('../api.js').Diagnostic[];
  against?: { version: string; semver: string; why: 'base-version' | 'extends' };
  baseContent?: string;
  actions: ReviewAction[];
}

export interface TierCount {
  tier: string;
  label?: Labels;
  customers: number;
}

export interface Impact {
  simulations: { from: { tiers: TierCount[] }; to: { tiers: TierCount[] } };
  matrix: { total: number; upgrades: number; downgrades: number; unchanged: number };
  moversTotal?: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  reason?: string;
}
