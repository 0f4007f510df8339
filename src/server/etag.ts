import type { Context } from 'hono';
import type { ServerEnv } from './env.js';

/** A strong ETag of a revision or a digest. */
export const etag = (value: string | number) => `"${value}"`;

/**
 * The revision an If-Match names: undefined when absent (the registry answers 428), NaN when it
 * names none we gave out (the registry answers 412: it cannot match).
 */
export function ifMatch(c: Context<ServerEnv>): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}
