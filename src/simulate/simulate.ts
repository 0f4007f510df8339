import type { BatchResult } from '../compile/batch.js';
import { type BatchOutcomes, compileBatchOutcomes, outcomeMembers } from '../compile/batch-outcomes.js';
import { factsRead } from '../engine/conditions/facts-read.js';
import type { TierTally, ValueSum } from '../engine/tally.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { roundMoney, sumMoney } from '../format/money.js';
import { ExactSum } from '../format/sum.js';
import { approximateSeconds, parseDuration } from '../policy/analysis/duration.js';
import { parsePercentMicros, SCALE } from '../policy/analysis/percent.js';
import type { Policy } from '../policy/schema/policy.js';
import { evaluatePopulationParallel } from './parallel.js';
import type { PopulationOptions, PopulationRun } from './population.js';
import type { ServiceLoad, Simulation, TierFigures } from './types.js';

export interface SimulateOptions extends PopulationOptions {
  /** Facts averaged per tier; by default the policy's average-order-value and repurchase-rate aggregates. */
  kpis?: readonly string[];
}

/** The aggregates that are per-customer KPIs worth averaging per tier when no --kpi is given. */
const KPI_AGGREGATES = new Set(['avg', 'repurchaseRate']);
const QUARTER = approximateSeconds({
  years: 0,
  months: 3,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
});

/**
 * One policy over a population: per tier the customers, revenue, scores, what its entitlements
 * cost, the service its SLA and cadence imply, KPI averages, flags and classes. Tiers are decided
 * exactly as `eval` decides them (the batch form, quotas over everyone).
 */
export async function simulate(policy: Policy, options: SimulateOptions): Promise<Simulation> {
  const builder = new SimulationBuilder(policy, options.kpis);
  const run = await evaluatePopulationParallel(
    policy,
    {
      ...options,
      keep: builder.keep(),
      outcomes: { keep: builder.kpis(), tally: (tally) => builder.addTally(tally) },
      keysUnread: true,
    },
    (chunk, result, outcomes) => builder.add(chunk, result, outcomes),
  );
  return builder.build(run, options);
}

/** The figures of one policy gathered chunk by chunk; simulate and diff feed it. */
export class SimulationBuilder {
  private readonly kpiIds: readonly string[];
  private readonly outcomes;
  private readonly acc: TierAccumulator[];
  private readonly levels;
  /**
   * Flags and classes are listed in the policy's order, not in the order customers first showed
   * them: an engine that counts them in its query (DuckDB) sees no such order.
   */
  private readonly flagOrder: Map<string, number>;
  private readonly classOrder: Map<string, number>;

  constructor(
    private readonly policy: Policy,
    kpis?: readonly string[],
  ) {
    const facts = policy.facts ?? {};
    this.kpiIds =
      kpis ??
      Object.entries(facts)
        .filter(([, f]) => f.aggregate !== undefined && KPI_AGGREGATES.has(f.aggregate))
        .map(([id]) => id);
    this.levels = policy.tiers?.levels ?? [];
    this.outcomes = compileBatchOutcomes(policy);
    const members = outcomeMembers(policy);
    this.flagOrder = new Map(members.flags.map((f, i) => [f, i]));
    this.classOrder = new Map(members.classes.map((c, i) => [`${c.classifier}\u0000${c.cls}`, i]));
    this.acc = [...this.levels.map(() => new TierAccumulator(this.kpiIds)), new TierAccumulator(this.kpiIds)];
  }

  /** Facts a run that holds the population must keep for add(). */
  keep(): string[] {
    return [...this.kpiIds, ...allConditionFacts(this.policy)];
  }

  /** What add() reads of the facts when the run gives it the classes and flags. */
  kpis(): string[] {
    return [...this.kpiIds];
  }

  /** `given`: the classes and flags as the engine decided them (DuckDB); else decided here. */
  add(chunk: CustomerColumns, result: BatchResult, given?: BatchOutcomes): void {
    const { kpiIds, acc } = this;
    const o = given ?? this.outcomes.run(chunk, result.tier, result.score);
    for (let i = 0; i < chunk.length; i++) {
      const t = result.tier[i]!;
      const a = acc[t === -1 ? this.levels.length : t]!;
      a.customers++;
      for (let k = 0; k < kpiIds.length; k++) {
        const v = chunk.facts[kpiIds[k]!]?.[i];
        if (typeof v === 'number' && !Number.isNaN(v)) {
          a.kpis[k]!.sum.add(v);
          a.kpis[k]!.count++;
        }
      }
      for (const f of o.flags) if (f.member[i]) a.flags.set(f.flag, (a.flags.get(f.flag) ?? 0) + 1);
      for (const c of o.classes) {
        if (!c.member[i]) continue;
        const key = `${c.classifier}\u0000${c.cls}`;
        a.classes.set(key, (a.classes.get(key) ?? 0) + 1);
      }
    }
  }

  /** Customers counted per tier where they are (DuckDB): each tier in policy order, then the untiered. */
  addTally(tally: readonly TierTally[]): void {
    tally.forEach((t, k) => {
      const a = this.acc[k]!;
      a.customers += t.customers;
      this.kpiIds.forEach((id, j) => {
        const kpi = t.facts[id];
        if (!kpi) return;
        a.kpis[j]!.sum.merge(kpi.sum);
        a.kpis[j]!.count += kpi.count;
      });
      for (const [flag, n] of t.flags) a.flags.set(flag, (a.flags.get(flag) ?? 0) + n);
      for (const [key, n] of t.classes) a.classes.set(key, (a.classes.get(key) ?? 0) + n);
    });
  }

  build(run: PopulationRun, data: { customers?: string; transactions?: string }): Simulation {
    const { policy, levels, acc, kpiIds } = this;
    const facts = policy.facts ?? {};
    const d = run.distribution;
    const revenueFact = d.revenueFact;
    const figures = (k: number): TierFigures => {
      const level = levels[k];
      const share = level ? d.tiers[k]! : undefined;
      const a = acc[k]!;
      const customers = level ? share!.customers : d.untiered;
      const revenue = level ? share!.revenue : untieredRevenue(d);
      const quota = level?.entitlements?.discountQuota;
      return {
        tier: level?.id ?? '(none)',
        label: level?.label ?? { 'zh-CN': '未分级', en: 'No tier' },
        customers,
        share: d.customers === 0 ? 0 : customers / d.customers,
        ...(revenue !== undefined ? { revenue, revenueShare: level ? share!.revenueShare : undefined } : {}),
        ...(share?.averageScore !== undefined ? { averageScore: share.averageScore } : {}),
        ...(quota !== undefined ? { discountQuota: quota } : {}),
        ...(quota !== undefined && revenue !== undefined
          ? { entitlementCost: roundMoney((revenue * parsePercentMicros(quota)) / (100 * SCALE), d.currency) }
          : {}),
        service: serviceLoad(level, customers),
        kpis: Object.fromEntries(
          kpiIds.map((id, j) => {
            const { sum, count } = a.kpis[j]!;
            return [id, count > 0 ? sum.value / count : undefined];
          }),
        ),
        flags: Object.fromEntries(inPolicyOrder(a.flags, this.flagOrder)),
        classes: classCounts(inPolicyOrder(a.classes, this.classOrder)),
      };
    };
    const tiers = levels.map((_, k) => figures(k));
    const none = figures(levels.length);
    const everyone = [...tiers, none];
    return {
      policy: { name: policy.metadata.name, version: policy.metadata.version, label: policy.metadata.labels },
      data: { customers: data.customers, transactions: data.transactions },
      asOf: run.asOf ? { date: run.asOf.date, timezone: run.asOf.timezone } : undefined,
      revenueFact,
      revenueLabel: revenueFact ? facts[revenueFact]?.label : undefined,
      currency: revenueFact ? facts[revenueFact]?.unit : undefined,
      kpiFacts: kpiIds.map((id) => ({ id, label: facts[id]?.label, unit: facts[id]?.unit })),
      customers: d.customers,
      tiers,
      untiered: none,
      untieredCauses: d.untieredCauses,
      totals: {
        customers: everyone.reduce((n, t) => n + t.customers, 0),
        ...(revenueFact
          ? {
              revenue: sumMoney(
                everyone.map((t) => t.revenue ?? 0),
                d.currency,
              ),
            }
          : {}),
        ...(tiers.some((t) => t.entitlementCost !== undefined)
          ? {
              entitlementCost: sumMoney(
                tiers.map((t) => t.entitlementCost ?? 0),
                d.currency,
              ),
            }
          : {}),
        service: sumService(tiers.map((t) => t.service)),
      },
      classifiers: Object.entries(policy.classifiers ?? {}).map(([id, c]) => ({
        id,
        label: c.label,
        classes: [...c.rules, ...(c.otherwise ? [c.otherwise] : [])].map((r) => ({
          id: r.id,
          label: r.label,
          customers: everyone.reduce((n, t) => n + (t.classes[id]?.[r.id] ?? 0), 0),
        })),
      })),
      flags: inPolicyOrder(new Map(everyone.flatMap((t) => Object.entries(t.flags))), this.flagOrder).map(
        ([flag]) => {
          const label = policy.rerating?.triggers?.find((x) => x.then.flag === flag)?.label;
          return {
            flag,
            ...(label ? { label } : {}),
            customers: everyone.reduce((n, t) => n + (t.flags[flag] ?? 0), 0),
          };
        },
      ),
      actionLabels: actionLabels(levels),
      failed: run.failed,
      diagnostics: run.diagnostics,
      customersSummary: run.customersSummary,
      transactionsSummary: run.transactionsSummary,
    };
  }
}

/** Revenue of customers without a tier: the total less the tiers' sums. */
function untieredRevenue(d: PopulationRun['distribution']): number | undefined {
  if (d.revenue === undefined) return undefined;
  return sumMoney([d.revenue, ...d.tiers.map((t) => -(t.revenue ?? 0))], d.currency);
}

class TierAccumulator {
  customers = 0;
  /** Per KPI fact, in kpiIds' order. */
  readonly kpis: ValueSum[];
  readonly flags = new Map<string, number>();
  readonly classes = new Map<string, number>();

  constructor(kpis: readonly string[]) {
    this.kpis = kpis.map(() => ({ sum: new ExactSum(), count: 0 }));
  }
}

type Level = NonNullable<Policy['tiers']>['levels'][number];

/** A cadence action's label, the first tier's that gives one: reports show it in place of the id. */
function actionLabels(levels: readonly Level[]): Record<string, NonNullable<Level['label']>> {
  const out: Record<string, NonNullable<Level['label']>> = {};
  for (const level of levels)
    for (const c of level.entitlements?.cadence ?? []) if (c.label && !out[c.action]) out[c.action] = c.label;
  return out;
}

/** What a tier's service promises, times its customers. */
export function serviceLoad(level: Level | undefined, customers: number): ServiceLoad {
  const hotline = level?.sla?.response?.availability === '24x7' ? customers : 0;
  const dedicated = (level?.entitlements?.team ?? []).filter((m) => m.dedicated).length * customers;
  const contactsPerQuarter: Record<string, number> = {};
  for (const c of level?.entitlements?.cadence ?? []) {
    const every = parseDuration(c.every);
    if (!every) continue;
    contactsPerQuarter[c.action] =
      (contactsPerQuarter[c.action] ?? 0) + (customers * QUARTER) / approximateSeconds(every);
  }
  return { hotline24x7: hotline, dedicatedStaff: dedicated, contactsPerQuarter };
}

export function sumService(loads: readonly ServiceLoad[]): ServiceLoad {
  const contacts: Record<string, number> = {};
  for (const l of loads)
    for (const [action, n] of Object.entries(l.contactsPerQuarter))
      contacts[action] = (contacts[action] ?? 0) + n;
  return {
    hotline24x7: loads.reduce((s, l) => s + l.hotline24x7, 0),
    dedicatedStaff: loads.reduce((s, l) => s + l.dedicatedStaff, 0),
    contactsPerQuarter: contacts,
  };
}

function inPolicyOrder(counts: ReadonlyMap<string, number>, order: ReadonlyMap<string, number>) {
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...counts].sort(([a], [b]) => rank(a) - rank(b));
}

function classCounts(counts: Iterable<[string, number]>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [key, n] of counts) {
    const [classifier, cls] = key.split('\u0000') as [string, string];
    out[classifier] ??= {};
    out[classifier][cls] = n;
  }
  return out;
}

/** Facts classifier and trigger conditions may read: a run that holds everyone keeps them for onChunk. */
function allConditionFacts(policy: Policy): string[] {
  const conditional =
    Object.keys(policy.classifiers ?? {}).length > 0 || (policy.rerating?.triggers ?? []).length > 0;
  if (!conditional) return [];
  const facts = policy.facts ?? {};
  // A derived fact reads others, which a walk of the conditions would not see: then keep them all.
  if (Object.values(facts).some((f) => f.expr !== undefined)) return Object.keys(facts);
  const read = factsRead(
    [
      ...Object.values(policy.classifiers ?? {}).flatMap((c) => c.rules.map((r) => r.when)),
      ...(policy.rerating?.triggers ?? []).map((t) => t.when),
    ],
    policy.conditions,
  );
  return Object.keys(facts).filter((id) => read.has(id));
}
