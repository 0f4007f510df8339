import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
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
    const reject = (code: 'TW1003' | 'TW1004' | 'TW1005', message: Text, help?: Text) => {
      rejected.add(entry.name);
      files.delete(entry.name);
      diagnostics.push(diagnostic(code, message, { file: at, help }));
    };
    // tar writes a directory as `name/`; it is refused as a directory, not for its slash.
    const unsafe = unsafeName(entry.type === 'directory' ? entry.name.replace(/\/$/, '') : entry.name);
    if (unsafe) {
      reject(
        'TW1003',
        msg('artifact.unsafeEntry', { json: JSON.stringify(entry.name), why: unsafe }),
        msg('artifact.unsafeEntryHelp'),
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
          ? msg('artifact.entryTwice', { name: entry.name })
          : msg('artifact.entriesFold', { first: earlier, second: entry.name }),
      );
      continue;
    }
    folded.set(key, entry.name);
    if (entry.type !== 'file') {
      reject(
        'TW1004',
        msg('artifact.notRegular', {
          name: entry.name,
          type: entry.type,
          // Only a link points anywhere; other types may carry a stray link name.
          target: entry.type === 'symlink' || entry.type === 'link' ? entry.linkname || undefined : undefined,
        }),
        msg('artifact.notRegularHelp'),
      );
      continue;
    }
    if (entry.size > maxEntryBytes || entry.bytes === undefined) {
      reject(
        'TW1005',
        msg('artifact.entryTooLarge', { name: entry.name, size: entry.size, limit: maxEntryBytes }),
        msg('artifact.entryTooLargeHelp'),
      );
      continue;
    }
    files.set(entry.name, entry.bytes);
  }
  return { files, rejected, diagnostics };
}

/** Why a name is unsafe, or undefined for a plain relative path such as policy/a.tier.yaml. */
export function unsafeName(name: string): Text | undefined {
  if (name.length === 0) return msg('artifact.emptyName');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return msg('artifact.controlCharacter');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return msg('artifact.absolutePath');
  if (name.includes('\\')) return msg('artifact.backslash');
  const segments = name.split('/');
  if (segments.includes('..')) return msg('artifact.climbsOut');
  if (segments.some((s) => s === '' || s === '.')) return msg('artifact.notNormalised');
  return undefined;
}
