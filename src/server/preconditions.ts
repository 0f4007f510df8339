import type { Context } from 'hono';
import { msg } from '../i18n/text.js';
import type { Refusal } from '../registry/outcome.js';
import type { ServerEnv } from './env.js';
import { refusal } from './respond.js';

/** The ETag of a state: a change request's revision, a version's digest. Strong: states are exact. */
export const etag = (state: string | number) => `"${String(state).replace(/"/g, '')}"`;

/**
 * The state a write says it changes (If-Match, quotes and W/ removed), or 428 (TW1314) when it
 * names none: a write without it would overwrite what its author has not seen. Whether the state
 * is still current (else 412) is the registry's to say.
 */
export function requireIfMatch(c: Context<ServerEnv>): string | Refusal {
  const header = c.req.header('if-match')?.trim();
  const tag = header?.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (!tag || tag === '*' || tag.includes(','))
    return refusal('precondition-required', 'TW1314', msg('server.ifMatchRequired'), {
      help: msg('server.ifMatchRequiredHelp'),
    });
  return tag;
}
