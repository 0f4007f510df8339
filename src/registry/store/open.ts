import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import type { OpenFailure } from './failure.js';
import { parseLocation, passwordOf } from './location.js';
import type { PostgresOptions } from './postgres.js';
import { type SqliteOptions, SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type OpenStoreOptions = SqliteOptions & PostgresOptions;
export type OpenedStore = { store: Store } | { diagnostic: Diagnostic };

/**
 * The store behind `--db`: a file path (default ./tierwise.db) or `:memory:` is SQLite, a
 * `postgres://` or `postgresql://` URL is PostgreSQL. The schema is migrated on the way; a database
 * that is not ours, or that a newer tierwise migrated, is refused untouched. Every message shows
 * the location with its password masked.
 */
export async function openStore(location?: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const where = parseLocation(location);
  if (where.kind === 'unsupported')
    return {
      diagnostic: diagnostic('TW1250', msg('store.unsupportedLocation', { location: where.shown }), {
        help: msg('store.unsupportedLocationHelp'),
      }),
    };
  if (where.kind === 'sqlite') {
    const opened = await SqliteStore.open(where.path, options);
    return opened.ok ? { store: opened.store } : { diagnostic: failed(opened.failure, where.path) };
  }
  // pg loads only for a PostgreSQL store: most registries are SQLite files.
  const { PostgresStore } = await import('./postgres.js');
  const opened = await PostgresStore.open(where.url, options);
  if (opened.ok) return { store: opened.store };
  return { diagnostic: failed(scrub(opened.failure, passwordOf(where.url)), where.shown) };
}

/** A driver's message that quotes the URL or the password must not carry it into a diagnostic. */
function scrub(failure: OpenFailure, password: string | undefined): OpenFailure {
  if (!password || !('detail' in failure)) return failure;
  const secrets = [password, safeDecode(password)].filter((s) => s !== '');
  let detail = failure.detail;
  for (const secret of secrets) detail = detail.split(secret).join('***');
  return { ...failure, detail };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function failed(failure: OpenFailure, location: string): Diagnostic {
  switch (failure.kind) {
    case 'cannot-open':
      return diagnostic('TW1251', msg('store.cannotOpen', { path: location, detail: failure.detail }), {
        help: msg('store.cannotOpenHelp'),
      });
    case 'unreachable':
      return diagnostic('TW1252', msg('store.unreachable', { location, detail: failure.detail }), {
        help: msg('store.unreachableHelp'),
      });
    case 'refused':
      return diagnostic('TW1253', msg('store.refused', { location, detail: failure.detail }), {
        help: msg('store.refusedHelp'),
      });
    case 'foreign':
      return diagnostic('TW1254', msg('store.notTierwise', { location, detail: failure.detail }), {
        help: msg('store.notTierwiseHelp'),
      });
    case 'newer':
      return diagnostic(
        'TW1255',
        msg('store.newerSchema', { location, database: failure.database, known: failure.known }),
        { help: msg('store.newerSchemaHelp') },
      );
    case 'migration':
      return diagnostic(
        'TW1256',
        msg('store.migrationFailed', {
          location,
          version: failure.version,
          name: failure.name,
          detail: failure.detail,
        }),
        { help: msg('store.migrationFailedHelp') },
      );
  }
}
