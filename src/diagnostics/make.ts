import { CODES, type Code } from './codes.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/** A diagnostic with the code's registered severity unless the caller overrides it. */
export function diagnostic(
  code: Code,
  message: string,
  extra: Partial<Omit<Diagnostic, 'code' | 'message'>> & { severity?: Severity } = {},
): Diagnostic {
  return { code, severity: extra.severity ?? CODES[code].severity, message, ...extra };
}
