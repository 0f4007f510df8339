/** A column value as both databases hand it back once normalised (JSON as text, integers as numbers). */
export type Value = string | number | null;
export type Row = Record<string, Value>;

/**
 * What the shared queries need of a connection inside a transaction. Statements are written with
 * `?` placeholders; the PostgreSQL executor numbers them. A database error is thrown as it came;
 * `isConflict` tells a broken uniqueness, check or foreign-key rule from anything else.
 */
export interface Executor {
  all(sql: string, params?: readonly Value[]): Promise<Row[]>;
  /** Returns how many rows the statement changed. */
  run(sql: string, params?: readonly Value[]): Promise<number>;
  isConflict(error: unknown): boolean;
}

export async function one(ex: Executor, sql: string, params?: readonly Value[]): Promise<Row | undefined> {
  return (await ex.all(sql, params))[0];
}
