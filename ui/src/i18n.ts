// Runtime localization (@lit/localize): English is the source, zh-CN is loaded when chosen and
// every localized element re-renders in place, so switching keeps what the user typed.
import { configureLocalization } from '@lit/localize';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'tierwise.locale';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['zh-CN'],
  loadLocale: () => import('./locales/zh-CN.js'),
});

/** The language chosen before, else the browser's first that we have, else English. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const language of navigator.languages ?? []) {
    if (language.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export async function switchLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  await setLocale(locale);
}
