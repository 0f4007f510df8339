import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { UntieredAllowance } from './allowance.js';
import { factsRead } from './conditions/facts-read.js';
import type { CustomerResult } from './evaluate.js';

/**
 * Why a customer got no tier:
 * - `missing`: a fact the score or the tiers need has no value (an empty cell, a fact whose
 *   column or transaction log was not there);
 * - `uncovered`: a value that no band or category of its metric covers;
 * - `condition`: a condition could not be evaluated on the customer's values;
 * - `no-match`: every value was there, and no tier's range, criteria or cell holds the customer
 *   (a gap in the policy).
 */
export type UntieredKind = 'missing' | 'uncovered' | 'condition' | 'no-match';

export interface UntieredCause {
  kind: UntieredKind;
  /** The facts concerned, for `missing` and `uncovered`; sorted. */
  facts: string[];
  customers: number;
  /** The first customer (in reading order) with this cause, to look at. */
  example: string;
}

/** Untiered customers counted by cause, as a run goes; only counters and one example each. */
export class UntieredTally {
  private readonly metricFacts = new Map<string, string>();
  private readonly byKey = new Map<string, UntieredCause>();
  /** The facts the tiers read directly: criteria conditions and matrix axes. */
  private readonly tierFacts: string[];

  constructor(policy: Policy) {
    for (const [dimension, d] of Object.entries(policy.dimensions ?? {}))
      for (const [metric, m] of Object.entries(d.metrics))
        this.metricFacts.set(`/dimensions/${dimension}/metrics/${metric}`, m.fact ?? metric);
    this.tierFacts = [...tierFactsOf(policy)].sort();
  }

  /** A customer's result; tiered customers are ignored. `facts`: the customer's values, when at hand. */
  add(result: CustomerResult, facts?: Readonly<Record<string, unknown>>): void {
    if (result.tier !== undefined) return;
    const { kind, facts: concerned } = this.causeOf(result, facts);
    const key = `${kind}:${concerned.join(',')}`;
    const known = this.byKey.get(key);
    if (known) known.customers++;
    else this.byKey.set(key, { kind, facts: concerned, customers: 1, example: result.customer });
  }

  merge(other: readonly UntieredCause[]): void {
    for (const cause of other) {
      const key = `${cause.kind}:${cause.facts.join(',')}`;
      const known = this.byKey.get(key);
      if (known) known.customers += cause.customers;
      else this.byKey.set(key, { ...cause, facts: [...cause.facts] });
    }
  }

  /** Most customers first; ties in the order first met. */
  causes(): UntieredCause[] {
    return [...this.byKey.values()].sort((a, b) => b.customers - a.customers);
  }

  private causeOf(
    result: CustomerResult,
    facts: Readonly<Record<string, unknown>> | undefined,
  ): { kind: UntieredKind; facts: string[] } {
    const missing = new Set<string>();
    const uncovered = new Set<string>();
    let condition = false;
    for (const d of result.diagnostics) {
      if (d.code === 'TW0703') condition = true;
      if (d.code !== 'TW0701' || d.pointer === undefined) continue;
      const fact = this.metricFacts.get(d.pointer);
      if (fact === undefined) continue;
      const value = facts?.[fact];
      // Without the values at hand, a metric's finding is read as a missing value, the usual case.
      if (facts !== undefined && value !== undefined && value !== null && value !== '') uncovered.add(fact);
      else missing.add(fact);
    }
    if (missing.size > 0) return { kind: 'missing', facts: [...missing].sort() };
    if (uncovered.size > 0) return { kind: 'uncovered', facts: [...uncovered].sort() };
    if (condition) return { kind: 'condition', facts: [] };
    // A rule on a missing fact is simply false, so a customer whom no rule took may lack the very
    // values the rules read: that is a gap in the data, not in the policy.
    if (facts !== undefined) {
      const absent = this.tierFacts.filter(
        (f) => facts[f] === undefined || facts[f] === null || facts[f] === '',
      );
      if (absent.length > 0) return { kind: 'missing', facts: absent };
    }
    return { kind: 'no-match', facts: [] };
  }
}

/** Facts read by the tiers' own conditions (named conditions followed) and the matrix axes. */
function tierFactsOf(policy: Policy): Set<string> {
  const tiers = policy.tiers;
  const out = factsRead(
    tiers?.method === 'criteria' ? tiers.levels.map((level) => level.when) : [],
    policy.conditions,
  );
  if (tiers?.method === 'matrix' && tiers.matrix)
    for (const axis of [tiers.matrix.rows, tiers.matrix.columns])
      if (axis.fact !== undefined) out.add(axis.fact);
  return out;
}

/**
 * TW0704 when more customers went without a tier than the user allowed: a run that decided
 * nobody, or fewer than it was asked to, must not pass for done.
 */
export function untieredFinding(
  untiered: number,
  customers: number,
  allowance: UntieredAllowance,
  causes: readonly UntieredCause[] = [],
): Diagnostic | undefined {
  if (untiered === 0) return undefined;
  const allowed = 'count' in allowance ? allowance.count : Math.floor(allowance.share * customers + 1e-9);
  if (untiered <= allowed) return undefined;
  const [first] = causes;
  return diagnostic(
    'TW0704',
    msg('untiered.overAllowance', { untiered, customers, allowed }),
    first ? { help: msg('untiered.help', { kind: first.kind, facts: first.facts.join(', ') }) } : {},
  );
}
