import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/text.js';
import { compareVersions, parseVersion } from '../policy/changes/semver.js';
import { ACTIONS, may } from './access.js';
import { checkContent, contentRefusal, defaultFileName, identityOf, ownedIdentity } from './content.js';
import { audit, nowText, type RegistryContext } from './context.js';
import { contentDigest } from './digest.js';
import { type Actor, isRefusal, type Outcome, type Refusal } from './outcome.js';
import type { ChangeRequestRecord, ChangeRequestState, VersionRecord } from './records.js';
import { checkRevision, notFound, refuse, wrongState } from './refuse.js';
import type { StoreReader } from './store/store.js';

export interface Draft {
  content: string;
  title: string;
  description?: string;
  /** The version the draft starts from; the policy's latest when not given. */
  baseVersion?: string;
}

/** A change request with what the checks say about its content now. */
export interface Checked<T> {
  value: T;
  diagnostics: Diagnostic[];
}

async function fileNameFor(ctx: RegistryContext, policy: string): Promise<string> {
  return (await ctx.store.read((r) => r.getPolicy(policy)))?.fileName ?? defaultFileName(policy);
}

/** A new change request, as a draft: its content may still hold errors, but it must name its policy. */
export async function createChangeRequest(
  ctx: RegistryContext,
  actor: Actor,
  draft: Draft,
): Promise<Outcome<Checked<ChangeRequestRecord>>> {
  const owned = await ownedIdentity(ctx, actor, 'draft', draft.content, 'content.tier.yaml', '/content');
  if ('refused' in owned) return owned;
  const { identity, existing } = owned;
  const checked = await checkContent(
    ctx,
    draft.content,
    existing?.fileName ?? defaultFileName(identity.name),
  );
  const base = await ctx.store.read((r) => baseVersionOf(r, identity.name, draft.baseVersion));
  if (isRefusal(base)) return base;
  const now = nowText(ctx);
  const digest = contentDigest(draft.content);
  const request = await ctx.store.write(async (tx) => {
    const record: ChangeRequestRecord = {
      id: `cr-${await tx.nextId('cr')}`,
      policy: identity.name,
      businessUnit: identity.businessUnit,
      title: draft.title,
      ...(draft.description ? { description: draft.description } : {}),
      author: actor.name,
      state: 'draft',
      content: draft.content,
      digest,
      ...(base ? { baseVersion: base.id } : {}),
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await tx.insertChangeRequest(record);
    await audit(tx, { at: now, actor: actor.name, action: 'cr.create', subject: record.id, after: digest });
    return record;
  });
  return { value: request, diagnostics: checked.diagnostics };
}

async function baseVersionOf(
  reader: StoreReader,
  policy: string,
  requested: string | undefined,
): Promise<Outcome<VersionRecord | undefined>> {
  if (requested === undefined) return reader.latestVersion(policy);
  const version = await reader.getVersion(requested);
  if (!version || version.policy !== policy) return notFound('version', requested);
  return version;
}

export interface Edit {
  content?: string;
  title?: string;
  description?: string;
  /** Rebase onto this version (of the same policy): the approval is cleared, the change is reviewed again. */
  baseVersion?: string;
}

/** Edits a change request; any change of content or base after approval clears the approval. */
export async function updateChangeRequest(
  ctx: RegistryContext,
  actor: Actor,
  id: string,
  edit: Edit,
  ifMatch: number | undefined,
): Promise<Outcome<Checked<ChangeRequestRecord>>> {
  const current = await ctx.store.read((r) => r.getChangeRequest(id));
  if (!current) return notFound('changeRequest', id);
  const denied = may(actor, 'draft', current.businessUnit);
  if (denied) return denied;
  if (current.author !== actor.name)
    return refuse('forbidden', 'TW1223', msg('registry.notAuthor', { id, author: current.author }));
  if (!['draft', 'in_review', 'approved'].includes(current.state))
    return wrongState(id, current.state, ACTIONS.draft.text);
  const stale = checkRevision('changeRequest', ifMatch, current.revision);
  if (stale) return stale;
  const content = edit.content ?? current.content;
  if (edit.content !== undefined) {
    const identity = identityOf(content, 'content.tier.yaml', ctx.companyUnit);
    if ('diagnostics' in identity) return { refused: 'invalid', diagnostics: identity.diagnostics };
    for (const field of ['name', 'businessUnit'] as const) {
      const expected = field === 'name' ? current.policy : current.businessUnit;
      if (identity[field] !== expected)
        return refuse(
          'invalid',
          'TW1210',
          msg('registry.nameMismatch', { field, expected, actual: identity[field] }),
          {
            pointer: '/content',
            help: msg('registry.nameMismatchHelp'),
          },
        );
    }
  }
  const base =
    edit.baseVersion === undefined
      ? undefined
      : await ctx.store.read((r) => baseVersionOf(r, current.policy, edit.baseVersion));
  if (isRefusal(base)) return base;
  const digest = contentDigest(content);
  const rebased = base !== undefined && base.id !== current.baseVersion;
  const cleared = digest !== current.digest || rebased;
  const next: ChangeRequestRecord = {
    ...current,
    content,
    digest,
    title: edit.title ?? current.title,
    ...(edit.description !== undefined ? { description: edit.description } : {}),
    ...(base ? { baseVersion: base.id } : {}),
    state: cleared && current.state === 'approved' ? 'in_review' : current.state,
    updatedAt: nowText(ctx),
    revision: current.revision + 1,
  };
  if (cleared) delete next.approval;
  const checked = await checkContent(ctx, content, await fileNameFor(ctx, current.policy));
  return writeTransition(ctx, actor, current, next, 'cr.update', checked.diagnostics);
}

/**
 * Stores `next` if the change request is still at `current`'s revision, with its audit entry;
 * a concurrent writer that got there first makes this one stale (412), never lost.
 */
async function writeTransition(
  ctx: RegistryContext,
  actor: Actor,
  current: ChangeRequestRecord,
  next: ChangeRequestRecord,
  action: string,
  diagnostics: Diagnostic[],
  reason?: string,
): Promise<Outcome<Checked<ChangeRequestRecord>>> {
  const written = await ctx.store.write(async (tx) => {
    if (!(await tx.updateChangeRequest(next, current.revision))) {
      const now = await tx.getChangeRequest(current.id);
      return checkRevision(
        'changeRequest',
        current.revision,
        now?.revision ?? current.revision + 1,
      ) as Refusal;
    }
    await audit(tx, {
      at: next.updatedAt,
      actor: actor.name,
      action,
      subject: current.id,
      before: current.digest,
      after: next.digest,
      ...(reason ? { reason } : {}),
    });
    return next;
  });
  return isRefusal(written) ? written : { value: written, diagnostics };
}

export type Transition = 'submit' | 'approve' | 'reject' | 'withdraw';

export const FROM: Record<Transition, readonly ChangeRequestState[]> = {
  submit: ['draft'],
  approve: ['in_review'],
  reject: ['in_review', 'approved'],
  withdraw: ['draft', 'in_review', 'approved'],
};

/** Moves a change request through review: submit, approve (never by its author), reject, withdraw. */
export async function transition(
  ctx: RegistryContext,
  actor: Actor,
  id: string,
  step: Transition,
  ifMatch: number | undefined,
  comment?: string,
): Promise<Outcome<Checked<ChangeRequestRecord>>> {
  const current = await ctx.store.read((r) => r.getChangeRequest(id));
  if (!current) return notFound('changeRequest', id);
  const denied = may(actor, step, current.businessUnit);
  if (denied) return denied;
  if (step === 'approve' && current.author === actor.name)
    return refuse('forbidden', 'TW1203', msg('registry.ownChange', { author: current.author }));
  if (step === 'withdraw' && current.author !== actor.name && actor.role !== 'admin')
    return refuse('forbidden', 'TW1223', msg('registry.notAuthor', { id, author: current.author }));
  if (!FROM[step].includes(current.state)) return wrongState(id, current.state, ACTIONS[step].text);
  const stale = checkRevision('changeRequest', ifMatch, current.revision);
  if (stale) return stale;
  let diagnostics: Diagnostic[] = [];
  if (step === 'submit' || step === 'approve') {
    const checked = await checkContent(ctx, current.content, await fileNameFor(ctx, current.policy));
    const invalid = contentRefusal(checked) ?? (await notRaised(ctx, current));
    if (invalid) return invalid;
    diagnostics = checked.diagnostics;
  }
  const at = nowText(ctx);
  const next: ChangeRequestRecord = { ...current, updatedAt: at, revision: current.revision + 1 };
  if (step === 'submit') next.state = 'in_review';
  if (step === 'approve') {
    next.state = 'approved';
    next.approval = { by: actor.name, at, digest: current.digest, ...(comment ? { comment } : {}) };
  }
  if (step === 'reject' || step === 'withdraw') {
    next.state = step === 'reject' ? 'rejected' : 'withdrawn';
    next.closed = { by: actor.name, at, ...(comment ? { comment } : {}) };
  }
  return writeTransition(ctx, actor, current, next, `cr.${step}`, diagnostics, comment);
}

/** A new version must say it is newer: metadata.version above the latest version's. */
export async function notRaised(
  ctx: RegistryContext,
  request: Pick<ChangeRequestRecord, 'policy' | 'content'>,
): Promise<Refusal | undefined> {
  const latest = await ctx.store.read((r) => r.latestVersion(request.policy));
  const identity = identityOf(request.content, 'content.tier.yaml', ctx.companyUnit);
  if (!latest || 'diagnostics' in identity) return undefined;
  const mine = parseVersion(identity.semver ?? '');
  const theirs = parseVersion(latest.semver);
  if (mine && theirs && compareVersions(mine, theirs) > 0) return undefined;
  return refuse(
    'invalid',
    'TW1211',
    msg('registry.versionNotIncreased', {
      version: identity.semver ?? '',
      latest: latest.semver,
    }),
    { pointer: '/content', help: msg('registry.versionNotIncreasedHelp') },
  );
}
