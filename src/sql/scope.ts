import type { Dialect } from './dialect.js';

/** How SQL holds a fact: dates are instants (epoch ms) and compare as numbers, as in JavaScript. */
export type Kind = 'number' | 'string' | 'boolean' | 'unknown';

export interface Column {
  sql: string;
  kind: Kind;
}

/** The columns a condition or an expression can read at one step of the query. */
export interface Scope {
  readonly dialect: Dialect;
  read(fact: string): Column;
}

/**
 * A part of the policy that SQL cannot reproduce exactly. Thrown while compiling and turned into
 * one diagnostic at its pointer, so a query is either exact or not written at all.
 */
export class Untranslatable extends Error {
  constructor(
    readonly what: string,
    readonly pointer: string,
  ) {
    super(what);
  }
}

export const NULL_COLUMN: Column = { sql: 'NULL', kind: 'unknown' };
