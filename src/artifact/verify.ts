import { verify as verifySignature } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { jsonSyntaxFault, positionOf } from '../data/json-syntax.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { systemReason } from '../diagnostics/system-error.js';
import { msg, type Text } from '../i18n/text.js';
import { DEFAULT_MAX_BYTES } from '../policy/parse.js';
import { checkEntries } from './entries.js';
import { keyFingerprint, readPublicKey, VERIFY_KEY_ENV } from './keys.js';
import {
  canonicalJson,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  type Manifest,
  manifestProblems,
  SIGNATURE_ENTRY,
  sha256Hex,
} from './manifest.js';
import { unpackTarGz } from './tar.js';

/** A policy artifact is a few hundred KiB at most; these bounds stop a hostile one early. */
const MAX_ARTIFACT_BYTES = 16 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const SIGNATURE_TEXT = /^[A-Za-z0-9+/]{86}==\n?$/;

export interface VerifyOptions {
  /** PEM file of the Ed25519 public key. When set, a missing or bad signature is an error. */
  key?: string;
  /** Largest entry accepted, in bytes (default: the policy file limit, 1 MiB). */
  maxBytes?: number;
}

export type SignatureStatus = 'verified' | 'failed' | 'not-checked';

export interface VerifiedArtifact {
  /** No errors: every file matches the manifest, and the signature verified if a key was given. */
  ok: boolean;
  manifest?: Manifest;
  /** The packed files (under policy/) whose bytes match the manifest. */
  files: Map<string, Uint8Array>;
  signature: SignatureStatus;
  /** Whether the artifact carries a manifest.sig at all (checked or not). */
  signed: boolean;
  /** Fingerprint of the key the signature verified with. */
  signedBy?: string;
  diagnostics: Diagnostic[];
}

/** `tierwise verify`: reads an artifact and checks it completely; see verifyArtifactBytes. */
export async function verifyArtifact(path: string, options: VerifyOptions = {}): Promise<VerifiedArtifact> {
  const failed = (reason: Text): VerifiedArtifact => ({
    ok: false,
    files: new Map(),
    signature: 'failed',
    signed: false,
    diagnostics: [diagnostic('TW1001', msg('artifact.cannotRead', { path, reason }), { file: path })],
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return failed(msg('artifact.notAFile'));
    if (info.size > MAX_ARTIFACT_BYTES)
      return failed(msg('artifact.tooLarge', { size: info.size, limit: MAX_ARTIFACT_BYTES }));
    bytes = await readFile(path);
  } catch (error) {
    return failed(systemReason(error));
  }
  return verifyArtifactBytes(bytes, path, options);
}

/**
 * Every check runs, whatever the others found, and none depends on a field of the artifact
 * being present: the key alone decides whether a signature is required (OPA's GHSA-g2pf-6v5v-qcc8
 * skipped verification when an optional field was absent).
 */
export async function verifyArtifactBytes(
  bytes: Uint8Array,
  name: string,
  options: VerifyOptions = {},
): Promise<VerifiedArtifact> {
  const diagnostics: Diagnostic[] = [];
  const key = options.key ? await readPublicKey(options.key) : undefined;
  if (key) diagnostics.push(...key.diagnostics);
  const maxEntryBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const unpacked = await unpackTarGz(bytes, {
    maxTotalBytes: MAX_UNPACKED_BYTES,
    maxEntryBytes,
    maxEntries: MAX_ENTRIES,
  });
  if ('error' in unpacked) {
    diagnostics.push(
      diagnostic('TW1001', msg('artifact.cannotRead', { path: name, reason: unpacked.error }), {
        file: name,
      }),
    );
    return {
      ok: false,
      files: new Map(),
      signature: key ? 'failed' : 'not-checked',
      signed: false,
      diagnostics,
    };
  }
  const entries = checkEntries(unpacked.entries, name, maxEntryBytes);
  diagnostics.push(...entries.diagnostics);

  const manifestBytes = entries.files.get(MANIFEST_ENTRY);
  const manifest = manifestBytes ? readManifest(manifestBytes, name, diagnostics) : undefined;
  if (!manifestBytes && !entries.rejected.has(MANIFEST_ENTRY))
    diagnostics.push(
      diagnostic('TW1006', msg('artifact.noManifest', { name, manifest: MANIFEST_ENTRY }), {
        file: name,
        help: msg('artifact.noManifestHelp'),
      }),
    );

  const signatureBytes = entries.files.get(SIGNATURE_ENTRY);
  let signature: SignatureStatus = 'not-checked';
  let signedBy: string | undefined;
  if (options.key) {
    signature = 'failed';
    if (!signatureBytes) {
      if (!entries.rejected.has(SIGNATURE_ENTRY))
        diagnostics.push(
          diagnostic('TW1010', msg('artifact.notSigned', { name }), {
            file: name,
            help: msg('artifact.notSignedHelp'),
          }),
        );
    } else if (key?.key && manifestBytes) {
      if (checkSignature(signatureBytes, manifestBytes, key.key)) {
        signature = 'verified';
        signedBy = keyFingerprint(key.key);
      } else
        diagnostics.push(
          diagnostic('TW1011', msg('artifact.badSignature', { key: options.key }), {
            file: `${name}!${SIGNATURE_ENTRY}`,
            help: msg('artifact.badSignatureHelp'),
          }),
        );
    }
  } else {
    diagnostics.push(
      diagnostic('TW1013', msg('artifact.notChecked', { name, signed: signatureBytes !== undefined }), {
        file: name,
        help: msg('artifact.notCheckedHelp', { env: VERIFY_KEY_ENV }),
      }),
    );
  }

  const files = manifest
    ? matchFiles(manifest, entries.files, entries.rejected, name, diagnostics)
    : new Map();
  return {
    ok: !hasErrors(diagnostics),
    manifest,
    files,
    signature,
    signed: signatureBytes !== undefined,
    signedBy,
    diagnostics,
  };
}

function readManifest(bytes: Uint8Array, name: string, diagnostics: Diagnostic[]): Manifest | undefined {
  const at = `${name}!${MANIFEST_ENTRY}`;
  const bad = (problem: Text, help?: Text) => {
    diagnostics.push(diagnostic('TW1006', problem, { file: at, help }));
    return undefined;
  };
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bad(msg('artifact.manifestNotUtf8', { manifest: MANIFEST_ENTRY }));
  }
  try {
    value = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the fault; only the position is passed on.
    const fault = jsonSyntaxFault(text);
    const at = fault && positionOf(text, fault.offset);
    return bad(
      msg('artifact.manifestNotJson', { manifest: MANIFEST_ENTRY, line: at?.line, column: at?.column }),
    );
  }
  const problems = manifestProblems(value);
  if (problems.length > 0)
    return bad(msg('artifact.manifestMalformed', { manifest: MANIFEST_ENTRY, problems }));
  // One manifest, one spelling: otherwise two readers of the signed bytes could see two manifests.
  if (canonicalJson(value) !== text)
    return bad(
      msg('artifact.manifestNotCanonical', { manifest: MANIFEST_ENTRY }),
      msg('artifact.manifestNotCanonicalHelp'),
    );
  return value as Manifest;
}

function checkSignature(
  signature: Uint8Array,
  manifest: Uint8Array,
  key: import('node:crypto').KeyObject,
): boolean {
  const text = Buffer.from(signature).toString('latin1');
  if (!SIGNATURE_TEXT.test(text)) return false;
  return verifySignature(null, manifest, key, Buffer.from(text.trim(), 'base64'));
}

/** Each listed file is present with its size and hash; nothing unlisted is present. */
function matchFiles(
  manifest: Manifest,
  present: Map<string, Uint8Array>,
  rejected: Set<string>,
  name: string,
  diagnostics: Diagnostic[],
): Map<string, Uint8Array> {
  const matched = new Map<string, Uint8Array>();
  const listed = new Set<string>();
  manifest.files.forEach((file, i) => {
    const at = `${name}!${file.path}`;
    const pointer = `/files/${i}`;
    if (!file.path.startsWith(FILES_PREFIX) || listed.has(file.path)) {
      diagnostics.push(
        diagnostic(
          'TW1006',
          msg('artifact.listedTwice', { manifest: MANIFEST_ENTRY, path: file.path, prefix: FILES_PREFIX }),
          {
            file: at,
            pointer,
          },
        ),
      );
      return;
    }
    listed.add(file.path);
    const bytes = present.get(file.path);
    if (!bytes) {
      if (!rejected.has(file.path))
        diagnostics.push(
          diagnostic('TW1009', msg('artifact.listedMissing', { path: file.path }), {
            file: at,
            pointer,
          }),
        );
      return;
    }
    const sha256 = sha256Hex(bytes);
    if (bytes.byteLength !== file.size || sha256 !== file.sha256) {
      diagnostics.push(
        diagnostic(
          'TW1007',
          msg('artifact.fileMismatch', {
            path: file.path,
            size: bytes.byteLength,
            sha256,
            listedSize: file.size,
            listedSha256: file.sha256,
          }),
          { file: at, pointer, help: msg('artifact.fileMismatchHelp') },
        ),
      );
      return;
    }
    matched.set(file.path, bytes);
  });
  for (const path of present.keys()) {
    if (path === MANIFEST_ENTRY || path === SIGNATURE_ENTRY || listed.has(path)) continue;
    diagnostics.push(
      diagnostic('TW1008', msg('artifact.unlisted', { path }), {
        file: `${name}!${path}`,
        help: msg('artifact.unlistedHelp'),
      }),
    );
  }
  const sha = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  manifest.policies.forEach((policy, i) => {
    const referenced = [policy.path, ...policy.extends.map((b) => b.path), ...policy.tests];
    const missing = referenced.filter((p) => !sha.has(p));
    if (missing.length > 0 || sha.get(policy.path) !== policy.sha256)
      diagnostics.push(
        diagnostic('TW1006', msg('artifact.policyDisagrees', { manifest: MANIFEST_ENTRY, id: policy.id }), {
          file: `${name}!${MANIFEST_ENTRY}`,
          pointer: `/policies/${i}`,
          help:
            missing.length > 0 ? msg('artifact.notInFiles', { paths: missing }) : msg('artifact.shaDiffers'),
        }),
      );
  });
  return matched;
}
