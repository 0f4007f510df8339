import type { Manifest, ManifestPolicy } from '../artifact/manifest.js';
import { sha256Hex } from '../artifact/manifest.js';
import { type VerifiedArtifact, verifyArtifactBytes } from '../artifact/verify.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { may } from './access.js';
import { type Checked, createChangeRequest, notRaised, transition } from './change-requests.js';
import { checkContent, defaultFileName, ownedIdentity } from './content.js';
import type { RegistryContext } from './context.js';
import { contentDigest } from './digest.js';
import { type Actor, isRefusal, type Outcome, type Refusal, type RefusalKind } from './outcome.js';
import type { ChangeRequestRecord } from './records.js';
import { refuse } from './refuse.js';

export interface ArtifactUpload {
  bytes: Uint8Array;
  /** How diagnostics name the artifact (the file name CI built); never used as a path. */
  name?: string;
}

export interface SubmittedArtifact {
  /** `sha256:<hex>` of the uploaded bytes, as recorded in each change request and the audit. */
  digest: string;
  /** Fingerprint of the trusted key the signature verified with. */
  signedBy: string;
  /** One change request in review per policy whose content differs from its latest version. */
  changeRequests: Checked<ChangeRequestRecord>[];
  /** Policies whose content is already the latest version: nothing to review. */
  unchanged: { policy: string; version: string }[];
  /** Policies whose content an open change request already proposes (CI ran twice): not proposed again. */
  pending: { policy: string; changeRequest: string }[];
}

const OPEN: readonly ChangeRequestRecord['state'][] = ['draft', 'in_review', 'approved'];

interface Planned {
  entry: ManifestPolicy;
  content: string;
}

/**
 * CI's way in: a signed artifact becomes change requests in review, authored by the token's
 * holder, and still needs a second person's approval and a publish (CI never bypasses four-eyes).
 * The signature must verify with one of the server's trusted keys; every policy is checked before
 * anything is written, so one bad policy refuses the whole artifact.
 */
export async function submitArtifact(
  ctx: RegistryContext,
  actor: Actor,
  upload: ArtifactUpload,
  trustedKeys: readonly string[],
): Promise<Outcome<SubmittedArtifact>> {
  const name = upload.name ?? 'artifact.tierpkg.tgz';
  if (trustedKeys.length === 0)
    return refuse('forbidden', 'TW1226', msg('registry.artifactNoKey'), {
      help: msg('registry.artifactNoKeyHelp'),
    });
  const denied = may(actor, 'submit');
  if (denied) return denied;
  const verified = await verifyWithAny(upload.bytes, name, trustedKeys);
  if (!verified.ok || !verified.manifest || verified.signature !== 'verified' || !verified.signedBy)
    return { refused: 'invalid', diagnostics: verified.diagnostics };
  const planned = await plan(ctx, actor, verified.manifest, verified.files, name);
  if (isRefusal(planned)) return planned;
  const digest = `sha256:${sha256Hex(upload.bytes)}`;
  const provenance = { digest, signedBy: verified.signedBy, manifest: verified.manifest };
  const changeRequests: Checked<ChangeRequestRecord>[] = [];
  for (const item of planned.changed) {
    const created = await createChangeRequest(ctx, actor, {
      content: item.content,
      title: `${item.entry.id} ${item.entry.version} (artifact ${digest.slice(0, 19)})`,
      description: describe(provenance, item.entry),
    });
    if (isRefusal(created)) return withCreated(created, changeRequests);
    const reason = `artifact ${digest} signed by ${verified.signedBy}`;
    const submitted = await transition(
      ctx,
      actor,
      created.value.id,
      'submit',
      created.value.revision,
      reason,
    );
    if (isRefusal(submitted)) return withCreated(submitted, [...changeRequests, created]);
    changeRequests.push(submitted);
  }
  return {
    digest,
    signedBy: verified.signedBy,
    changeRequests,
    unchanged: planned.unchanged,
    pending: planned.pending,
  };
}

/** The first verification that a trusted key passes; else why none did, naming no server paths. */
async function verifyWithAny(
  bytes: Uint8Array,
  name: string,
  keys: readonly string[],
): Promise<VerifiedArtifact> {
  let first: VerifiedArtifact | undefined;
  for (const key of keys) {
    const result = await verifyArtifactBytes(bytes, name, { key });
    if (result.signature === 'verified') return result;
    first ??= result;
  }
  const result = first!;
  const wrongKey = result.diagnostics.some((d) => d.code === 'TW1011');
  const diagnostics = result.diagnostics.filter((d) => d.code !== 'TW1011');
  if (wrongKey)
    diagnostics.unshift(
      diagnostic('TW1227', msg('registry.artifactUntrustedKey', { name, count: keys.length }), {
        file: name,
        help: msg('registry.artifactUntrustedKeyHelp'),
      }),
    );
  return { ...result, ok: false, diagnostics };
}

/** Checks every policy of the artifact, writing nothing: which change, which are already latest. */
async function plan(
  ctx: RegistryContext,
  actor: Actor,
  manifest: Manifest,
  files: Map<string, Uint8Array>,
  name: string,
): Promise<Refusal | (Pick<SubmittedArtifact, 'unchanged' | 'pending'> & { changed: Planned[] })> {
  const changed: Planned[] = [];
  const unchanged: SubmittedArtifact['unchanged'] = [];
  const pending: SubmittedArtifact['pending'] = [];
  const diagnostics: Diagnostic[] = [];
  let kind: RefusalKind = 'invalid';
  for (const [i, entry] of manifest.policies.entries()) {
    const content = decode(files.get(entry.path));
    const problems = await problemsOf(ctx, actor, entry, content ?? '');
    if (problems) {
      if (problems.refused === 'forbidden') kind = 'forbidden';
      diagnostics.push(
        diagnostic(
          'TW1228',
          msg('registry.artifactPolicyRefused', { id: entry.id, version: entry.version }),
          {
            file: `${name}!${entry.path}`,
            pointer: `/policies/${i}`,
          },
        ),
        ...problems.diagnostics,
      );
      continue;
    }
    const digest = contentDigest(content!);
    const latest = await ctx.store.read((r) => r.latestVersion(entry.id));
    const open = await ctx.store.read((r) => r.listChangeRequests({ policy: entry.id }));
    const proposed = open.find((cr) => cr.digest === digest && OPEN.includes(cr.state));
    if (latest?.digest === digest) unchanged.push({ policy: entry.id, version: latest.semver });
    else if (proposed) pending.push({ policy: entry.id, changeRequest: proposed.id });
    else changed.push({ entry, content: content! });
  }
  if (hasErrors(diagnostics)) return { refused: kind, diagnostics };
  return { changed, unchanged, pending };
}

/** What a submit would refuse, found before anything is written; undefined when it would pass. */
async function problemsOf(
  ctx: RegistryContext,
  actor: Actor,
  entry: ManifestPolicy,
  content: string,
): Promise<Refusal | undefined> {
  const owned = await ownedIdentity(ctx, actor, 'submit', content, entry.path);
  if ('refused' in owned) return owned;
  const { identity, existing } = owned;
  const latest = await ctx.store.read((r) => r.latestVersion(identity.name));
  if (latest?.digest === contentDigest(content)) return undefined;
  const checked = await checkContent(ctx, content, existing?.fileName ?? defaultFileName(identity.name));
  if (hasErrors(checked.diagnostics)) return { refused: 'invalid', diagnostics: checked.diagnostics };
  return notRaised(ctx, { policy: identity.name, content });
}

function decode(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Stored in the change request: where its content came from, for the reviewer and the audit. */
function describe(
  provenance: { digest: string; signedBy: string; manifest: Manifest },
  entry: ManifestPolicy,
): string {
  const { manifest } = provenance;
  return [
    `artifact: ${provenance.digest}`,
    `signed by: ${provenance.signedBy}`,
    `policy: ${entry.path} (sha256:${entry.sha256})`,
    `built: ${manifest.buildTime} by tierwise ${manifest.tierwise}`,
    ...(manifest.git ? [`git: ${manifest.git.commit}${manifest.git.dirty ? ' (dirty)' : ''}`] : []),
  ].join('\n');
}

/**
 * A write refused half-way (a concurrent change got there first): what was already created stays
 * in review and is named, so nothing is left unseen.
 */
function withCreated(refusal: Refusal, created: Checked<ChangeRequestRecord>[]): Refusal {
  if (created.length === 0) return refusal;
  return {
    ...refusal,
    diagnostics: [
      ...refusal.diagnostics,
      diagnostic('TW1229', msg('registry.artifactPartly', { ids: created.map((c) => c.value.id) }), {
        help: msg('registry.artifactPartlyHelp'),
      }),
    ],
  };
}
