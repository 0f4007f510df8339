import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { diagnostic } from '../../../diagnostics/make.js';
import { msg } from '../../../i18n/text.js';
import { EXIT } from '../../io.js';
import { serverUnreachable, TOKEN_ENV } from '../../remote.js';
import type { OverrideCliOptions } from '../override.js';

export type Answer = { status: number; body: Record<string, unknown>; etag: string | null };
export type Failure = { diagnostics: Diagnostic[]; exit: number };

/**
 * One request to the server's /v1/overrides, with the token and language; a server that cannot
 * be reached or answers without diagnostics is a usage problem (2), as for `tierwise publish`.
 */
export async function request(
  opts: OverrideCliOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer | Failure> {
  let response: Response;
  try {
    response = await fetch(new URL(path, opts.server), {
      method,
      headers: {
        authorization: `Bearer ${opts.token ?? process.env[TOKEN_ENV] ?? ''}`,
        'accept-language': opts.lang,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    return { diagnostics: [serverUnreachable(opts.server, error)], exit: EXIT.usage };
  }
  const parsed = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (response.ok && parsed)
    return { status: response.status, body: parsed, etag: response.headers.get('etag') };
  const diagnostics = parsed?.diagnostics as Diagnostic[] | undefined;
  if (!diagnostics)
    return {
      diagnostics: [
        diagnostic('TW1225', msg('registry.serverAnswer', { server: opts.server, status: response.status })),
      ],
      exit: EXIT.usage,
    };
  // What the request said wrong (400) or who sent it (401) is usage; a refusal about the
  // override's state, roles or revision (403, 404, 409, 412) is a finding.
  return {
    diagnostics,
    exit: response.status === 400 || response.status === 401 ? EXIT.usage : EXIT.findings,
  };
}

export const failed = (answer: Answer | Failure): answer is Failure =>
  'diagnostics' in answer && 'exit' in answer;
