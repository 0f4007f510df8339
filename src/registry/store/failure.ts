/**
 * Why a store could not be opened, as data: open.ts turns it into a diagnostic. `detail` is the
 * database's own words, already free of passwords.
 */
export type OpenFailure =
  | { kind: 'cannot-open'; detail: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'refused'; detail: string }
  | { kind: 'foreign'; detail: string }
  | { kind: 'newer'; database: number; known: number }
  | { kind: 'migration'; version: number; name: string; detail: string };

export type Opened<S> = { ok: true; store: S } | { ok: false; failure: OpenFailure };
