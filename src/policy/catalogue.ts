import type { FactType } from './schema/facts.js';
import type { Policy } from './schema/policy.js';

/** What a rule may know about a fact: declared facts, plus the values evaluation computes. */
export interface FactInfo {
  type: FactType;
  values?: readonly string[];
  unit?: string;
  min?: number;
  max?: number;
  /** Computed by tierwise rather than read from data. */
  builtin?: boolean;
}

/** Where a condition stands decides which computed values it may read. */
export type ConditionScope = 'tier' | 'classifier' | 'trigger' | 'named';

/**
 * `score` is the total (0–100) and is known before tiers are assigned; `tier` only after, so a
 * tier's own criteria may not read it (that would be circular).
 */
export function factCatalogue(policy: Policy, scope: ConditionScope): Map<string, FactInfo> {
  const catalogue = new Map<string, FactInfo>();
  for (const [id, fact] of Object.entries(policy.facts ?? {})) {
    catalogue.set(id, {
      type: fact.type,
      values: fact.values,
      unit: fact.unit,
      min: fact.min,
      max: fact.max,
    });
  }
  if (policy.dimensions && !catalogue.has('score')) {
    catalogue.set('score', { type: 'number', unit: 'points', min: 0, max: 100, builtin: true });
  }
  const tierIds = policy.tiers?.levels.map((l) => l.id);
  if (tierIds && scope !== 'tier' && !catalogue.has('tier')) {
    catalogue.set('tier', { type: 'enum', values: tierIds, builtin: true });
  }
  return catalogue;
}

export function isNumeric(type: FactType): boolean {
  return type === 'number' || type === 'integer';
}
