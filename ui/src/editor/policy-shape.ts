// The parts of a tier policy the form reads (docs/language.md; schemas/policy.schema.json is the
// whole truth). Everything is optional: the form shows what the text has, and a variant states
// only what it changes.
export interface Label {
  'zh-CN'?: string;
  en?: string;
}

export interface Fact {
  type?: string;
  label?: Label;
  unit?: string;
  column?: string;
  pii?: boolean;
  key?: boolean;
  min?: number;
  max?: number;
  expr?: string;
  from?: string;
  aggregate?: string;
  of?: string;
  window?: string;
}

export interface Band {
  atLeast?: number;
  above?: number;
  below?: number;
  atMost?: number;
  points?: number;
  id?: string;
  label?: Label;
}

export interface ScoreFunction {
  linear?: { from: number; to: number };
  lowerIsBetter?: { best: number; worst: number };
  bands?: Band[];
  categories?: Record<string, number>;
}

export interface Metric {
  weight?: number;
  label?: Label;
  fact?: string;
  score?: ScoreFunction;
  missing?: unknown;
}

export interface Dimension {
  weight?: number;
  label?: Label;
  metrics?: Record<string, Metric>;
}

export type Condition = Record<string, unknown>;

export interface Sla {
  response?: { within?: string; channel?: string; availability?: string };
  resolution?: { within?: string; onNonWorkingDays?: string; calendar?: string };
}

export interface Entitlements {
  team?: { role: string; label?: Label; dedicated?: boolean; minExperience?: string }[];
  benefits?: { id: string; label?: Label }[];
  discountQuota?: string;
  cadence?: { action: string; every: string; channel?: string; label?: Label }[];
  followUpWithin?: string;
}

export interface Level {
  id: string;
  label?: Label;
  description?: string;
  minScore?: number;
  score?: { atLeast?: number; above?: number; below?: number; atMost?: number };
  share?: string;
  when?: Condition;
  otherwise?: boolean;
  sla?: Sla;
  entitlements?: Entitlements;
}

export interface Axis {
  fact?: string;
  dimension?: string;
  score?: boolean;
  label?: Label;
  bands?: (Band & { id: string })[];
}

export interface Tiers {
  method?: 'thresholds' | 'quota' | 'criteria' | 'matrix';
  levels?: Level[];
  quota?: { rankBy?: string; tieBreak?: unknown[]; ties?: string; rounding?: string };
  matrix?: { rows?: Axis; columns?: Axis; cells?: Record<string, Record<string, string>> };
}

export interface Rerating {
  every?: Record<string, string>;
  triggers?: { id: string; label?: Label; when?: Condition; then?: { rerate?: boolean; flag?: string } }[];
  review?: { adjustment?: { by?: string; reasonRequired?: boolean }; approver?: string };
  announce?: string[];
}

export interface PolicyShape {
  metadata?: {
    name?: string;
    version?: string;
    businessUnit?: string;
    extends?: string;
    effectiveFrom?: string;
    labels?: Label;
    owner?: string;
  };
  facts?: Record<string, Fact>;
  dimensions?: Record<string, Dimension>;
  score?: { round?: string; digits?: number };
  tiers?: Tiers;
  rerating?: Rerating;
  conditions?: Record<string, Condition>;
}

/** Where a level's threshold is written: `minScore`, or the lower end of its `score` range. */
export function thresholdPath(level: Level): string[] | undefined {
  if (level.minScore !== undefined) return ['minScore'];
  if (level.score?.atLeast !== undefined) return ['score', 'atLeast'];
  if (level.score?.above !== undefined) return ['score', 'above'];
  return undefined;
}

export function thresholdOf(level: Level): number | undefined {
  return level.minScore ?? level.score?.atLeast ?? level.score?.above;
}
