import { DEFAULT_TIMEZONE } from '../../facts/zone.js';
import { msg } from '../../i18n/text.js';
import { maskPhones } from '../../privacy/mask.js';
import { may } from '../access.js';
import { audit, nowText, type RegistryContext } from '../context.js';
import { canonicalJson, contentDigest } from '../digest.js';
import {
  type Actor,
  isRefusal,
  type Outcome,
  type PolicyQuery,
  type Refusal,
  type ResolvedPolicy,
} from '../outcome.js';
import type { OverrideRecord, OverrideState } from '../records.js';
import { checkRevision, notFound, refuse } from '../refuse.js';
import type { StoreWriter } from '../store/store.js';
import { expiryAt, isInstant } from './expiry.js';
import { policyProblem, shapeProblem } from './rules.js';
import { inForceAt, type OverrideView, overrideView, statusAt, statusText } from './view.js';

export type Resolve = (query: PolicyQuery) => Promise<Outcome<ResolvedPolicy>>;

export interface OverrideProposal {
  /** The policy's name; what the business unit has in force when left out. */
  policy?: string;
  businessUnit: string;
  customer: string;
  kind: OverrideRecord['kind'];
  tier?: string;
  score?: { set?: number; delta?: number };
  reason?: string;
  evidence?: string[];
  /** An instant (ISO 8601 with an offset) or a duration from approval (P3M). */
  expires: string;
}

/** The fields an override's audit entries digest: what it decides, for whom, until when, in which state. */
const digestOf = (o: OverrideRecord) =>
  contentDigest(
    canonicalJson({
      policy: o.policy,
      businessUnit: o.businessUnit,
      customer: o.customer,
      kind: o.kind,
      tier: o.tier ?? null,
      score: o.score ?? null,
      expires: o.expires,
      expiresAt: o.expiresAt ?? null,
      status: o.status,
    }),
  );

const zoneOf = (resolved: ResolvedPolicy) => resolved.policy.metadata.timezone ?? DEFAULT_TIMEZONE;

/** The policy the override is about, as in force for its business unit now. */
const policyInForce = (ctx: RegistryContext, resolve: Resolve, businessUnit: string, policy?: string) =>
  resolve({ businessUnit, ...(policy ? { policy } : {}), at: nowText(ctx) });

/** An override open on the same customer and policy: proposed, or approved and not expired. */
async function openOverride(
  tx: StoreWriter,
  record: OverrideRecord,
  at: number,
): Promise<Refusal | undefined> {
  const same = await tx.listOverrides({
    policy: record.policy,
    businessUnit: record.businessUnit,
    customer: record.customer,
  });
  const open = same.find((o) => o.status === 'proposed' || inForceAt(o, at));
  if (!open) return undefined;
  return refuse(
    'conflict',
    'TW1417',
    msg('overrides.alreadyOpen', {
      customer: maskPhones(record.customer),
      id: open.id,
      status: statusText(statusAt(open, at)),
    }),
    { help: msg('overrides.alreadyOpenHelp') },
  );
}

/** An account manager (analyst role) proposes a tier or score for one customer, with a reason and an expiry. */
export async function proposeOverride(
  ctx: RegistryContext,
  resolve: Resolve,
  actor: Actor,
  request: OverrideProposal,
): Promise<Outcome<OverrideView>> {
  const denied = may(actor, 'propose', request.businessUnit);
  if (denied) return denied;
  const shape = shapeProblem(request);
  if (shape) return shape;
  const resolved = await policyInForce(ctx, resolve, request.businessUnit, request.policy);
  if (isRefusal(resolved)) return resolved;
  const reason = request.reason?.trim() || undefined;
  const change = {
    kind: request.kind,
    ...(request.tier !== undefined ? { tier: request.tier } : {}),
    ...(request.score !== undefined ? { score: request.score } : {}),
  };
  const invalid = policyProblem(resolved.policy, change, reason);
  if (invalid) return invalid;
  const now = ctx.now();
  const expiry = expiryAt(request.expires, now, zoneOf(resolved));
  if (isRefusal(expiry)) return expiry;
  const at = now.toISOString();
  const written = await ctx.store.write(async (tx) => {
    const record: OverrideRecord = {
      id: '',
      policy: resolved.policy.metadata.name,
      businessUnit: request.businessUnit,
      customer: request.customer,
      ...change,
      ...(reason ? { reason } : {}),
      evidence: (request.evidence ?? []).map((e) => e.trim()).filter((e) => e !== ''),
      expires: request.expires,
      ...(isInstant(request.expires) ? { expiresAt: new Date(expiry).toISOString() } : {}),
      status: 'proposed',
      proposedBy: actor.name,
      proposedAt: at,
      updatedAt: at,
      revision: 1,
    };
    const open = await openOverride(tx, record, now.getTime());
    if (open) return open;
    // Numbered once nothing refuses it: a refusal commits no write, so it consumes no id.
    record.id = `ov-${await tx.nextId('ov')}`;
    await tx.insertOverride(record);
    await audit(tx, {
      at,
      actor: actor.name,
      action: 'override.propose',
      subject: record.id,
      after: digestOf(record),
      ...(reason ? { reason: maskPhones(reason) } : {}),
    });
    return record;
  });
  return isRefusal(written) ? written : overrideView(written, now.getTime());
}

export type OverrideStep = 'approve' | 'reject' | 'withdraw' | 'revoke';

const FROM: Record<OverrideStep, OverrideState> = {
  approve: 'proposed',
  reject: 'proposed',
  withdraw: 'proposed',
  revoke: 'approved',
};
const TO: Record<OverrideStep, OverrideState> = {
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
  revoke: 'revoked',
};

/** Who may take the step: the role and unit (access.ts), four-eyes, the proposer's own withdrawal. */
function allowed(actor: Actor, step: OverrideStep, current: OverrideRecord): Refusal | undefined {
  const own = current.proposedBy === actor.name;
  // The proposer may end their own approved override early (the computed tier is back); anyone
  // else needs the approver role to revoke one.
  const action = step === 'revoke' && own ? 'withdraw' : step;
  const denied = may(actor, action, current.businessUnit);
  if (denied) return denied;
  if (step === 'approve' && own)
    return refuse('forbidden', 'TW1414', msg('overrides.ownOverride', { proposer: current.proposedBy }));
  if (step === 'withdraw' && !own && actor.role !== 'admin')
    return refuse(
      'forbidden',
      'TW1414',
      msg('overrides.notProposer', { id: current.id, proposer: current.proposedBy }),
    );
  return undefined;
}

/**
 * Approve (a sales supervisor: approver role, never the proposer), reject, withdraw (the
 * proposer, while proposed) or revoke (an approved override, before it expires). Each is a new
 * revision (If-Match) and an audit entry. Approval re-checks the change against the policy in
 * force then, and fixes a duration's expiry from that moment.
 */
export async function overrideStep(
  ctx: RegistryContext,
  resolve: Resolve,
  actor: Actor,
  id: string,
  step: OverrideStep,
  ifMatch: number | undefined,
  comment?: string,
): Promise<Outcome<OverrideView>> {
  const current = await ctx.store.read((r) => r.getOverride(id));
  if (!current) return notFound('override', id);
  const denied = allowed(actor, step, current);
  if (denied) return denied;
  const now = ctx.now();
  const status = statusAt(current, now.getTime());
  if (status !== FROM[step])
    return refuse(
      'conflict',
      'TW1415',
      msg('overrides.wrongState', {
        id,
        status: statusText(status),
        action: msg(`registry.act${ACT[step]}`),
      }),
    );
  const stale = checkRevision('override', ifMatch, current.revision);
  if (stale) return stale;
  const at = now.toISOString();
  const note = comment?.trim() ? { comment: comment.trim() } : {};
  const next: OverrideRecord = {
    ...current,
    status: TO[step],
    updatedAt: at,
    revision: current.revision + 1,
  };
  if (step === 'approve') {
    const resolved = await policyInForce(ctx, resolve, current.businessUnit, current.policy);
    if (isRefusal(resolved)) return resolved;
    const invalid = policyProblem(resolved.policy, current, current.reason);
    if (invalid) return invalid;
    const expiry = expiryAt(current.expiresAt ?? current.expires, now, zoneOf(resolved));
    if (isRefusal(expiry)) return expiry;
    next.expiresAt = new Date(expiry).toISOString();
    next.approval = { by: actor.name, at, ...note };
  } else next.closed = { by: actor.name, at, ...note };
  const written = await ctx.store.write(async (tx) => {
    if (!(await tx.updateOverride(next, current.revision))) {
      const moved = await tx.getOverride(id);
      return checkRevision('override', current.revision, moved?.revision ?? current.revision + 1) as Refusal;
    }
    // The audit says until when an approval holds: expiry is computed later, never written.
    const until = step === 'approve' ? `expiresAt ${next.expiresAt}` : undefined;
    const reason = [until, note.comment && maskPhones(note.comment)].filter(Boolean).join('; ');
    await audit(tx, {
      at,
      actor: actor.name,
      action: `override.${step}`,
      subject: id,
      before: digestOf(current),
      after: digestOf(next),
      ...(reason ? { reason } : {}),
    });
    return next;
  });
  return isRefusal(written) ? written : overrideView(written, now.getTime());
}

const ACT = { approve: 'Approve', reject: 'Reject', withdraw: 'Withdraw', revoke: 'Revoke' } as const;
