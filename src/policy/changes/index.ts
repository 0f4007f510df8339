export { comparePolicies } from './compare.js';
export { renderSemverDiff, semverDiffJson, semverFindings } from './render.js';
export { isGitRevision, loadRevision, type Revision, type RevisionOptions } from './revision.js';
export { bumpLevel, compareVersions, parseVersion, suggestVersion, type Version } from './semver.js';
export {
  type ComparedSide,
  judgeChanges,
  type SemverDiff,
  type SemverStatus,
  semverDiff,
} from './semver-diff.js';
export { type Change, type ChangeKind, type ChangeReport, highestKind, KIND_RANK } from './types.js';
