import type { TObject, TSchema } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { Role } from '../registry/records.js';
import type { ServerDeps, ServerLimits } from './deps.js';
import type { ServerEnv } from './env.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler is given once the route's checks passed. */
export interface RouteInput<Body = unknown> {
  /** The validated JSON body, for a route with `request.json` sent as JSON. */
  json?: Body;
  /** The raw body, for a route's `request.text` types (YAML, CSV): at most the route's limit. */
  bytes?: Uint8Array;
  /** The media type the body was sent as. */
  type?: string;
  /** The query string, validated against the route's `query` schema. */
  query: Record<string, string>;
}

export interface RouteContext {
  deps: ServerDeps;
  limits: ServerLimits;
  /** Every route of the app, for the document that describes them. */
  routes: readonly Route[];
}

/**
 * One operation: how the app registers it, and what /openapi.json says about it. The document
 * is built from these same objects, so it cannot leave a route out or describe another schema.
 */
export interface Route<Body = unknown> {
  method: Method;
  /** OpenAPI's form, `/v1/decisions/{id}`; the app registers it as `/v1/decisions/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The least role that may call it; `public` for the documentation. */
  role: Role | 'public';
  /** Query parameters (all strings), validated before the handler runs and listed in /openapi.json. */
  query?: TObject;
  request?: {
    /** A JSON body, validated against this schema before the handler runs. */
    json?: TSchema;
    /** Other media types the handler reads itself (`text/yaml`); buffered up to `limit`. */
    text?: readonly string[];
    /** Media types streamed to the handler unread (batches); the handler enforces `limit`. */
    stream?: readonly string[];
    limit: keyof ServerLimits;
    example?: unknown;
  };
  responses: Record<number, { description: string; schema?: TSchema; contentType?: string }>;
  handle(c: Context<ServerEnv>, input: RouteInput<Body>, context: RouteContext): Promise<Response> | Response;
}

/** `/v1/decisions/{id}` → `/v1/decisions/:id`. */
export const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** Whether a request path is one of the route's, whatever the method. */
export function pathMatcher(path: string): RegExp {
  const pattern = path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}
