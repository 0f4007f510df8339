import type { BatchResult } from '../compile/batch.js';
import { type Computed, compileTest, type Test, UnsupportedCondition } from '../compile/conditions.js';
import { compileMatrix } from '../compile/matrix.js';
import { topLevel } from '../engine/conditions/top-level.js';
import { planScorecard } from '../engine/scoring/scorecard.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { contains, describeInterval, fromBounds, type Interval } from '../policy/analysis/interval.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Policy } from '../policy/schema/policy.js';
import type { BandCount, CoverageProfile, RuleCount } from './types.js';

type Label = { 'zh-CN'?: string; en?: string };

interface RuleSite extends RuleCount {
  test: Test;
}

interface BandMetric {
  dimension: string;
  metric: string;
  fact: string;
  rows: BandCount[];
  /** bands: the intervals in order (first match); categories: undefined. */
  intervals?: Interval[];
  /** categories: value → index in rows. */
  categories?: Map<string, number>;
  missing: BandCount;
  none: BandCount;
}

/**
 * Which parts of a policy a population reaches: every tier, criteria rule, classifier rule and
 * class, re-rating trigger, scoring band or category, and matrix cell, counted over the customers
 * with the same compiled conditions the fast path evaluates (src/compile), given the tier and
 * score the batch form assigned. One row object is refilled per customer, as in compileBatch.
 */
export class CoverageTally {
  private readonly factIds: string[];
  private readonly defaults: unknown[];
  private readonly row: Record<string, unknown>;
  private readonly tiers: number[];
  private untiered = 0;
  private evaluated = 0;
  private readonly criteria: (RuleSite | undefined)[] = [];
  private readonly classifiers: { pick: 'first' | 'all'; rules: RuleSite[]; otherwise?: RuleCount }[] = [];
  private readonly triggers: RuleSite[] = [];
  private readonly bands: BandMetric[];
  private readonly matrix?: ReturnType<typeof compileMatrix>;
  private readonly cells = new Map<string, number>();
  private readonly notes: string[] = [];

  constructor(private readonly policy: Policy) {
    const facts = policy.facts ?? {};
    this.factIds = Object.keys(facts);
    this.defaults = this.factIds.map((id) => facts[id]!.default);
    this.row = Object.fromEntries(this.factIds.map((id) => [id, undefined]));
    const levels = policy.tiers?.levels ?? [];
    this.tiers = levels.map(() => 0);
    try {
      this.compileRules();
    } catch (error) {
      if (!(error instanceof UnsupportedCondition)) throw error;
      this.criteria.length = 0;
      this.classifiers.length = 0;
      this.triggers.length = 0;
      this.notes.push(`rules were not counted: the fast path cannot evaluate ${error.message}`);
    }
    this.bands = bandMetrics(policy);
    if (policy.tiers?.method === 'matrix' && policy.tiers.matrix) this.matrix = compileMatrix(policy);
  }

  private compileRules(): void {
    const named = this.policy.conditions ?? {};
    const test = (when: Condition) => compileTest(topLevel(when) as unknown as Condition, named);
    const site = (
      kind: RuleCount['kind'],
      id: string,
      label: Label | undefined,
      when: Condition,
      group?: string,
    ) => ({
      kind,
      group,
      id,
      label,
      holds: 0,
      decided: 0,
      test: test(when),
    });
    if (this.policy.tiers?.method === 'criteria') {
      for (const level of this.policy.tiers.levels)
        this.criteria.push(
          level.when && !level.otherwise ? site('criteria', level.id, level.label, level.when) : undefined,
        );
    }
    for (const [id, c] of Object.entries(this.policy.classifiers ?? {})) {
      this.classifiers.push({
        pick: c.pick ?? 'first',
        rules: c.rules.map((r) => site('classifier', r.id, r.label, r.when, id)),
        otherwise: c.otherwise && {
          kind: 'otherwise',
          group: id,
          id: c.otherwise.id,
          label: c.otherwise.label,
          holds: 0,
          decided: 0,
        },
      });
    }
    for (const t of this.policy.rerating?.triggers ?? [])
      this.triggers.push(site('trigger', t.id, t.label, t.when));
  }

  /** A chunk as evaluatePopulation hands it over: the customers' facts and their tiers and scores. */
  add(chunk: CustomerColumns, result: BatchResult): void {
    const { row, factIds, defaults } = this;
    const levels = this.policy.tiers?.levels ?? [];
    const sources = factIds.map((id) => chunk.facts[id]);
    for (let i = 0; i < chunk.length; i++) {
      for (let f = 0; f < factIds.length; f++) {
        let value = sources[f]?.[i];
        if (typeof value === 'number' && Number.isNaN(value)) value = undefined;
        row[factIds[f]!] = value === undefined || value === null ? defaults[f] : value;
      }
      this.evaluated++;
      const level = result.tier[i]!;
      if (level >= 0) this.tiers[level]!++;
      else this.untiered++;
      const score = Number.isNaN(result.score[i]!) ? undefined : result.score[i];
      this.countRules(row, score, level, levels[level]?.id);
      this.countBands(row);
      if (this.matrix) {
        const d = this.matrix(row, score);
        if (d.method === 'matrix') {
          const cell = `${d.row}\u0000${d.column}`;
          this.cells.set(cell, (this.cells.get(cell) ?? 0) + 1);
        }
      }
    }
  }

  private countRules(
    row: Record<string, unknown>,
    score: number | undefined,
    level: number,
    tier?: string,
  ): void {
    const before: Computed = { score, withTier: false };
    this.criteria.forEach((site, k) => {
      if (!site) return;
      if (site.test(row, before)) site.holds++;
      if (k === level) site.decided++;
    });
    const after: Computed = { score, tier, withTier: true };
    for (const classifier of this.classifiers) {
      let matched = false;
      for (const rule of classifier.rules) {
        if (!rule.test(row, after)) continue;
        rule.holds++;
        if (classifier.pick === 'all' || !matched) rule.decided++;
        matched = true;
      }
      if (!matched && classifier.otherwise) {
        classifier.otherwise.holds++;
        classifier.otherwise.decided++;
      }
    }
    for (const trigger of this.triggers) {
      if (!trigger.test(row, after)) continue;
      trigger.holds++;
      trigger.decided++;
    }
  }

  private countBands(row: Record<string, unknown>): void {
    for (const metric of this.bands) {
      const value = row[metric.fact];
      if (value === undefined || value === null) {
        metric.missing.customers++;
        continue;
      }
      let index = -1;
      if (metric.intervals) {
        if (typeof value === 'number')
          index = metric.intervals.findIndex((interval) => contains(interval, value));
      } else if (typeof value === 'string' || typeof value === 'boolean') {
        index = metric.categories!.get(String(value)) ?? -1;
      }
      if (index >= 0) metric.rows[index]!.customers++;
      else metric.none.customers++;
    }
  }

  result(): CoverageProfile {
    const levels = this.policy.tiers?.levels ?? [];
    const strip = ({ test: _test, ...count }: RuleSite): RuleCount => count;
    const rules: RuleCount[] = [
      ...this.criteria.flatMap((s) => (s ? [strip(s)] : [])),
      ...this.classifiers.flatMap((c) => [...c.rules.map(strip), ...(c.otherwise ? [c.otherwise] : [])]),
      ...this.triggers.map(strip),
    ];
    const bands = this.bands.flatMap((m) => [
      ...m.rows,
      ...(m.none.customers > 0 ? [m.none] : []),
      ...(m.missing.customers > 0 ? [m.missing] : []),
    ]);
    const cells = Object.entries(this.policy.tiers?.matrix?.cells ?? {}).flatMap(([row, columns]) =>
      Object.entries(columns).map(([column, tier]) => ({
        row,
        column,
        tier,
        customers: this.cells.get(`${row}\u0000${column}`) ?? 0,
      })),
    );
    const unused: CoverageProfile['unused'] = [
      ...levels.flatMap((l, k) => (this.tiers[k] === 0 ? [{ kind: 'tier' as const, id: l.id }] : [])),
      ...rules
        .filter((r) => r.holds === 0)
        .map((r) => ({
          kind: r.kind === 'otherwise' ? ('classifier' as const) : r.kind,
          id: r.group ? `${r.group}.${r.id}` : r.id,
        })),
      ...this.bands.flatMap((m) =>
        m.rows
          .filter((b) => b.customers === 0)
          .map((b) => ({
            kind: m.intervals ? ('band' as const) : ('category' as const),
            id: `${m.dimension}.${m.metric}[${b.band}]`,
          })),
      ),
      ...cells
        .filter((c) => c.customers === 0)
        .map((c) => ({ kind: 'cell' as const, id: `${c.row} × ${c.column} → ${c.tier}` })),
    ];
    return {
      evaluated: this.evaluated,
      tiers: levels.map((l, k) => ({ id: l.id, label: l.label, customers: this.tiers[k]! })),
      untiered: this.untiered,
      rules,
      bands,
      cells,
      unused,
      notes: this.notes,
    };
  }
}

function boundsOf(i: Interval): NonNullable<BandCount['bounds']> {
  return {
    ...(i.lo !== -Infinity ? { min: i.lo, minInclusive: i.loClosed } : {}),
    ...(i.hi !== Infinity ? { max: i.hi, maxInclusive: i.hiClosed } : {}),
  };
}

/** Every metric scored by bands or categories, with a counter per band. */
function bandMetrics(policy: Policy): BandMetric[] {
  const plan = planScorecard(policy);
  if (!plan) return [];
  return plan.dimensions.flatMap((d) =>
    d.metrics.flatMap((m): BandMetric[] => {
      const base = { dimension: d.id, metric: m.id, fact: m.fact };
      const extra = (band: string, range: string): BandCount => ({ ...base, band, range, customers: 0 });
      const missing = extra('missing', 'no value');
      const none = extra('none', 'no band or category');
      if (m.fn.bands) {
        const intervals = m.fn.bands.map((b) => fromBounds(b));
        const rows = m.fn.bands.map((b, k) => ({
          ...extra(String(k + 1), describeInterval(intervals[k]!)),
          bounds: boundsOf(intervals[k]!),
          label: (b as { label?: Label }).label,
        }));
        return [{ ...base, rows, intervals, missing, none }];
      }
      if (m.fn.categories) {
        const values = Object.keys(m.fn.categories);
        const rows = values.map((v) => extra(v, `= ${v}`));
        return [{ ...base, rows, categories: new Map(values.map((v, k) => [v, k])), missing, none }];
      }
      return [];
    }),
  );
}
