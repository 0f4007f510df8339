import type { Language } from '../i18n/language.js';
import { render } from '../i18n/text.js';
import type { Diagnostic } from './diagnostic.js';

/** A diagnostic as a reader of `language` sees it: message and help in their language, no catalogue ids. */
export function localizeDiagnostic(d: Diagnostic, language: Language): Diagnostic {
  const { i18n, ...rest } = d;
  if (!i18n) return d;
  const out: Diagnostic = { ...rest };
  if (i18n.message) out.message = render(language, i18n.message);
  if (i18n.help) out.help = render(language, i18n.help);
  return out;
}
