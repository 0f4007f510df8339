import type { profile } from '../../i18n/en/profile.js';
import type { Language } from '../../i18n/language.js';
import { t as translate } from '../../i18n/text.js';

type Catalogue = typeof profile;
/** A plain text of the profile report's catalogue (src/i18n/<language>/profile.ts). */
export type TextKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];

export function t(key: TextKey, language: Language): string {
  return translate(language, `profile.${key}`);
}

/** A policy label in the report's language, else the id (see src/report/simulation/text.ts). */
export function labelOf(
  label: { 'zh-CN'?: string; en?: string } | undefined,
  id: string,
  language: Language,
): string {
  return label?.[language] ?? id;
}
