import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { RawEntry } from './tar.js';

export interface CheckedEntries {
  /** Regular files with safe, unique names, within the size limit. */
  files: Map<string, Uint8Array>;
  /** Names refused here, so later checks do not also call them "missing". */
  rejected: Set<string>;
  diagnostics: Diagnostic[];
}

/**
 * Refuses every entry a careless extractor could be tricked by, even though tierwise itself
 * never writes entries where their names point: the same artifact may be unpacked by `tar`.
 */
export function checkEntries(
  entries: readonly RawEntry[],
  artifact: string,
  maxEntryBytes: number,
): CheckedEntries {
  const files = new Map<string, Uint8Array>();
  const rejected = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const folded = new Map<string, string>();
  for (const entry of entries) {
    const at = `${artifact}!${entry.name}`;
    const reject = (code: 'TW1003' | 'TW1004' | 'TW1005', message: string, help?: string) => {
      rejected.add(entry.name);
      files.delete(entry.name);
      diagnostics.push(diagnostic(code, message, { file: at, help }));
    };
    // tar writes a directory as `name/`; it is refused as a directory, not for its slash.
    const unsafe = unsafeName(entry.type === 'directory' ? entry.name.replace(/\/$/, '') : entry.name);
    if (unsafe) {
      reject(
        'TW1003',
        `entry ${JSON.stringify(entry.name)} ${unsafe}`,
        'an artifact holds only relative names inside it',
      );
      continue;
    }
    // Case-insensitive file systems (macOS, Windows) would unpack two such names onto one file.
    const key = entry.name.normalize('NFC').toLowerCase();
    const earlier = folded.get(key);
    if (earlier !== undefined) {
      reject(
        'TW1003',
        earlier === entry.name
          ? `entry ${entry.name} appears twice; a reader could take either copy`
          : `entries ${earlier} and ${entry.name} differ only in letter case or Unicode form`,
      );
      continue;
    }
    folded.set(key, entry.name);
    if (entry.type !== 'file') {
      const target = entry.linkname ? ` to ${entry.linkname}` : '';
      reject(
        'TW1004',
        `entry ${entry.name} is a ${entry.type}${target}, not a regular file`,
        'an artifact holds only regular files',
      );
      continue;
    }
    if (entry.size > maxEntryBytes || entry.bytes === undefined) {
      reject(
        'TW1005',
        `entry ${entry.name} is ${entry.size} bytes; the limit is ${maxEntryBytes}`,
        'raise it with --max-bytes if the file is meant to be this large',
      );
      continue;
    }
    files.set(entry.name, entry.bytes);
  }
  return { files, rejected, diagnostics };
}

/** Why a name is unsafe, or undefined for a plain relative path such as policy/a.tier.yaml. */
export function unsafeName(name: string): string | undefined {
  if (name.length === 0) return 'has an empty name';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'holds a control character';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'holds a backslash (a path separator on Windows)';
  const segments = name.split('/');
  if (segments.includes('..')) return 'climbs out of the artifact with ..';
  if (segments.some((s) => s === '' || s === '.')) return 'is not a normalised path (empty or . segment)';
  return undefined;
}
