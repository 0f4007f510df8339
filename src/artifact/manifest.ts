import { createHash } from 'node:crypto';
import { msg, type Text } from '../i18n/text.js';

/** Bumped only when an older `tierwise verify` could misread a newer artifact. */
export const ARTIFACT_FORMAT = 'tierwise-artifact/1';
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
/** Every packed file lives under this prefix, so no policy can shadow the manifest or signature. */
export const FILES_PREFIX = 'policy/';
export const ARTIFACT_SUFFIX = '.tierpkg.tgz';

export type BuildTimeSource = 'flag' | 'SOURCE_DATE_EPOCH' | 'git' | 'none';

export interface ManifestBase {
  id: string;
  version: string;
  path: string;
}

export interface ManifestPolicy {
  id: string;
  version: string;
  path: string;
  sha256: string;
  /** The base chain of a variant, nearest base first; empty for a policy that stands alone. */
  extends: ManifestBase[];
  /** The policy's tests (`<name>.test.yaml`, `<name>.*.test.yaml` beside it). */
  tests: string[];
}

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: string;
  tierwise: string;
  schema: string;
  policies: ManifestPolicy[];
  files: ManifestFile[];
  buildTime: string;
  buildTimeSource: BuildTimeSource;
  git?: { commit: string; dirty: boolean };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * JSON with keys sorted at every level, two-space indented, one trailing newline. The signature
 * covers these exact bytes, so one manifest has one spelling; verify refuses any other.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined)
      Object.defineProperty(out, key, { value: sortKeys(child), enumerable: true, writable: true });
  }
  return out;
}

const HEX64 = /^[0-9a-f]{64}$/;
const isString = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** The manifest's shape, checked by hand: a wrong shape is a reason to refuse, not a crash. */
export function manifestProblems(value: unknown): Text[] {
  if (!isRecord(value)) return [msg('artifact.notObject')];
  const problems: Text[] = [];
  const need = (ok: boolean, what: Text) => {
    if (!ok) problems.push(what);
  };
  need(
    value.format === ARTIFACT_FORMAT,
    value.format === undefined
      ? msg('artifact.missingField', { field: 'format' })
      : msg('artifact.badFormat', { json: JSON.stringify(value.format), format: ARTIFACT_FORMAT }),
  );
  need(isString(value.tierwise), msg('artifact.missingField', { field: 'tierwise' }));
  need(isString(value.schema), msg('artifact.missingField', { field: 'schema' }));
  need(
    isString(value.buildTime) && !Number.isNaN(Date.parse(value.buildTime)),
    msg('artifact.notADate', { field: 'buildTime' }),
  );
  need(
    ['flag', 'SOURCE_DATE_EPOCH', 'git', 'none'].includes(value.buildTimeSource as string),
    msg('artifact.notKnown', { field: 'buildTimeSource' }),
  );
  if (value.git !== undefined) {
    const git = value.git as Record<string, unknown>;
    need(
      isRecord(git) && isString(git.commit) && typeof git.dirty === 'boolean',
      msg('artifact.malformed', { field: 'git' }),
    );
  }
  const files = Array.isArray(value.files) ? value.files : undefined;
  need(files !== undefined, msg('artifact.notAList', { field: 'files' }));
  files?.forEach((f, i) => {
    const ok =
      isRecord(f) && isString(f.path) && HEX64.test(String(f.sha256)) && Number.isSafeInteger(f.size);
    need(ok && (f.size as number) >= 0, msg('artifact.fileMalformed', { index: i }));
  });
  const policies = Array.isArray(value.policies) ? value.policies : undefined;
  need(policies !== undefined && policies.length > 0, msg('artifact.noPolicies'));
  policies?.forEach((p, i) => {
    const ok =
      isRecord(p) &&
      isString(p.id) &&
      isString(p.version) &&
      isString(p.path) &&
      HEX64.test(String(p.sha256)) &&
      Array.isArray(p.extends) &&
      p.extends.every((b) => isRecord(b) && isString(b.id) && isString(b.version) && isString(b.path)) &&
      Array.isArray(p.tests) &&
      p.tests.every(isString);
    need(ok, msg('artifact.policyMalformed', { index: i }));
  });
  return problems;
}
