/** Where the store lives, as `--db` gives it. */
export type StoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; shown: string }
  | { kind: 'unsupported'; shown: string };

export const DEFAULT_LOCATION = './tierwise.db';

/**
 * A `postgres://` or `postgresql://` URL is PostgreSQL; any other `scheme://` is refused rather than
 * taken for a file name; everything else (a path, `:memory:`) is a SQLite file.
 */
export function parseLocation(location: string | undefined): StoreLocation {
  const given = location?.trim() || DEFAULT_LOCATION;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', path: given };
  const shown = maskPassword(given);
  if (scheme !== 'postgres' && scheme !== 'postgresql') return { kind: 'unsupported', shown };
  try {
    new URL(given);
  } catch {
    return { kind: 'unsupported', shown };
  }
  return { kind: 'postgres', url: given, shown };
}

/**
 * The URL with its password replaced by `***`, for every message and log line. Done on the text
 * (not through URL) so that a URL too malformed to parse is masked as well.
 */
export function maskPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#]*@/i, '$1:***@');
}

/** The password as written in the URL (percent-encoded or not), to scrub from a driver's message. */
export function passwordOf(url: string): string | undefined {
  const written = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:([^/?#]*)@/i.exec(url)?.[1];
  return written === undefined || written === '' ? undefined : written;
}
