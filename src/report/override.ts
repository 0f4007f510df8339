import { formatNumber } from '../format/number.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';

/**
 * What an override did to one customer's result, as every output shows it beside the result
 * (`override` in JSON): the tier it gave, and what the policy computed without it.
 */
export interface OverrideNote {
  id: string;
  kind: 'tier' | 'score';
  /** The tier the override decided (undefined: its score falls in no tier's range). */
  tier: string | undefined;
  /** kind score: the score it gave. */
  score?: number;
  computedTier: string | undefined;
  computedScore: number | undefined;
  /** Phones masked (src/privacy). */
  reason?: string;
  approvedBy?: string;
  expiresAt?: string;
}

const tierName = (policy: Policy, id: string | undefined, language: Language) => {
  if (id === undefined) return t(language, 'overrides.noTier');
  const label = policy.tiers?.levels.find((l) => l.id === id)?.label;
  const text = label?.[language] ?? label?.en;
  return text ? `${text} [${id}]` : id;
};

/** The explanation's line for an override: it decided, instead of what, by whose approval, until when. */
export function overrideLine(policy: Policy, note: OverrideNote, language: Language): string {
  return t(language, 'overrides.decided', {
    id: note.id,
    tier: tierName(policy, note.tier, language),
    computed: tierName(policy, note.computedTier, language),
    score: note.score === undefined ? undefined : formatNumber(note.score, 2),
    by: note.approvedBy ?? '?',
    until: note.expiresAt ?? '?',
    reason: note.reason,
  });
}
