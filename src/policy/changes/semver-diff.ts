import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import type { Locator } from '../locate.js';
import type { Policy } from '../schema/policy.js';
import { comparePolicies } from './compare.js';
import { loadRevision, type RevisionOptions } from './revision.js';
import { bumpLevel, compareVersions, parseVersion, suggestVersion } from './semver.js';
import { type Change, type ChangeKind, type ChangeReport, KIND_RANK } from './types.js';

/**
 * - `ok`: the version allows every change (or nothing changed);
 * - `not-bumped`, `lowered`: a TW1101 / TW1102 finding says why;
 * - `new`: OLD is a git revision without the file, so there is nothing to hold the version to;
 * - `unreadable`: either side cannot be read or does not pass `tierwise check`.
 */
export type SemverStatus = 'ok' | 'not-bumped' | 'lowered' | 'new' | 'unreadable';

export interface SemverDiff {
  status: SemverStatus;
  old: { source: string; version?: string };
  new: { source: string; version?: string };
  /** The changes, located in the new file. Empty unless both sides were compared. */
  report: ChangeReport;
  /** The largest change the version step allows. */
  allowed?: ChangeKind | 'none';
  /** The smallest version that would allow the changes, when the version falls short. */
  suggested?: string;
  /** Findings about the version (TW1101, TW1102), or why a side cannot be read. */
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

const VERSION_POINTER = '/metadata/version';
const EXAMPLES_IN_HELP = 3;

/** `tierwise diff --semver OLD NEW`: what changed, what it asks of the version, and whether it got it. */
export async function semverDiff(
  oldSpec: string,
  newSpec: string,
  options: RevisionOptions = {},
): Promise<SemverDiff> {
  const after = await loadRevision(newSpec, options);
  const before = await loadRevision(oldSpec, options);
  const sources = new Map([...before.checked.sources, ...after.checked.sources]);
  const base = {
    old: { source: oldSpec, version: before.checked.policy?.metadata.version },
    new: { source: newSpec, version: after.checked.policy?.metadata.version },
    report: { level: 'none', changes: [] } as ChangeReport,
    sources,
  };
  if (!after.checked.policy) return { ...base, status: 'unreadable', diagnostics: after.checked.diagnostics };
  if (before.absent) return { ...base, status: 'new', diagnostics: [] };
  if (!before.checked.policy)
    return { ...base, status: 'unreadable', diagnostics: before.checked.diagnostics };

  return judgeChanges(
    { source: oldSpec, policy: before.checked.policy },
    { source: newSpec, policy: after.checked.policy, locator: after.locator },
    sources,
  );
}

/** One side of a comparison that reads: the effective policy, and where its pointers stand. */
export interface ComparedSide {
  source: string;
  policy: Policy;
  locator?: Locator;
}

/**
 * The changes between two effective policies, what they ask of the version and whether the new
 * version gives it: what `tierwise diff --semver` reports, for sides read from anywhere (files,
 * git revisions, the registry's versions and change requests).
 */
export function judgeChanges(
  before: ComparedSide,
  after: ComparedSide,
  sources: Map<string, string> = new Map(),
): SemverDiff {
  const compared = comparePolicies(before.policy, after.policy, { i18n: true });
  const report = { ...compared, changes: compared.changes.map((c) => located(c, after.locator)) };
  const oldVersion = parseVersion(before.policy.metadata.version)!;
  const newVersion = parseVersion(after.policy.metadata.version)!;
  const allowed = bumpLevel(oldVersion, newVersion);
  const at = { pointer: VERSION_POINTER, ...after.locator?.locate(VERSION_POINTER) };
  const result = {
    old: { source: before.source, version: before.policy.metadata.version },
    new: { source: after.source, version: after.policy.metadata.version },
    sources,
    report,
    allowed,
  };

  if (compareVersions(newVersion, oldVersion) < 0) {
    const finding = diagnostic(
      'TW1102',
      msg('changes.lowered', { version: newVersion.text, old: oldVersion.text, source: before.source }),
      { ...at, help: msg('changes.loweredHelp', { old: oldVersion.text }) },
    );
    return { ...result, status: 'lowered', diagnostics: [finding] };
  }
  const needed = report.level;
  if (needed === 'none' || KIND_RANK[allowed] >= KIND_RANK[needed])
    return { ...result, status: 'ok', diagnostics: [] };
  const suggested = suggestVersion(oldVersion, needed);
  const step =
    allowed === 'none'
      ? msg('changes.stays', { version: newVersion.text })
      : msg('changes.allows', { old: oldVersion.text, new: newVersion.text, allowed });
  const examples = report.changes.filter((c) => c.kind === needed).map((c) => c.i18n ?? c.message);
  const finding = diagnostic('TW1101', msg('changes.notBumped', { step, needed }), {
    ...at,
    help: msg('changes.notBumpedHelp', {
      suggested,
      needed,
      examples: examples.slice(0, EXAMPLES_IN_HELP),
      more: Math.max(0, examples.length - EXAMPLES_IN_HELP),
    }),
  });
  return { ...result, status: 'not-bumped', suggested, diagnostics: [finding] };
}

function located(change: Change, locator: Locator | undefined): Change {
  const found = locator?.locate(change.pointer);
  if (!found?.file) return change;
  return { ...change, file: found.file, ...(found.range ? { range: found.range } : {}) };
}
