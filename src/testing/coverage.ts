import type { ConditionTrace } from '../engine/conditions/trace.js';
import type { CustomerResult } from '../engine/evaluate.js';
import { percent } from '../format/figure.js';
import { msg, type Text } from '../i18n/text.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Policy } from '../policy/schema/policy.js';

/** The kinds of things a policy's tests can reach, each counted item by item. */
export type CoverageKind = 'tier' | 'condition' | 'band' | 'cell' | 'class';

export interface CoverageItem {
  kind: CoverageKind;
  /** Stable and readable: `tier vip`, `vip: spend12m > 500000 is false`, `spend12m band 2 (≥ 50000)`. */
  id: string;
  /** The item as a reader is told, in either language. */
  text: Text;
  covered: boolean;
}

export interface PolicyCoverage {
  policy: string;
  items: CoverageItem[];
  covered: number;
  total: number;
}

/**
 * What a policy's test cases reached: every tier, both outcomes of every comparison in a
 * criteria rule, every band of every banded metric, every matrix cell, every class.
 */
export class CoverageCollector {
  private readonly seen = new Set<string>();

  constructor(private readonly policy: Policy) {}

  add(result: CustomerResult): void {
    const levels = this.policy.tiers?.levels ?? [];
    if (result.tier) this.seen.add(`tier ${result.tier}`);
    const d = result.decision;
    if (d.method === 'criteria') {
      if (d.trace) this.traceOutcomes(levels[d.level]!.id, d.trace);
      for (const r of d.rejected) this.traceOutcomes(levels[r.level]!.id, r.trace);
    }
    if (d.method === 'matrix') this.seen.add(`cell ${d.row} × ${d.column}`);
    for (const metric of result.breakdown?.metrics ?? []) {
      if (metric.band !== undefined && metric.status === 'scored')
        this.seen.add(`band ${metric.dimension}.${metric.metric} ${metric.band}`);
    }
    for (const [classifier, classes] of Object.entries(result.classes))
      for (const c of classes) this.seen.add(`class ${classifier} ${c}`);
  }

  result(name: string): PolicyCoverage {
    const items = coverageItems(this.policy).map(({ kind, key, id, text }) => ({
      kind,
      id,
      text,
      covered: this.seen.has(key),
    }));
    return { policy: name, items, covered: items.filter((i) => i.covered).length, total: items.length };
  }

  private traceOutcomes(level: string, trace: ConditionTrace): void {
    if (trace.kind === 'fact') this.seen.add(`condition ${level} ${comparisonKey(trace)} ${trace.result}`);
    else if (trace.kind === 'not') this.traceOutcomes(level, trace.child);
    else for (const child of trace.children) this.traceOutcomes(level, child);
  }
}

function comparisonKey(c: { fact?: string; operator?: string; value?: unknown }): string {
  return `${c.fact} ${c.operator} ${JSON.stringify(c.value)}`;
}

/** Every item a policy's tests could cover, in the policy's order; `key` is what the collector records. */
function coverageItems(policy: Policy): { kind: CoverageKind; key: string; id: string; text: Text }[] {
  const out: { kind: CoverageKind; key: string; id: string; text: Text }[] = [];
  const tiers = policy.tiers;
  for (const level of tiers?.levels ?? [])
    out.push({
      kind: 'tier',
      key: `tier ${level.id}`,
      id: `tier ${level.id}`,
      text: msg('testing.itemTier', { tier: level.id }),
    });
  if (tiers?.method === 'criteria') {
    for (const level of tiers.levels) {
      if (!level.when) continue;
      const seen = new Set<string>();
      for (const c of comparisons(level.when, policy, new Set())) {
        const key = comparisonKey(c);
        if (seen.has(key)) continue;
        seen.add(key);
        for (const outcome of [true, false])
          out.push({
            kind: 'condition',
            key: `condition ${level.id} ${key} ${outcome}`,
            id: `${level.id}: ${c.fact} ${c.operator} ${JSON.stringify(c.value)} is ${outcome}`,
            text: msg('testing.itemCondition', {
              tier: level.id,
              comparison: msg('explain.comparison', {
                fact: c.fact!,
                operator: msg('explain.operator', { operator: c.operator ?? '' }),
                value: JSON.stringify(c.value),
              }),
              outcome,
            }),
          });
      }
    }
  }
  for (const [dimension, d] of Object.entries(policy.dimensions ?? {})) {
    for (const [metric, m] of Object.entries(d.metrics)) {
      m.score.bands?.forEach((band, i) => {
        const id = `${dimension}.${metric} band ${i + 1} (${band.points} points)`;
        out.push({
          kind: 'band',
          key: `band ${dimension}.${metric} ${i}`,
          id,
          text: msg('testing.itemBand', {
            metric: `${dimension}.${metric}`,
            band: i + 1,
            points: band.points,
          }),
        });
      });
    }
  }
  if (tiers?.method === 'matrix' && tiers.matrix) {
    for (const [row, columns] of Object.entries(tiers.matrix.cells))
      for (const column of Object.keys(columns))
        out.push({
          kind: 'cell',
          key: `cell ${row} × ${column}`,
          id: `cell ${row} × ${column}`,
          text: msg('testing.itemCell', { row, column }),
        });
  }
  for (const [id, classifier] of Object.entries(policy.classifiers ?? {})) {
    const classes = [
      ...classifier.rules.map((r) => r.id),
      ...(classifier.otherwise ? [classifier.otherwise.id] : []),
    ];
    for (const c of new Set(classes))
      out.push({
        kind: 'class',
        key: `class ${id} ${c}`,
        id: `class ${id}: ${c}`,
        text: msg('testing.itemClass', { classifier: id, class: c }),
      });
  }
  return out;
}

/** The comparisons of a condition, named conditions expanded (each once: cycles are the checker's). */
function comparisons(condition: Condition, policy: Policy, visiting: Set<string>): Condition[] {
  if (condition.all || condition.any)
    return (condition.all ?? condition.any ?? []).flatMap((c) => comparisons(c, policy, visiting));
  if (condition.not) return comparisons(condition.not, policy, visiting);
  if (condition.condition !== undefined) {
    const named = policy.conditions?.[condition.condition];
    if (!named || visiting.has(condition.condition)) return [];
    return comparisons(named, policy, new Set([...visiting, condition.condition]));
  }
  return condition.fact === undefined ? [] : [condition];
}

/** Coverage of several policies together. */
export function totalCoverage(list: readonly PolicyCoverage[]): { covered: number; total: number } {
  return list.reduce((sum, c) => ({ covered: sum.covered + c.covered, total: sum.total + c.total }), {
    covered: 0,
    total: 0,
  });
}

/**
 * Whether covered/total reaches `threshold` percent, decided in integers: the threshold as typed
 * ("66.67") is an exact decimal, so 2/3 = 66.666…% fails 66.67 and passes 66.66. No coverage
 * items at all counts as 100%.
 */
export function meetsThreshold(covered: number, total: number, threshold: string): boolean {
  const { numerator, denominator } = parsePercent(threshold)!;
  if (total === 0) return true;
  // covered / total ≥ numerator / (denominator × 100)
  return BigInt(covered) * denominator * 100n >= numerator * BigInt(total);
}

/** A percentage as typed, 0 to 100 with any number of decimals, as an exact fraction; undefined if not one. */
export function parsePercent(text: string): { numerator: bigint; denominator: bigint } | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,12}))?%?$/.exec(text.trim());
  if (!match) return undefined;
  const decimals = match[2] ?? '';
  const numerator = BigInt(match[1]! + decimals);
  const denominator = 10n ** BigInt(decimals.length);
  if (numerator > 100n * denominator) return undefined;
  return { numerator, denominator };
}

/**
 * The percentage as every surface shows a share (src/format: rounded half away from zero, one
 * decimal): 2 of 3 → 66.7. Whether a threshold is met is decided on the counts, not on this text.
 */
export function percentText(covered: number, total: number): string {
  const figure = percent(total === 0 ? 1 : covered / total);
  return figure.text.replace(/%$/, '');
}
