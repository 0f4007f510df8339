// The answers of /v1/diff and /v1/calibrate as the what-if reads them, and the few reshapings it
// needs to lay them out. Every figure is the server's; nothing here sums, ranks or decides.

/** A diagnostic as api.ts has it; restated so this module stays free of the browser's types (its tests run in Node). */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  pointer?: string;
  help?: string;
}

export type Label = { en?: string; 'zh-CN'?: string } | undefined;

export interface TierFigures {
  tier: string;
  label?: Label;
  customers: number;
  share: number;
  revenue?: number;
  revenueShare?: number;
  entitlementCost?: number;
}

export interface Simulation {
  customers: number;
  currency?: string;
  tiers: TierFigures[];
  totals: { customers: number; revenue?: number; entitlementCost?: number };
}

export interface Mover {
  customer: string;
  row?: number;
  from: string;
  to: string;
  fromScore?: number;
  toScore?: number;
  direction: 'up' | 'down' | 'same';
  reason: string;
}

export interface DiffAnswer {
  currency?: string;
  matrix: {
    tiers: string[];
    counts: Record<string, Record<string, number>>;
    total: number;
    upgrades: number;
    downgrades: number;
    unchanged: number;
  };
  movers: Mover[];
  moversTotal: number;
  deltas: {
    entitlementCost?: number;
    revenueInTiers?: Record<string, number>;
    service?: {
      contactsPerQuarter?: Record<string, number>;
      dedicatedStaff?: number;
      hotline24x7?: number;
    };
  };
  simulations: { from: Simulation & { actionLabels?: Record<string, Label> }; to: Simulation };
  diagnostics: Diagnostic[];
}

export interface SensitivitySide {
  weight: number;
  changed: number;
  up: number;
  down: number;
}

export interface CalibrateAnswer {
  thresholds: {
    tier: string;
    label?: Label;
    current?: number;
    value?: number;
    achieved?: { customers: number; share: number };
    problems?: Diagnostic[];
  }[];
  sensitivity?: {
    step: number;
    rows: {
      weight: string;
      label?: Label;
      current: number;
      minus?: SensitivitySide;
      plus?: SensitivitySide;
    }[];
  };
  diagnostics: Diagnostic[];
}

/** A label in the language shown, else the other one, else the id. */
export function labelOf(label: Label, id: string, locale: string): string {
  if (!label) return id;
  return (locale === 'zh-CN' ? label['zh-CN'] : label.en) ?? label.en ?? label['zh-CN'] ?? id;
}

export interface TierRow {
  tier: string;
  label: Label;
  before?: TierFigures;
  after?: TierFigures;
}

/** Published and draft tier by tier, in the draft's order, with tiers only one side has kept. */
export function tierRows(diff: Pick<DiffAnswer, 'simulations'>): TierRow[] {
  const before = new Map(diff.simulations.from.tiers.map((t) => [t.tier, t]));
  const after = new Map(diff.simulations.to.tiers.map((t) => [t.tier, t]));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  return ids.map((tier) => ({
    tier,
    label: after.get(tier)?.label ?? before.get(tier)?.label,
    before: before.get(tier),
    after: after.get(tier),
  }));
}

/** The migration matrix's non-empty rows and columns, so a table of tiers nobody is in stays short. */
export function occupied(matrix: DiffAnswer['matrix']): { rows: string[]; columns: string[] } {
  const { tiers, counts } = matrix;
  const rows = tiers.filter((from) => tiers.some((to) => (counts[from]?.[to] ?? 0) > 0));
  const columns = tiers.filter((to) => tiers.some((from) => (counts[from]?.[to] ?? 0) > 0));
  return { rows, columns };
}

/** The tornado's bars, widest first: how many customers change tier when a weight moves each way. */
export function tornadoRows(calibrate: CalibrateAnswer) {
  const rows = calibrate.sensitivity?.rows ?? [];
  const widest = Math.max(1, ...rows.flatMap((r) => [r.minus?.changed ?? 0, r.plus?.changed ?? 0]));
  return rows
    .map((r) => ({
      ...r,
      span: Math.max(r.minus?.changed ?? 0, r.plus?.changed ?? 0),
      minusWidth: (r.minus?.changed ?? 0) / widest,
      plusWidth: (r.plus?.changed ?? 0) / widest,
    }))
    .sort((a, b) => b.span - a.span);
}
