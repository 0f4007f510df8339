import type { Range } from '../../diagnostics/diagnostic.js';
import type { Text } from '../../i18n/text.js';

/** What a change to a policy asks of its version number, semver's three levels. */
export type ChangeKind = 'major' | 'minor' | 'patch';

export const KIND_RANK: Record<ChangeKind | 'none', number> = { none: 0, patch: 1, minor: 2, major: 3 };

export const KINDS: readonly ChangeKind[] = ['major', 'minor', 'patch'];

/** One difference between two effective policies, in the order a changelog lists them. */
export interface Change {
  kind: ChangeKind;
  /** Where the change stands in the new policy (for a removal: the nearest place that is left). */
  pointer: string;
  /** Where it stood in the old policy, when it did. */
  oldPointer?: string;
  /** e.g. "tier vip: minScore 90 → 85"; personal data already masked. */
  message: string;
  /** The message as a catalogue text, for readers of other languages (when asked for: semverDiff). */
  i18n?: Text;
  old?: unknown;
  new?: unknown;
  /** The new file's line:col, when the change was located. */
  file?: string;
  range?: Range;
}

export interface ChangeReport {
  /** The largest kind among the changes, or 'none' when the effective policies are the same. */
  level: ChangeKind | 'none';
  changes: Change[];
}

export function highestKind(kinds: Iterable<ChangeKind>): ChangeKind | 'none' {
  let level: ChangeKind | 'none' = 'none';
  for (const kind of kinds) if (KIND_RANK[kind] > KIND_RANK[level]) level = kind;
  return level;
}
