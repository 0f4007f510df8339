/**
 * The registry's store (src/registry/store): opening the database behind `--db`. Paths, URLs (their
 * password masked) and the database's own words arrive as they are.
 */
export const store = {
  unsupportedLocation: (p: { location: string }) =>
    `${p.location} is neither a file path nor a postgres:// URL`,
  unsupportedLocationHelp:
    'give a SQLite file (./tierwise.db, the default), :memory:, or postgres://user@host:5432/database',
  cannotOpen: (p: { path: string; detail: string }) =>
    `cannot open or create the database file ${p.path}: ${p.detail}`,
  cannotOpenHelp: 'check that the directory exists and that tierwise may write to it',
  unreachable: (p: { location: string; detail: string }) =>
    `cannot reach the PostgreSQL server of ${p.location}: ${p.detail}`,
  unreachableHelp:
    'check the host and port, and that the server runs and accepts connections from this machine',
  refused: (p: { location: string; detail: string }) =>
    `the PostgreSQL server of ${p.location} refused the connection: ${p.detail}`,
  refusedHelp: 'check the user, the password and the database name in the URL, and that the database exists',
  notTierwise: (p: { location: string; detail: string }) =>
    `${p.location} is not a tierwise database (${p.detail})`,
  notTierwiseHelp:
    'name a new file or an empty database: tierwise never changes a database it did not create',
  newerSchema: (p: { location: string; database: number; known: number }) =>
    `${p.location} has schema version ${p.database}, newer than this tierwise knows (${p.known})`,
  newerSchemaHelp:
    'run a tierwise at least as new as the one that last opened it; the database was not touched',
  migrationFailed: (p: { location: string; version: number; name: string; detail: string }) =>
    `cannot bring ${p.location} to schema version ${p.version} (${p.name}): ${p.detail}`,
  migrationFailedHelp: 'nothing of that step was applied; remove the cause and start tierwise again',
};
