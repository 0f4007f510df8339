import { InvalidArgumentError, Option } from 'commander';
import { parseAllowance } from '../engine/allowance.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../i18n/language.js';
import { environmentLanguage, type HelpText } from './help.js';

export { LANGUAGE_ENV } from './help.js';

/** `--lang`, on every command that prints: en or zh-CN, by default $TIERWISE_LANG, else English. */
export function languageOption(h: HelpText): Option {
  return new Option('--lang <language>', h('lang')).choices([...LANGUAGES]).default(environmentLanguage());
}

export function languageOf(opts: { lang?: string }): Language {
  return isLanguage(opts.lang) ? opts.lang : DEFAULT_LANGUAGE;
}

/**
 * `--allow-untiered`: how many customers may go without a tier before the command exits 1. The
 * value is checked here (a usage error); the engine decides what it means.
 */
export function allowUntieredOption(h: HelpText): Option {
  return new Option('--allow-untiered <n>', h('allowUntiered')).default('0').argParser((text: string) => {
    const allowance = parseAllowance(text);
    if (typeof allowance === 'string')
      throw new InvalidArgumentError(h(/%\s*$/.test(text) ? 'allowanceShare' : 'allowance'));
    return text.trim();
  });
}
