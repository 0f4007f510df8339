import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Code } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { localizeDiagnostic } from '../diagnostics/localize.js';
import { diagnostic } from '../diagnostics/make.js';
import type { Language } from '../i18n/language.js';
import type { Text } from '../i18n/text.js';
import type { Refusal, RefusalKind } from '../registry/outcome.js';
import type { ServerEnv } from './env.js';
import { REFUSAL_STATUS } from './status.js';

/** Diagnostics as a client reads them: in the request's language, without catalogue ids. */
export function localized(diagnostics: readonly Diagnostic[], language: Language): Diagnostic[] {
  return diagnostics.map((d) => localizeDiagnostic(d, language));
}

/** Every error response has this body: `{ diagnostics: Diagnostic[] }`. */
export function diagnosticsResponse(
  c: Context<ServerEnv>,
  status: ContentfulStatusCode,
  diagnostics: readonly Diagnostic[],
  headers?: Record<string, string>,
): Response {
  return c.json({ diagnostics: localized(diagnostics, c.get('language') ?? 'en') }, status, headers);
}

export function refuse(c: Context<ServerEnv>, refusal: Refusal): Response {
  const headers: Record<string, string> | undefined =
    refusal.refused === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : undefined;
  return diagnosticsResponse(c, REFUSAL_STATUS[refusal.refused], refusal.diagnostics, headers);
}

/** A refusal of one diagnostic, made where the server itself refuses. */
export function refusal(
  kind: RefusalKind,
  code: Code,
  message: Text,
  extra: { pointer?: string; help?: Text } = {},
): Refusal {
  return { refused: kind, diagnostics: [diagnostic(code, message, extra)] };
}
