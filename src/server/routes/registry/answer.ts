import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isRefusal, type Outcome } from '../../../registry/outcome.js';
import type { ChangeRequestRecord, TokenRecord, VersionRecord } from '../../../registry/records.js';
import type { ServerEnv } from '../../env.js';
import { etag } from '../../preconditions.js';
import { localized, refuse } from '../../respond.js';

/** The value as JSON (with its ETag when it has one), or the refusal with its status. */
export function answer<T>(
  c: Context<ServerEnv>,
  outcome: Outcome<T>,
  render: (value: T) => unknown = (value) => value,
  status: ContentfulStatusCode = 200,
  tag?: (value: T) => string | number,
): Response {
  if (isRefusal(outcome)) return refuse(c, outcome);
  return c.json(render(outcome) as object, status, tag ? { ETag: etag(tag(outcome)) } : undefined);
}

/** A change request with what the checks say of its content now, localized. */
export const checked =
  (c: Context<ServerEnv>) => (value: { value: ChangeRequestRecord; diagnostics: unknown[] }) => ({
    changeRequest: value.value,
    diagnostics: localized(value.diagnostics as never, c.get('language')),
  });

/** Lists leave the content out: a policy's history can be long, and each version is one GET away. */
export const summary = ({ content: _content, ...version }: VersionRecord) => version;

/** The hash of a token's secret is never sent anywhere. */
export const publicToken = ({ hash: _hash, ...token }: TokenRecord) => token;
