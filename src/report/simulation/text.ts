import type { simulation } from '../../i18n/en/simulation.js';
import type { Language } from '../../i18n/language.js';
import { render, type Text, t as translate } from '../../i18n/text.js';
import { NO_TIER } from '../../simulate/migration.js';
import type { Labels } from '../../simulate/types.js';

type Catalogue = typeof simulation;
/** A plain text of the simulation reports' catalogue (src/i18n/<language>/simulation.ts). */
export type TextKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];

export function t(key: TextKey, language: Language): string {
  return translate(language, `simulation.${key}`);
}

/** "label: value", with the colon of the language (Chinese: full width). */
export function pair(language: Language, label: string, value: string): string {
  return translate(language, 'simulation.pair', { label, value });
}

/**
 * A label of the policy in the report's language, else its id: a label in the other language
 * would put English into a Chinese report, an id is the user's own word.
 */
export function labelOf(label: Labels | undefined, id: string, language: Language): string {
  return label?.[language] ?? id;
}

/**
 * A text that arrives either written (a report built by an older version) or as a catalogue
 * text to be rendered in the reader's language (a mover's reason).
 */
export function textIn(value: string | Text, language: Language): string {
  return typeof value === 'string' ? value : render(language, value);
}

/** The untiered row's id in a simulation; the migration matrix calls it NO_TIER. */
const UNTIERED_IDS = new Set(['(none)', NO_TIER]);

export function isUntiered(tier: string): boolean {
  return UNTIERED_IDS.has(tier);
}

/** A tier's label in the report's language, else its id; the untiered row in words. */
export function tierLabel(tier: string, label: Labels | undefined, language: Language): string {
  if (isUntiered(tier)) return t('untiered', language);
  return label?.[language] ?? tier;
}

/** For tables: the label with the id beside it when they differ, so both can be searched for. */
export function tierName(tier: string, label: Labels | undefined, language: Language): string {
  const text = tierLabel(tier, label, language);
  return text === tier || isUntiered(tier) ? text : `${text} [${tier}]`;
}
