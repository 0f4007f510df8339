import type { MigrationOutcome } from './migrations/run.js';

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

/** A migration that did not finish, as the reason the store cannot open. */
export function failureOf(
  outcome: Exclude<MigrationOutcome, { ok: true }>,
  unavailable: 'cannot-open' | 'unreachable',
): OpenFailure {
  switch (outcome.problem) {
    case 'foreign':
      return { kind: 'foreign', detail: `tables ${outcome.tables.join(', ')}` };
    case 'newer':
      return { kind: 'newer', database: outcome.database, known: outcome.known };
    case 'unavailable':
      return { kind: unavailable, detail: outcome.detail };
    case 'failed':
      return { kind: 'migration', version: outcome.version, name: outcome.name, detail: outcome.detail };
  }
}
