import type { ReadSummary } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UntieredCause } from '../engine/untiered.js';
import type { Text } from '../i18n/text.js';

export interface Labels {
  'zh-CN'?: string;
  en?: string;
}

/** The service a tier's SLA and entitlements imply for its customers. */
export interface ServiceLoad {
  /** Customers promised a 24x7 response line. */
  hotline24x7: number;
  /** Staff assigned to one customer each (team members marked dedicated), summed over customers. */
  dedicatedStaff: number;
  /** Contacts per quarter by cadence action (on-site visits, calls, reviews), summed over customers. */
  contactsPerQuarter: Record<string, number>;
}

export interface TierFigures {
  tier: string;
  label?: Labels;
  customers: number;
  /** Share of the customers evaluated, 0–1. */
  share: number;
  /** Sum of the revenue fact (in `Simulation.currency`). */
  revenue?: number;
  revenueShare?: number;
  averageScore?: number;
  /** The tier's entitlements.discountQuota, as written ("10%"). */
  discountQuota?: string;
  /** discountQuota × the tier's revenue (in `Simulation.currency`). */
  entitlementCost?: number;
  service: ServiceLoad;
  /** Average of each KPI fact over the tier's customers that have a value; undefined if none. */
  kpis: Record<string, number | undefined>;
  /** Customers carrying each re-rating flag (e.g. churn-warning). */
  flags: Record<string, number>;
  /** Classifier id → class id → customers of this tier in the class. */
  classes: Record<string, Record<string, number>>;
}

export interface Simulation {
  policy: { name: string; version: string; label?: Labels };
  data: { customers?: string; transactions?: string };
  asOf?: { date: string; timezone: string };
  revenueFact?: string;
  /** The revenue fact's label, for reports to name it by. */
  revenueLabel?: Labels;
  /** The revenue fact's unit, e.g. CNY. */
  currency?: string;
  kpiFacts: { id: string; label?: Labels; unit?: string }[];
  customers: number;
  tiers: TierFigures[];
  /** Customers without a tier (unscorable, a gap in the policy), with the same figures. */
  untiered: TierFigures;
  /** Why they got none, most first (src/engine/untiered.ts). */
  untieredCauses: UntieredCause[];
  totals: {
    customers: number;
    revenue?: number;
    entitlementCost?: number;
    service: ServiceLoad;
  };
  classifiers: { id: string; label?: Labels; classes: { id: string; label?: Labels; customers: number }[] }[];
  /** A flag's label is that of the re-rating trigger that sets it. */
  flags: { flag: string; label?: Labels; customers: number }[];
  /** Labels of the cadence actions that `service.contactsPerQuarter` is keyed by, where the policy gives one. */
  actionLabels?: Record<string, Labels>;
  /** Reading stopped (a file that cannot be read, --on-error fail): the figures are not the file's. */
  failed: boolean;
  diagnostics: Diagnostic[];
  customersSummary?: ReadSummary;
  transactionsSummary?: ReadSummary;
}

export interface PolicyRef {
  name: string;
  version: string;
  label?: Labels;
  /** The file (or artifact) it was read from. */
  file: string;
}

/** A customer whose tier differs between the two policies, and why. */
export interface Mover {
  customer: string;
  row?: number;
  from?: string;
  to?: string;
  fromScore?: number;
  toScore?: number;
  /** 'up' toward the better tier of the to-policy's order, 'down', or 'other' (incomparable). */
  direction: 'up' | 'down';
  /** Which metric or rule made the difference, to render in the reader's language (no personal data). */
  reason: Text;
}

export interface PolicyDiff {
  from: PolicyRef;
  to: PolicyRef;
  data: { customers?: string; transactions?: string };
  asOf?: { date: string; timezone: string };
  currency?: string;
  /** From-tier × to-tier counts and revenue (see src/simulate/migration.ts). */
  matrix: import('./migration.js').MigrationMatrix;
  /** Each policy's own figures over the same customers. */
  simulations: { from: Simulation; to: Simulation };
  /** to − from. */
  deltas: { entitlementCost?: number; revenueInTiers?: Record<string, number>; service: ServiceLoad };
  /** Customers who move, in file order, up to the run's limit. */
  movers: Mover[];
  moversTotal: number;
  /** Reading stopped: see Simulation.failed. */
  failed: boolean;
  diagnostics: Diagnostic[];
}

export interface DistributionRow {
  tier: string;
  label?: Labels;
  customers: number;
  share: number;
  revenue?: number;
  revenueShare?: number;
}

/** "Which threshold puts 10% of customers (or 40% of revenue) in VIP?" */
export interface ThresholdSearch {
  tier: string;
  label?: Labels;
  /** What the tier starts at now. */
  current?: number;
  target: { measure: 'customers' | 'revenue'; share: number };
  /** The highest threshold whose tier (and those above it) reach the target; undefined if none does. */
  value?: number;
  achieved?: { customers: number; share: number; revenueShare?: number };
  distribution: DistributionRow[];
  /**
   * Why the target was not searched (TW0802), or what the threshold found would break: a tier
   * it makes unreachable or empties, an order inversion (TW0803). Absent when there is nothing to say.
   */
  problems?: Diagnostic[];
}

/** Each weight moved by ±step points (the others renormalised): customers whose tier changes. */
export interface SensitivityRow {
  /** dimension id, or dimension.metric for a metric's weight inside its dimension. */
  weight: string;
  label?: Labels;
  current: number;
  minus: { weight: number; changed: number; up: number; down: number };
  plus: { weight: number; changed: number; up: number; down: number };
}

/** Customers within ε of a tier's threshold: the "59 vs 61" problem. */
export interface StabilityRow {
  tier: string;
  label?: Labels;
  threshold: number;
  /** Score in [threshold − ε, threshold): just missed the tier. */
  justBelow: number;
  /** Score in [threshold, threshold + ε): only just in. */
  justAbove: number;
  /** Share of the tier's customers that are just above. */
  fragileShare: number;
}

export interface Calibration {
  policy: PolicyRef;
  data: { customers?: string; transactions?: string };
  asOf?: { date: string; timezone: string };
  customers: number;
  /** Customers the policy as written left without a tier, and why (src/engine/untiered.ts). */
  untiered: { customers: number; causes: UntieredCause[] };
  /** The revenue fact's unit, e.g. CNY. */
  currency?: string;
  thresholds: ThresholdSearch[];
  sensitivity: { step: number; rows: SensitivityRow[] };
  stability: { epsilon: number; rows: StabilityRow[] };
  /** Reading stopped: see Simulation.failed. */
  failed: boolean;
  diagnostics: Diagnostic[];
}
