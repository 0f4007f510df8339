import { sign } from 'node:crypto';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { CheckOptions } from '../policy/check.js';
import { checkPaths } from '../policy/load.js';
import { SCHEMA_ID } from '../policy/schema/policy.js';
import { VERSION } from '../version.js';
import { collectFiles } from './collect.js';
import { keyFingerprint, readPrivateKey } from './keys.js';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_SUFFIX,
  canonicalJson,
  MANIFEST_ENTRY,
  type Manifest,
  SIGNATURE_ENTRY,
  sha256Hex,
} from './manifest.js';
import { chooseBuildTime, gitState } from './provenance.js';
import { packTarGz } from './tar.js';

export interface BuildOptions extends CheckOptions {
  /** --time: ISO 8601 with a zone, or seconds since 1970. */
  time?: string;
  /** PEM file of an Ed25519 private key; the artifact is signed with it. */
  signingKey?: string;
  env?: NodeJS.ProcessEnv;
}

export interface BuiltArtifact {
  bytes?: Uint8Array;
  manifest?: Manifest;
  /** `<id>-<version>.tierpkg.tgz` when the artifact holds one policy. */
  fileName?: string;
  /** Fingerprint of the signing key, when signed. */
  signedBy?: string;
  diagnostics: Diagnostic[];
  /** Texts of the checked policies, for code frames of their findings. */
  sources: Map<string, string>;
  /** The policy files that were checked. */
  files: string[];
}

/**
 * `tierwise build`: checks the policies under `paths` exactly as `tierwise check` does, and packs
 * the valid ones with their bases and tests into a reproducible, optionally signed .tgz.
 * Nothing is built when any policy has errors.
 */
export async function buildArtifact(
  paths: readonly string[],
  options: BuildOptions = {},
): Promise<BuiltArtifact> {
  const checked = await checkPaths(paths, options);
  const sources = new Map(checked.flatMap((c) => [...c.sources]));
  const files = checked.map((c) => c.file ?? '');
  const refuse = (diagnostics: Diagnostic[]): BuiltArtifact => ({ diagnostics, sources, files });
  const checkFindings = checked.flatMap((c) => c.diagnostics);
  if (checked.length === 0)
    return refuse([diagnostic('TW1002', msg('artifact.noPolicyFiles', { paths: [...paths] }))]);
  const broken = checked.filter((c) => !c.policy);
  if (broken.length > 0)
    return refuse([
      ...checkFindings,
      diagnostic('TW1002', msg('artifact.nothingBuilt', { broken: broken.length, total: checked.length }), {
        help: msg('artifact.nothingBuiltHelp'),
      }),
    ]);
  const duplicate = firstDuplicateId(checked.map((c) => c.policy!.metadata.name));
  if (duplicate)
    return refuse([
      ...checkFindings,
      diagnostic('TW1002', msg('artifact.duplicateName', { name: duplicate }), {
        help: msg('artifact.duplicateNameHelp'),
      }),
    ]);
  const signer = options.signingKey ? await readPrivateKey(options.signingKey) : undefined;
  if (signer && !signer.key) return refuse([...checkFindings, ...signer.diagnostics]);

  const collected = await collectFiles(checked);
  if (hasErrors(collected.diagnostics)) return refuse([...checkFindings, ...collected.diagnostics]);
  const disks = collected.files.map((f) => f.disk);
  const git = await gitState(dirname(disks[0]!), disks);
  const time = chooseBuildTime(options.time, options.env ?? process.env, git);
  if (hasErrors(time.diagnostics)) return refuse([...checkFindings, ...time.diagnostics]);

  const manifest: Manifest = {
    format: ARTIFACT_FORMAT,
    tierwise: VERSION,
    schema: SCHEMA_ID,
    policies: collected.policies,
    files: collected.files
      .map((f) => ({ path: f.name, sha256: sha256Hex(f.bytes), size: f.bytes.byteLength }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
    buildTime: time.time.toISOString().replace('.000Z', 'Z'),
    buildTimeSource: time.source,
    git: git ? { commit: git.commit, dirty: git.dirty } : undefined,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  const entries = [
    { name: MANIFEST_ENTRY, bytes: manifestBytes },
    ...collected.files.map((f) => ({ name: f.name, bytes: f.bytes })),
  ];
  if (signer?.key) {
    // Ed25519 signatures are deterministic, so a signed artifact is reproducible too.
    const signature = sign(null, manifestBytes, signer.key);
    entries.push({ name: SIGNATURE_ENTRY, bytes: Buffer.from(`${signature.toString('base64')}\n`) });
  }
  const only = manifest.policies.length === 1 ? manifest.policies[0] : undefined;
  return {
    bytes: await packTarGz(entries, time.time),
    manifest,
    fileName: only ? `${only.id}-${only.version}${ARTIFACT_SUFFIX}` : undefined,
    signedBy: signer?.key ? keyFingerprint(signer.key) : undefined,
    diagnostics: [...checkFindings, ...collected.diagnostics, ...time.diagnostics],
    sources,
    files,
  };
}

function firstDuplicateId(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
