import type { replay } from '../../i18n/en/replay.js';
import type { Language } from '../../i18n/language.js';
import { t as translate } from '../../i18n/text.js';
import { pair, tierLabel, tierName } from '../simulation/text.js';
import type { ReplayFigures as Replay } from './types.js';

type Catalogue = typeof replay;
/** A plain text of the replay catalogue (src/i18n/<language>/replay.ts). */
export type TextKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];

export function t(key: TextKey, language: Language): string {
  return translate(language, `replay.${key}`);
}

export { pair };

/** The places of a replay's tier counts: each tier, best first, then "not rated". */
export function placeNames(r: Replay, language: Language, long = false): string[] {
  const named = r.tiers.map((x) =>
    long ? tierName(x.id, x.label, language) : tierLabel(x.id, x.label, language),
  );
  return [...named, t('notRated', language)];
}

/** The policy as headings name it: name and version. */
export function policyName(r: Replay): string {
  return `${r.policy.name} ${r.policy.version}`;
}
