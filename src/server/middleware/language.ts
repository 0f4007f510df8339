import type { MiddlewareHandler } from 'hono';
import { DEFAULT_LANGUAGE, type Language, languageOfLocale } from '../../i18n/language.js';
import type { ServerEnv } from '../env.js';

/** The language of `Accept-Language` with the highest weight that tierwise speaks; English otherwise. */
export function languageOf(header: string | null | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) {
    const language = languageOfLocale(r.tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

export const language: MiddlewareHandler<ServerEnv> = async (c, next) => {
  c.set('language', languageOf(c.req.header('accept-language')));
  await next();
};
