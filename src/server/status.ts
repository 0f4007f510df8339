import type { RefusalKind } from '../registry/outcome.js';

/** The one place a refusal becomes an HTTP status. */
export const REFUSAL_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  stale: 412,
  'precondition-required': 428,
} as const satisfies Record<RefusalKind, number>;

/** Statuses the server itself answers with, beside the refusals' (OpenAPI lists them all). */
export const SERVER_STATUS = {
  methodNotAllowed: 405,
  tooLarge: 413,
  unsupportedType: 415,
  internal: 500,
  /** The registry's database cannot be reached now (a lost PostgreSQL connection): retry later. */
  unavailable: 503,
} as const;
