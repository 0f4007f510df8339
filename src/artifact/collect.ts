import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, normalize, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { CheckedPolicy } from '../policy/check.js';
import { POLICY_FILE, TEST_FILE } from '../policy/files.js';
import { decodePolicyBytes, parsePolicyText } from '../policy/parse.js';
import { FILES_PREFIX, type ManifestBase, type ManifestPolicy, sha256Hex } from './manifest.js';

/** A file to pack: where it is on disk, and its name inside the artifact. */
export interface SourceFile {
  disk: string;
  name: string;
  bytes: Uint8Array;
}

export interface Collected {
  policies: ManifestPolicy[];
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

interface Member {
  disk: string;
  /** The name the checker showed for this file (a key of CheckedPolicy.sources). */
  shown: string;
  id: string;
  version: string;
}

/**
 * Every file the checked policies need: each policy, its bases (metadata.extends, followed to
 * the root) and its tests. Names inside the artifact are relative to the deepest directory
 * holding them all, so a copy of the same tree elsewhere packs under the same names.
 */
export async function collectFiles(checked: readonly CheckedPolicy[]): Promise<Collected> {
  const diagnostics: Diagnostic[] = [];
  const chains: { policy: Member; bases: Member[]; tests: string[] }[] = [];
  for (const result of checked) {
    const policy = member(result.file!, result.sources, diagnostics);
    if (!policy) continue;
    const bases: Member[] = [];
    let current: Member | undefined = policy;
    while (current) {
      const next = baseOf(current, result.sources);
      if (next === undefined) break;
      current = member(next, result.sources, diagnostics);
      if (current) bases.push(current);
    }
    chains.push({ policy, bases, tests: await testsBeside(policy.disk) });
  }
  const disks = new Set(chains.flatMap((c) => [c.policy.disk, ...c.bases.map((b) => b.disk), ...c.tests]));
  const root = commonDirectory([...disks]);
  const nameOf = (disk: string) => FILES_PREFIX + relative(root, disk).split(sep).join('/');
  const files: SourceFile[] = [];
  const bytesOf = new Map<string, Uint8Array>();
  for (const disk of [...disks].sort()) {
    const bytes = await readFile(disk).catch(() => undefined);
    if (!bytes) {
      diagnostics.push(
        diagnostic('TW1002', msg('artifact.unreadableWhilePacking', { file: disk }), { file: disk }),
      );
      continue;
    }
    bytesOf.set(disk, bytes);
    files.push({ disk, name: nameOf(disk), bytes });
  }
  // What is packed must be what was checked: a file edited between the two is refused.
  for (const chain of chains) {
    for (const m of [chain.policy, ...chain.bases]) {
      const bytes = bytesOf.get(m.disk);
      const checkedText = checked.find((c) => c.sources.has(m.shown))?.sources.get(m.shown);
      if (bytes && decodePolicyBytes(bytes, m.shown, Number.POSITIVE_INFINITY).text !== checkedText)
        diagnostics.push(
          diagnostic('TW1002', msg('artifact.changedWhilePacking', { file: m.shown }), {
            file: m.shown,
            help: msg('artifact.changedWhilePackingHelp'),
          }),
        );
    }
  }
  const policies = chains.map(({ policy, bases, tests }) => ({
    id: policy.id,
    version: policy.version,
    path: nameOf(policy.disk),
    sha256: sha256Hex(bytesOf.get(policy.disk) ?? new Uint8Array()),
    extends: bases.map((b): ManifestBase => ({ id: b.id, version: b.version, path: nameOf(b.disk) })),
    tests: tests.map(nameOf).sort(),
  }));
  return { policies, files, diagnostics };
}

function member(shown: string, sources: Map<string, string>, diagnostics: Diagnostic[]): Member | undefined {
  const text = sources.get(shown);
  const metadata = text === undefined ? undefined : metadataOf(text);
  if (!metadata) {
    // loadPolicy accepted this file, so its text and metadata are there; anything else is a bug.
    diagnostics.push(diagnostic('TW1002', msg('artifact.textNotAvailable', { file: shown })));
    return undefined;
  }
  return { disk: resolve(shown), shown, id: metadata.name, version: metadata.version };
}

/** The base the way src/policy/extends.ts names it: relative to the variant's name. */
function baseOf(variant: Member, sources: Map<string, string>): string | undefined {
  const base = metadataOf(sources.get(variant.shown) ?? '')?.extends;
  return base === undefined ? undefined : normalize(join(dirname(variant.shown), base));
}

function metadataOf(text: string): { name: string; version: string; extends?: string } | undefined {
  const value = parsePolicyText(text).value as { metadata?: Record<string, unknown> } | undefined;
  const m = value?.metadata;
  if (typeof m?.name !== 'string' || typeof m.version !== 'string') return undefined;
  return { name: m.name, version: m.version, extends: typeof m.extends === 'string' ? m.extends : undefined };
}

/** `retail.tier.yaml` owns `retail.test.yaml` and `retail.<anything>.test.yaml` beside it. */
async function testsBeside(policyPath: string): Promise<string[]> {
  const dir = dirname(policyPath);
  const stem = basename(policyPath).replace(POLICY_FILE, '');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && TEST_FILE.test(e.name))
    .filter((e) => e.name.replace(TEST_FILE, '') === stem || e.name.startsWith(`${stem}.`))
    .map((e) => join(dir, e.name))
    .sort();
}

function commonDirectory(paths: readonly string[]): string {
  const parts = paths.map((p) => dirname(p).split(sep));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let k = 0;
    while (k < n && k < p.length && p[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(sep) || sep;
}
