import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep, win32 } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { rewriteTexts } from '../diagnostics/rewrite.js';
import { msg } from '../i18n/text.js';
import { type CheckedPolicy, type CheckOptions, checkPolicyText } from '../policy/check.js';
import { loadPolicy } from '../policy/load.js';
import { decodePolicyBytes, parsePolicyText } from '../policy/parse.js';
import { configuredVerifyKey } from './keys.js';
import type { Manifest, ManifestPolicy } from './manifest.js';
import { type SignatureStatus, verifyArtifact } from './verify.js';

export interface LoadFromOptions extends CheckOptions {
  /** PEM file of the Ed25519 public key; default $TIERWISE_VERIFY_KEY. With a key, only artifacts signed with it load. */
  key?: string;
  /** Which policy of an artifact that holds several (its metadata.name). */
  policy?: string;
  /** Refuse plain policy files too, so only verified artifacts run (for locked-down CI). */
  requireArtifact?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface LoadedPolicy extends CheckedPolicy {
  /** Set when the policy came from an artifact. */
  artifact?: {
    path: string;
    manifest: Manifest;
    policy: ManifestPolicy;
    signature: SignatureStatus;
    signedBy?: string;
  };
}

/**
 * What `eval`, `simulate` and `diff` call for `--policy PATH`: a plain policy file loads exactly
 * as loadPolicy loads it; an artifact (recognised by its gzip bytes, not its name) is verified
 * first — with a key configured an unsigned or wrongly signed one is refused — and the chosen
 * policy is then loaded from the verified bytes with every check `tierwise check` runs.
 * Files inside an artifact are named `ARTIFACT!policy/NAME.tier.yaml` in diagnostics.
 */
export async function loadPolicyFrom(path: string, options: LoadFromOptions = {}): Promise<LoadedPolicy> {
  const key = configuredVerifyKey(options.key, options.env);
  if (!(await isGzip(path))) {
    if (options.requireArtifact)
      return refused(path, [
        diagnostic('TW1010', msg('artifact.plainFileRefused', { path }), {
          file: path,
          help: msg('artifact.plainFileRefusedHelp'),
        }),
      ]);
    return loadPolicy(path, options);
  }
  const verified = await verifyArtifact(path, { key, maxBytes: options.maxBytes });
  if (!verified.ok || !verified.manifest) return refused(path, verified.diagnostics);
  const manifest = verified.manifest;
  const chosen = choosePolicy(manifest, options.policy, path);
  if ('diagnostic' in chosen) return refused(path, [...verified.diagnostics, chosen.diagnostic]);
  const loaded =
    chosen.policy.extends.length === 0
      ? loadStandalone(verified.files, chosen.policy, path, options)
      : await loadVariant(verified.files, chosen.policy, path, options);
  const mismatch =
    loaded.policy &&
    (loaded.policy.metadata.name !== chosen.policy.id ||
      loaded.policy.metadata.version !== chosen.policy.version);
  const extra = mismatch
    ? [
        diagnostic(
          'TW1006',
          msg('artifact.manifestNamesAnother', { id: chosen.policy.id, version: chosen.policy.version }),
          { file: `${path}!${chosen.policy.path}` },
        ),
      ]
    : [];
  return {
    ...loaded,
    policy: mismatch ? undefined : loaded.policy,
    diagnostics: [...verified.diagnostics, ...extra, ...loaded.diagnostics],
    artifact: {
      path,
      manifest,
      policy: chosen.policy,
      signature: verified.signature,
      signedBy: verified.signedBy,
    },
  };
}

function refused(path: string, diagnostics: Diagnostic[]): LoadedPolicy {
  return { file: path, diagnostics, sources: new Map() };
}

async function isGzip(path: string): Promise<boolean> {
  // Opening a FIFO blocks until a writer comes: only a regular file is opened; loadPolicy
  // refuses anything else with its own diagnostic.
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch {
    // A directory or unreadable file: loadPolicy reports it as it always does.
    return false;
  } finally {
    await handle.close();
  }
}

function choosePolicy(
  manifest: Manifest,
  id: string | undefined,
  path: string,
): { policy: ManifestPolicy } | { diagnostic: Diagnostic } {
  const policies = manifest.policies.map((p) => `${p.id} ${p.version}`);
  if (id === undefined) {
    if (manifest.policies.length === 1) return { policy: manifest.policies[0]! };
    return {
      diagnostic: diagnostic('TW1014', msg('artifact.whichPolicy', { path, n: manifest.policies.length }), {
        file: path,
        help: msg('artifact.whichPolicyHelp', { policies }),
      }),
    };
  }
  const found = manifest.policies.find((p) => p.id === id);
  if (found) return { policy: found };
  return {
    diagnostic: diagnostic('TW1014', msg('artifact.noSuchPolicy', { path, id }), {
      file: path,
      help: msg('artifact.noSuchPolicyHelp', { policies }),
    }),
  };
}

function loadStandalone(
  files: Map<string, Uint8Array>,
  entry: ManifestPolicy,
  artifact: string,
  options: CheckOptions,
): CheckedPolicy {
  const shown = `${artifact}!${entry.path}`;
  const decoded = decodePolicyBytes(files.get(entry.path)!, shown, options.maxBytes);
  if (decoded.text === undefined)
    return { file: shown, diagnostics: decoded.diagnostics, sources: new Map() };
  return checkPolicyText(decoded.text, shown);
}

/**
 * The base of a variant is resolved by src/policy/extends.ts, which reads it from disk; the
 * verified bytes are written to a private temporary directory for it, and every text it read
 * is compared with them afterwards, so nothing unverified can slip in between.
 */
async function loadVariant(
  files: Map<string, Uint8Array>,
  entry: ManifestPolicy,
  artifact: string,
  options: CheckOptions,
): Promise<CheckedPolicy> {
  const outside = baseOutside(files, entry.path);
  if (outside !== undefined)
    return {
      file: `${artifact}!${entry.path}`,
      diagnostics: [
        diagnostic('TW1007', msg('artifact.baseOutside', { base: outside }), {
          file: `${artifact}!${entry.path}`,
          help: msg('artifact.basesHelp'),
        }),
      ],
      sources: new Map(),
    };
  const root = await mkdtemp(join(tmpdir(), 'tierwise-artifact-'));
  try {
    for (const [name, bytes] of files) {
      const target = join(root, ...name.split('/'));
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(target, bytes, { flag: 'wx', mode: 0o600 });
    }
    // The artifact's files are the policy root: bases come from it and from nowhere else.
    const loaded = await loadPolicy(join(root, ...entry.path.split('/')), {
      ...options,
      policyRoots: [root],
    });
    const rename = (file: string) =>
      file.startsWith(root + sep) ? `${artifact}!${relative(root, file).split(sep).join('/')}` : file;
    const text = (s: string) => s.split(root + sep).join(`${artifact}!`);
    const sources = new Map([...loaded.sources].map(([file, source]) => [rename(file), source]));
    for (const [file, source] of sources) {
      const inside = file.startsWith(`${artifact}!`);
      const bytes = inside ? files.get(file.slice(artifact.length + 1)) : undefined;
      if (!bytes || decodePolicyBytes(bytes, file, Number.POSITIVE_INFINITY).text !== source)
        return {
          file: rename(loaded.file ?? ''),
          diagnostics: [
            diagnostic(
              'TW1007',
              bytes
                ? msg('artifact.changedOnDisk', { file })
                : msg('artifact.baseOutsideLoaded', { base: file }),
              { file: `${artifact}!${entry.path}`, help: msg('artifact.basesHelp') },
            ),
          ],
          sources: new Map(),
        };
    }
    return {
      ...loaded,
      file: loaded.file && rename(loaded.file),
      diagnostics: loaded.diagnostics.map((d) => ({
        ...rewriteTexts(d, text),
        file: d.file && rename(d.file),
      })),
      sources,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The first base in the chain that is not a verified file of the artifact (an absolute path, or
 * one climbing out with ..): checked before anything is read, so nothing outside is ever opened.
 */
function baseOutside(files: Map<string, Uint8Array>, start: string): string | undefined {
  const seen = new Set<string>();
  let current = start;
  while (!seen.has(current)) {
    seen.add(current);
    const text = new TextDecoder().decode(files.get(current));
    const value = parsePolicyText(text).value as { metadata?: { extends?: unknown } } | undefined;
    const base = value?.metadata?.extends;
    if (typeof base !== 'string') return undefined;
    if (posix.isAbsolute(base) || win32.isAbsolute(base) || base.includes('\\')) return base;
    const next = posix.normalize(posix.join(posix.dirname(current), base));
    if (!files.has(next)) return base;
    current = next;
  }
  // A cycle: loadPolicy reports it (TW0505) with the files involved.
  return undefined;
}
