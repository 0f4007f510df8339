import { msg } from '../i18n/text.js';
import { ACTIONS, may } from './access.js';
import { notRaised } from './change-requests.js';
import { checkContent, contentRefusal, defaultFileName, identityOf } from './content.js';
import { audit, nowText, type RegistryContext } from './context.js';
import { contentDigest } from './digest.js';
import { type Actor, isRefusal, type Outcome, type Refusal } from './outcome.js';
import type { ChangeRequestRecord, PolicyRecord, PublicationRecord, VersionRecord } from './records.js';
import { checkRevision, notFound, refuse, wrongState } from './refuse.js';
import type { StoreWriter } from './store/store.js';
import { instantOf } from './times.js';
import { LOCAL_ADMIN } from './tokens.js';

export interface Published {
  version: VersionRecord;
  publication: PublicationRecord;
  changeRequest?: ChangeRequestRecord;
}

/** When the publication starts: now when not given; never in the past, which would rewrite what was in force. */
function startOf(ctx: RegistryContext, effectiveFrom: string | undefined): Outcome<string> {
  const now = ctx.now();
  if (effectiveFrom === undefined) return now.toISOString();
  const at = instantOf(effectiveFrom);
  if (at === undefined)
    return refuse('invalid', 'TW1212', msg('registry.badEffectiveFrom', { value: effectiveFrom }), {
      pointer: '/effectiveFrom',
    });
  if (at < now.getTime())
    return refuse(
      'invalid',
      'TW1212',
      msg('registry.effectiveInPast', { value: effectiveFrom, now: now.toISOString() }),
      {
        pointer: '/effectiveFrom',
      },
    );
  return effectiveFrom;
}

/**
 * Writes the next version of a policy and publishes it for the policy's business unit from
 * `effectiveFrom`, ending the publication in force then. Runs inside the write transaction, so
 * the sequence number and the publication order cannot race.
 */
async function writeVersion(
  tx: StoreWriter,
  actor: Actor,
  policy: PolicyRecord,
  latest: VersionRecord | undefined,
  content: string,
  semver: string,
  effectiveFrom: string,
  origin: { changeRequest?: string; rollbackOf?: string; reason?: string },
  at: string,
): Promise<Outcome<Published>> {
  const publications = await tx.listPublications({ businessUnit: policy.businessUnit, policy: policy.name });
  const start = instantOf(effectiveFrom) ?? 0;
  const scheduled = publications.find((p) => (instantOf(p.effectiveFrom) ?? 0) > start);
  if (scheduled)
    return refuse(
      'conflict',
      'TW1212',
      msg('registry.effectiveBeforeScheduled', {
        value: effectiveFrom,
        scheduled: scheduled.effectiveFrom,
        id: scheduled.id,
      }),
      { pointer: '/effectiveFrom' },
    );
  const sequence = (latest?.sequence ?? 0) + 1;
  const version: VersionRecord = {
    id: `${policy.name}@${sequence}`,
    policy: policy.name,
    sequence,
    semver,
    content,
    digest: contentDigest(content),
    author: actor.name,
    createdAt: at,
    ...(origin.changeRequest ? { changeRequest: origin.changeRequest } : {}),
    ...(origin.rollbackOf ? { rollbackOf: origin.rollbackOf } : {}),
  };
  await tx.insertVersion(version);
  await audit(tx, {
    at,
    actor: actor.name,
    action: 'version.create',
    subject: version.id,
    after: version.digest,
    ...(origin.reason ? { reason: origin.reason } : {}),
  });
  const open = publications.filter((p) => p.effectiveTo === undefined);
  for (const previous of open) await tx.endPublication(previous.id, effectiveFrom);
  const publication: PublicationRecord = {
    id: `pub-${await tx.nextId('pub')}`,
    businessUnit: policy.businessUnit,
    policy: policy.name,
    version: version.id,
    effectiveFrom,
    publishedBy: actor.name,
    publishedAt: at,
    ...(origin.changeRequest ? { changeRequest: origin.changeRequest } : {}),
  };
  await tx.insertPublication(publication);
  const before = open.length > 0 ? (await tx.getVersion(open[open.length - 1]!.version))?.digest : undefined;
  await audit(tx, {
    at,
    actor: actor.name,
    action: origin.rollbackOf ? 'rollback' : 'publish',
    subject: publication.id,
    ...(before ? { before } : {}),
    after: version.digest,
    ...(origin.reason ? { reason: origin.reason } : {}),
  });
  return { version, publication };
}

/**
 * Publishes an approved change request: its approval must be of its current content, and the
 * policy must still be at the version the request started from (else 409 saying what moved).
 */
export async function publish(
  ctx: RegistryContext,
  actor: Actor,
  id: string,
  options: { effectiveFrom?: string; ifMatch?: number },
): Promise<Outcome<Published>> {
  const request = await ctx.store.read((r) => r.getChangeRequest(id));
  if (!request) return notFound('changeRequest', id);
  const denied = may(actor, 'publish', request.businessUnit);
  if (denied) return denied;
  if (request.state !== 'approved') return wrongState(id, request.state, ACTIONS.publish.text);
  const stale = checkRevision('changeRequest', options.ifMatch, request.revision);
  if (stale) return stale;
  if (request.approval?.digest !== request.digest)
    return refuse('conflict', 'TW1209', msg('registry.notApproved', { id }));
  const effectiveFrom = startOf(ctx, options.effectiveFrom);
  if (isRefusal(effectiveFrom)) return effectiveFrom;
  const { fileName, latest } = await ctx.store.read(async (r) => ({
    fileName: (await r.getPolicy(request.policy))?.fileName ?? defaultFileName(request.policy),
    latest: await r.latestVersion(request.policy),
  }));
  // Checking the content takes a compile: a publish whose base has already moved is refused first
  // (the write below checks it again, inside the transaction).
  if (latest?.id !== request.baseVersion) return baseMoved(request, latest);
  const invalid =
    contentRefusal(await checkContent(ctx, request.content, fileName)) ?? (await notRaised(ctx, request));
  if (invalid) {
    // A concurrent publish may have landed since the request was read (then its own version is
    // "not above the latest"): that is the conflict to answer (409), not the content (400).
    const latest = await ctx.store.read((r) => r.latestVersion(request.policy));
    return latest?.id === request.baseVersion ? invalid : baseMoved(request, latest);
  }
  const identity = identityOf(request.content, fileName, ctx.companyUnit);
  const semver = 'diagnostics' in identity ? '' : (identity.semver ?? '');
  const at = nowText(ctx);
  return ctx.store
    .write(async (tx) => {
      const fresh = await tx.getChangeRequest(id);
      if (!fresh || fresh.revision !== request.revision)
        return checkRevision(
          'changeRequest',
          request.revision,
          fresh?.revision ?? request.revision + 1,
        ) as Refusal;
      const latest = await tx.latestVersion(request.policy);
      if (latest?.id !== request.baseVersion) return baseMoved(request, latest);
      const policy =
        (await tx.getPolicy(request.policy)) ?? (await newPolicy(tx, request, fileName, actor, at));
      if (isRefusal(policy)) return policy;
      const published = await writeVersion(
        tx,
        actor,
        policy,
        latest,
        request.content,
        semver,
        effectiveFrom,
        {
          changeRequest: id,
        },
        at,
      );
      if (isRefusal(published)) throw new Rollback(published);
      const done: ChangeRequestRecord = {
        ...fresh,
        state: 'published',
        publishedVersion: published.version.id,
        updatedAt: at,
        revision: fresh.revision + 1,
      };
      await tx.updateChangeRequest(done, fresh.revision);
      await audit(tx, {
        at,
        actor: actor.name,
        action: 'cr.publish',
        subject: id,
        before: request.digest,
        after: request.digest,
      });
      return { ...published, changeRequest: done };
    })
    .catch(unwrapRollback);
}

/** A refusal found after writing began: thrown to roll the transaction back, returned as a value. */
class Rollback extends Error {
  constructor(readonly refusal: Refusal) {
    super('rolled back');
  }
}

function unwrapRollback(error: unknown): Refusal {
  if (error instanceof Rollback) return error.refusal;
  throw error;
}

async function newPolicy(
  tx: StoreWriter,
  request: Pick<ChangeRequestRecord, 'policy' | 'businessUnit'>,
  fileName: string,
  actor: Actor,
  at: string,
): Promise<Outcome<PolicyRecord>> {
  const taken = await tx.getPolicyByFileName(fileName);
  if (taken)
    return refuse('conflict', 'TW1218', msg('registry.fileNameTaken', { fileName, policy: taken.name }));
  const policy: PolicyRecord = {
    name: request.policy,
    businessUnit: request.businessUnit,
    fileName,
    createdAt: at,
    createdBy: actor.name,
  };
  await tx.insertPolicy(policy);
  await audit(tx, { at, actor: actor.name, action: 'policy.create', subject: policy.name });
  return policy;
}

function baseMoved(request: ChangeRequestRecord, latest: VersionRecord | undefined): Refusal {
  return refuse(
    'conflict',
    'TW1208',
    msg('registry.baseMoved', {
      policy: request.policy,
      base: request.baseVersion ?? '—',
      latest: latest?.id ?? '—',
      author: latest?.author ?? '—',
      at: latest?.createdAt ?? '—',
    }),
    { help: msg('registry.baseMovedHelp') },
  );
}

export interface RollbackRequest {
  policy: string;
  /** The earlier version whose content is published again, as a new version. */
  toVersion: string;
  reason: string;
  effectiveFrom?: string;
  /** The policy's ETag: the sequence of its latest version. */
  ifMatch?: number;
}

/** Publishes an earlier version's content as a new version; nothing is deleted or rewritten. */
export async function rollback(
  ctx: RegistryContext,
  actor: Actor,
  request: RollbackRequest,
): Promise<Outcome<Published>> {
  const policy = await ctx.store.read((r) => r.getPolicy(request.policy));
  if (!policy) return notFound('policy', request.policy);
  const denied = may(actor, 'rollback', policy.businessUnit);
  if (denied) return denied;
  if (request.reason.trim() === '')
    return refuse('invalid', 'TW1224', msg('registry.reasonRequired'), { pointer: '/reason' });
  const target = await ctx.store.read((r) => r.getVersion(request.toVersion));
  if (!target || target.policy !== policy.name) return notFound('version', request.toVersion);
  const effectiveFrom = startOf(ctx, request.effectiveFrom);
  if (isRefusal(effectiveFrom)) return effectiveFrom;
  const at = nowText(ctx);
  return ctx.store
    .write(async (tx) => {
      const latest = await tx.latestVersion(policy.name);
      const stale = checkRevision('policy', request.ifMatch, latest?.sequence ?? 0);
      if (stale) return stale;
      const published = await writeVersion(
        tx,
        actor,
        policy,
        latest,
        target.content,
        target.semver,
        effectiveFrom,
        {
          rollbackOf: target.id,
          reason: request.reason,
        },
        at,
      );
      if (isRefusal(published)) throw new Rollback(published);
      return published;
    })
    .catch(unwrapRollback);
}

/**
 * Publishes a policy file's text without a change request: for seeding an empty registry with
 * the bundled policies (`tierwise serve --seed`), audited as the local admin with the file named
 * as the reason, so the trail says exactly where the first versions came from. Refused when the
 * policy already exists: from then on changes go through review.
 */
export async function seedPolicy(
  ctx: RegistryContext,
  content: string,
  fileName: string,
  reason: string,
): Promise<Outcome<Published>> {
  const checked = await checkContent(ctx, content, fileName);
  const invalid = contentRefusal(checked);
  if (invalid) return invalid;
  const identity = identityOf(content, fileName, ctx.companyUnit);
  if ('diagnostics' in identity) return { refused: 'invalid', diagnostics: identity.diagnostics };
  const at = nowText(ctx);
  const actor = LOCAL_ADMIN;
  return ctx.store
    .write(async (tx) => {
      if (await tx.getPolicy(identity.name))
        return refuse(
          'conflict',
          'TW1218',
          msg('registry.fileNameTaken', { fileName, policy: identity.name }),
        );
      const owner = { policy: identity.name, businessUnit: identity.businessUnit };
      const policy = await newPolicy(tx, owner, fileName, actor, at);
      if (isRefusal(policy)) return policy;
      const published = await writeVersion(
        tx,
        actor,
        policy,
        undefined,
        content,
        identity.semver ?? '',
        at,
        { reason },
        at,
      );
      if (isRefusal(published)) throw new Rollback(published);
      return published;
    })
    .catch(unwrapRollback);
}
