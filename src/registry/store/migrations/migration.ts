/**
 * One step of a store's schema. Versions count 1, 2, 3…; a step, once released, is never edited:
 * a change is a new step. Each runs in its own transaction and is recorded in schema_migrations.
 */
export interface Migration {
  version: number;
  name: string;
  /** Statements separated by semicolons, run as one script. */
  sql: string;
}
