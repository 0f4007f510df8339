import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { rewriteTexts } from '../../diagnostics/rewrite.js';
import { msg, type Text } from '../../i18n/text.js';
import { type CheckedPolicy, type CheckOptions, parsePolicy } from '../check.js';
import { resolveExtends } from '../extends.js';
import { loadPolicy } from '../load.js';
import type { Locator } from '../locate.js';
import { parsePolicyText } from '../parse.js';

/** A policy as one side of a comparison: from a file, or from a git revision (`REF:path`). */
export interface Revision {
  /** As the user named it: `policies/x.tier.yaml` or `origin/main:policies/x.tier.yaml`. */
  label: string;
  checked: CheckedPolicy;
  /** Where each pointer of the effective policy stands, for findings at the file's line:col. */
  locator?: Locator;
  /** A git revision that exists but has no such file: the policy is new. */
  absent?: boolean;
}

export interface RevisionOptions extends CheckOptions {
  /** The directory git runs in and relative paths start from; default the process's. */
  cwd?: string;
}

/** Same depth as extends.ts allows, so a chain git can give is one loadPolicy accepts. */
const MAX_BASES = 8;

/** `REF:path` when it is not a file (a Windows drive letter `C:\` is a path, not a revision). */
export function isGitRevision(spec: string, cwd = '.'): boolean {
  const colon = spec.indexOf(':');
  if (colon <= 0 || /^[A-Za-z]:[\\/]/.test(spec)) return false;
  return !existsSync(resolve(cwd, spec));
}

export async function loadRevision(spec: string, options: RevisionOptions = {}): Promise<Revision> {
  if (isGitRevision(spec, options.cwd)) return loadFromGit(spec, options);
  const path = options.cwd ? resolve(options.cwd, spec) : spec;
  const checked = relabel(await loadPolicy(path, options), path, spec);
  return { label: spec, checked, locator: await locatorOf(checked, path, spec, options) };
}

/**
 * The file as the revision holds it, with the bases it extends, written under a temporary
 * directory at their paths in the repository, so extends.ts resolves bases exactly as in a work tree.
 */
async function loadFromGit(spec: string, options: RevisionOptions): Promise<Revision> {
  const cwd = options.cwd ?? '.';
  const colon = spec.indexOf(':');
  const ref = spec.slice(0, colon);
  const unreadable = (reason: Text): Revision => ({
    label: spec,
    checked: {
      file: spec,
      diagnostics: [diagnostic('TW0001', msg('parse.cannotRead', { path: spec, reason }), { file: spec })],
      sources: new Map(),
    },
  });
  if ((await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) === undefined)
    return unreadable(msg('changes.notARevision', { ref }));
  const prefix = (await git(cwd, ['rev-parse', '--show-prefix']))?.toString('utf8').trim() ?? '';
  const given = spec.slice(colon + 1);
  // git reads `REF:./x` from the working directory and `REF:x` from the repository's root.
  const inRepo = posix.normalize(/^\.\.?\//.test(given) ? posix.join(prefix, given) : given);
  if ((await git(cwd, ['cat-file', '-e', `${ref}:${inRepo}`])) === undefined)
    return { label: spec, checked: { file: spec, diagnostics: [], sources: new Map() }, absent: true };
  const root = await mkdtemp(join(tmpdir(), 'tierwise-rev-'));
  try {
    let path: string | undefined = inRepo;
    for (let depth = 0; path !== undefined && depth <= MAX_BASES; depth++) {
      const bytes = await git(cwd, ['show', `${ref}:${path}`]);
      if (bytes === undefined) break;
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), bytes);
      path = baseOf(bytes, path);
    }
    const file = join(root, inRepo);
    const shown = (text: string) => text.replaceAll(`${root}${sep}`, `${ref}:`).replaceAll(sep, '/');
    // The revision's repository is the policy root: bases come from it and from nowhere else.
    const inRevision = { ...options, policyRoots: [root] };
    const checked = relabel(await loadPolicy(file, inRevision), file, spec, shown);
    return { label: spec, checked, locator: await locatorOf(checked, file, spec, inRevision, shown) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function baseOf(bytes: Buffer, path: string): string | undefined {
  // A base that does not parse is loadPolicy's to report, with its line and column.
  const value = parsePolicyText(bytes.toString('utf8')).value as
    | { metadata?: { extends?: unknown } }
    | undefined;
  const base = value?.metadata?.extends;
  return typeof base === 'string' ? posix.normalize(posix.join(posix.dirname(path), base)) : undefined;
}

/** Names files the way the user named them, in findings and in the sources of code frames. */
function relabel(
  checked: CheckedPolicy,
  path: string,
  label: string,
  shown: (text: string) => string = (t) => t,
): CheckedPolicy {
  const name = (file: string) => (file === path ? label : shown(file));
  const diagnostics = checked.diagnostics.map(
    (d): Diagnostic => ({
      ...rewriteTexts(d, shown),
      ...(d.file === undefined ? {} : { file: name(d.file) }),
    }),
  );
  const sources = new Map([...checked.sources].map(([file, text]) => [name(file), text]));
  return { ...checked, file: label, diagnostics, sources };
}

/** loadPolicy keeps no locator, so the effective policy's places are found again from its text. */
async function locatorOf(
  checked: CheckedPolicy,
  path: string,
  label: string,
  options: CheckOptions,
  shown: (text: string) => string = (t) => t,
): Promise<Locator | undefined> {
  const text = checked.sources.get(label);
  if (!checked.policy || text === undefined) return undefined;
  let parsed = parsePolicy(text, path);
  if (parsed.document?.metadata.extends) parsed = await resolveExtends(parsed, resolve(path), options);
  const { locator } = parsed;
  return {
    locate: (pointer, part) => {
      const found = locator.locate(pointer, part);
      return {
        ...found,
        ...(found.file === undefined ? {} : { file: found.file === path ? label : shown(found.file) }),
      };
    },
  };
}

function git(cwd: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((done) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => done(error ? undefined : stdout),
    );
  });
}
