import { InvalidArgumentError, Option } from 'commander';
import { parseAllowance } from '../engine/allowance.js';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
  languageOfLocale,
} from '../i18n/language.js';

/** The environment variable that sets every command's language when --lang is not given. */
export const LANGUAGE_ENV = 'TIERWISE_LANG';

/** `--lang`, on every command that prints: en or zh-CN, by default $TIERWISE_LANG, else English. */
export function languageOption(description = 'language of every text: labels, reports, findings'): Option {
  return new Option('--lang <language>', description)
    .choices([...LANGUAGES])
    .default(languageOfLocale(process.env[LANGUAGE_ENV]) ?? DEFAULT_LANGUAGE);
}

export function languageOf(opts: { lang?: string }): Language {
  return isLanguage(opts.lang) ? opts.lang : DEFAULT_LANGUAGE;
}

/**
 * `--allow-untiered`: how many customers may go without a tier before the command exits 1. The
 * value is checked here (a usage error); the engine decides what it means.
 */
export function allowUntieredOption(): Option {
  return new Option(
    '--allow-untiered <n>',
    'customers allowed to get no tier before the command fails: a count (25), a share (5%) or all',
  )
    .default('0')
    .argParser((text: string) => {
      const allowance = parseAllowance(text);
      if (typeof allowance === 'string') throw new InvalidArgumentError(allowance);
      return text.trim();
    });
}
