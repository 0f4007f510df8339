import { render, type Text } from '../i18n/text.js';
import { CODES, type Code } from './codes.js';
import type { Diagnostic, Severity } from './diagnostic.js';

type Extra = Partial<Omit<Diagnostic, 'code' | 'message' | 'help' | 'i18n'>> & {
  severity?: Severity;
  help?: string | Text;
};

/**
 * A diagnostic with the code's registered severity unless the caller overrides it. A message or
 * help given as a catalogue text is kept as such for other languages, with its English in place.
 */
export function diagnostic(code: Code, message: string | Text, extra: Extra = {}): Diagnostic {
  const { help, ...rest } = extra;
  const d: Diagnostic = {
    code,
    message: typeof message === 'string' ? message : render('en', message),
    ...rest,
    severity: rest.severity ?? CODES[code].severity,
  };
  if (help !== undefined) d.help = typeof help === 'string' ? help : render('en', help);
  const i18n: Diagnostic['i18n'] = {};
  if (typeof message !== 'string') i18n.message = message;
  if (help !== undefined && typeof help !== 'string') i18n.help = help;
  if (i18n.message || i18n.help) d.i18n = i18n;
  return d;
}
