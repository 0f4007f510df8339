/** The languages every text a user reads exists in (labels, reports, diagnostics, the CLI). */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * A language from a locale a user's environment gives (`zh_CN.UTF-8`, `zh-Hans`, `en_US`): any
 * Chinese locale reads zh-CN, anything else English.
 */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  if (isLanguage(locale)) return locale;
  if (/^zh(?:[-_]|$)/i.test(locale)) return 'zh-CN';
  if (/^en(?:[-_]|$)/i.test(locale)) return 'en';
  return undefined;
}

/** A bilingual text as policies write labels: `{ zh-CN: 重点客户, en: Key }`. */
export interface Localized {
  readonly en?: string;
  readonly 'zh-CN'?: string;
}

/** A label in the reader's language, the other one when it is missing, else the fallback (an id). */
export function pick(label: Localized | undefined, language: Language, fallback = ''): string {
  return label?.[language] ?? label?.en ?? label?.['zh-CN'] ?? fallback;
}
