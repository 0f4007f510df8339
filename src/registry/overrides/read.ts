import { coversUnit, may } from '../access.js';
import type { RegistryContext } from '../context.js';
import type { Actor, Outcome } from '../outcome.js';
import type { OverrideRecord, OverrideStatus } from '../records.js';
import { notFound } from '../refuse.js';
import { inForceAt, type OverrideView, overrideView, statusAt } from './view.js';

export interface OverrideQuery {
  policy?: string;
  businessUnit?: string;
  customer?: string;
  status?: OverrideStatus;
}

/** Overrides are decisions about a business unit's customers: read by tokens that cover the unit. */
export async function getOverride(
  ctx: RegistryContext,
  actor: Actor,
  id: string,
): Promise<Outcome<OverrideView>> {
  const found = await ctx.store.read((r) => r.getOverride(id));
  if (!found) return notFound('override', id);
  return may(actor, 'readData', found.businessUnit) ?? overrideView(found, ctx.now().getTime());
}

/** Newest first, those of the actor's units; `status` is the status now (expired is computed). */
export async function listOverrides(
  ctx: RegistryContext,
  actor: Actor,
  query: OverrideQuery = {},
): Promise<OverrideView[]> {
  const { status, ...filter } = query;
  const stored = status === 'expired' ? 'approved' : status;
  const rows = await ctx.store.read((r) =>
    r.listOverrides({ ...filter, ...(stored ? { status: stored } : {}) }),
  );
  const now = ctx.now().getTime();
  return rows
    .filter((o) => coversUnit(actor, o.businessUnit))
    .filter((o) => status === undefined || statusAt(o, now) === status)
    .map((o) => overrideView(o, now));
}

/**
 * The override that decides a customer's tier at `at`, if any: approved, not expired, for this
 * policy and business unit. At most one is open per customer (review.ts), the newest wins if
 * history left more.
 */
export async function activeOverride(
  ctx: RegistryContext,
  key: { policy: string; businessUnit: string; customer: string },
  at: number,
): Promise<OverrideRecord | undefined> {
  const rows = await ctx.store.read((r) => r.listOverrides({ ...key, status: 'approved' }));
  return rows.find((o) => inForceAt(o, at));
}
