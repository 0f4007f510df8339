import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import type { CustomerResult } from '../../engine/evaluate.js';
import { decideThresholds } from '../../engine/tiers/thresholds.js';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import { maskPhones } from '../../privacy/mask.js';
import type { OverrideNote } from '../../report/override.js';
import type { OverrideRecord } from '../records.js';

/** What evaluation needs of an override: a registry record, or an entry of an exported file. */
export type ApplicableOverride = Pick<OverrideRecord, 'id' | 'customer' | 'kind' | 'tier' | 'score'> &
  Partial<Pick<OverrideRecord, 'reason' | 'approval' | 'expiresAt' | 'policy' | 'businessUnit'>>;

export type Applied = { result: CustomerResult; note: OverrideNote } | { diagnostic: Diagnostic };

/**
 * The customer's result as the override decides it. A tier override sets the tier; a score
 * override sets or moves the score and the policy's thresholds decide the tier from it. SLA and
 * entitlements follow the tier given. An override the policy cannot take (a tier it no longer
 * has, a score moved where none was computed) is not applied and says so (TW1418).
 */
export function applyOverride(policy: Policy, result: CustomerResult, override: ApplicableOverride): Applied {
  const levels = policy.tiers?.levels ?? [];
  const name = policy.metadata.name;
  let tier: string | undefined;
  let score: number | undefined;
  let decision = result.decision;
  if (override.kind === 'tier') {
    if (!levels.some((l) => l.id === override.tier))
      return notApplied(
        msg('overrides.notApplied', { id: override.id, tier: override.tier ?? '', policy: name }),
      );
    tier = override.tier;
  } else {
    const set = override.score?.set;
    const delta = override.score?.delta;
    if (set === undefined && result.score === undefined)
      return notApplied(msg('overrides.notAppliedNoScore', { id: override.id }));
    score = set ?? (result.score ?? 0) + (delta ?? 0);
    decision = decideThresholds(levels, score);
    tier = decision.method === 'thresholds' ? levels[decision.level]?.id : undefined;
  }
  const level = levels.find((l) => l.id === tier);
  const note: OverrideNote = {
    id: override.id,
    kind: override.kind,
    tier,
    ...(score !== undefined ? { score } : {}),
    computedTier: result.tier,
    computedScore: result.score,
    ...(override.reason !== undefined ? { reason: maskPhones(override.reason) } : {}),
    ...(override.approval ? { approvedBy: override.approval.by } : {}),
    ...(override.expiresAt ? { expiresAt: override.expiresAt } : {}),
  };
  const overridden: CustomerResult = {
    ...result,
    tier,
    decision,
    sla: level?.sla,
    entitlements: level?.entitlements,
    ...(score !== undefined ? { score } : {}),
  };
  return { result: overridden, note };
}

/**
 * The overrides of a population applied to its results (those of `overrides`, by customer): the
 * results as decided, and the note of each customer an override decided. An override the policy
 * cannot take stays on its customer's result as TW1418.
 */
export function applyOverrides(
  policy: Policy,
  results: readonly CustomerResult[],
  overrides: ReadonlyMap<string, ApplicableOverride>,
): { results: CustomerResult[]; notes: Map<string, OverrideNote> } {
  const notes = new Map<string, OverrideNote>();
  const applied = results.map((result) => {
    const override = overrides.get(result.customer);
    if (!override) return result;
    const outcome = applyOverride(policy, result, override);
    if ('diagnostic' in outcome)
      return { ...result, diagnostics: [...result.diagnostics, outcome.diagnostic] };
    notes.set(result.customer, outcome.note);
    return outcome.result;
  });
  return { results: applied, notes };
}

const notApplied = (message: ReturnType<typeof msg>): Applied => ({
  diagnostic: diagnostic('TW1418', message),
});

/** The note of a result an override decided, as the evaluate response's `decidedBy` names it. */
export function overrideDecidedBy(note: OverrideNote, computed: unknown): Record<string, unknown> {
  return { method: 'override', override: note.id, tier: note.tier, computed };
}
