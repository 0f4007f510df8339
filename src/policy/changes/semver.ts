import { type ChangeKind, highestKind, KIND_RANK } from './types.js';

/** A semantic version (semver.org 2.0.0). Build metadata is kept for display but never compared. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
  text: string;
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function parseVersion(text: string): Version | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  const prerelease = m[4] === undefined ? [] : m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease, text };
}

/** Precedence as semver.org §11: a pre-release sorts before its release; build metadata is ignored. */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    // Numeric identifiers sort below alphanumeric ones.
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

type Component = 'major' | 'minor' | 'patch';

/**
 * How much a version component's increase promises, below 1.0.0. We follow Cargo's reading of
 * semver (which npm's caret ranges share): in 0.y.z the minor number is the breaking one and the
 * patch number carries additions, and in 0.0.z every release may break. The baseline is the
 * older version's core, since that is the line whose users the promise is made to.
 */
function levelOf(component: Component, base: Version): ChangeKind {
  if (component === 'major' || base.major > 0) return component;
  if (component === 'minor') return 'major';
  return base.minor === 0 ? 'major' : 'minor';
}

/** The largest change a pre-release's own core stands for: 2.0.0-rc.1 is heading for a major release. */
function componentOfCore(v: Version): Component {
  if (v.patch > 0) return 'patch';
  if (v.minor > 0) return 'minor';
  return 'major';
}

function raisedComponent(from: Version, to: Version): Component | undefined {
  if (to.major > from.major) return 'major';
  if (to.major === from.major && to.minor > from.minor) return 'minor';
  if (to.major === from.major && to.minor === from.minor && to.patch > from.patch) return 'patch';
  return undefined;
}

/**
 * The largest change the step from `from` to `to` allows, or 'none' when `to` is not higher.
 * Leaving a pre-release keeps what its core already stands for: from 2.0.0-rc.1, both 2.0.0-rc.2
 * and 2.0.0 may carry a major change, while 1.3.0-beta.1 → 1.3.0-beta.2 may carry a minor one only.
 */
export function bumpLevel(from: Version, to: Version): ChangeKind | 'none' {
  if (compareVersions(to, from) <= 0) return 'none';
  const raised = raisedComponent(from, to);
  const levels: ChangeKind[] = [];
  if (raised) levels.push(levelOf(raised, from));
  if (from.prerelease.length > 0) levels.push(levelOf(componentOfCore(from), from));
  return highestKind(levels);
}

/** The smallest version that allows a change of this kind, for the help line. */
export function suggestVersion(from: Version, needed: ChangeKind): string {
  const { major, minor, patch } = from;
  const candidates = [
    ...(from.prerelease.length > 0 ? [`${major}.${minor}.${patch}`] : []),
    `${major}.${minor}.${patch + 1}`,
    `${major}.${minor + 1}.0`,
    `${major + 1}.0.0`,
  ];
  const fits = (text: string) => {
    const level = bumpLevel(from, parseVersion(text)!);
    return level !== 'none' && KIND_RANK[level] >= KIND_RANK[needed];
  };
  return candidates.find(fits) ?? `${major + 1}.0.0`;
}
