import type { Context } from 'hono';
import type { ServerEnv } from './env.js';

/** The ETag of a state: a change request's revision, a policy's latest sequence, a version's digest. */
export const etag = (state: string | number) => `"${String(state).replace(/"/g, '')}"`;

/**
 * The revision an If-Match names: undefined when absent (the registry answers 428, TW1207), NaN
 * when it names none the registry gives out (`*`, a list, a digest: the registry answers 412).
 * Whether a revision is current is the registry's to say.
 */
export function ifMatch(c: Context<ServerEnv>): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}
