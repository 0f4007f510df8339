export {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
  type Localized,
  languageOfLocale,
  pick,
} from './language.js';
export { type MessageId, msg, render, type Text, t } from './text.js';
