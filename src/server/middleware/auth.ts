import type { Context } from 'hono';
import { msg } from '../../i18n/text.js';
import type { Actor, Refusal } from '../../registry/outcome.js';
import { ROLES, type Role } from '../../registry/records.js';
import type { ServerDeps } from '../deps.js';
import type { ServerEnv } from '../env.js';
import { refusal } from '../respond.js';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * The actor behind `Authorization: Bearer <secret>`, or the refusal (401) when there is no token
 * or the registry knows none with that secret.
 */
export async function authenticate(
  c: Context<ServerEnv>,
  deps: Pick<ServerDeps, 'authenticate'>,
): Promise<Actor | Refusal> {
  const header = c.req.header('authorization');
  const secret = header === undefined ? undefined : BEARER.exec(header)?.[1];
  if (secret === undefined)
    return refusal('unauthenticated', 'TW1301', msg('server.noToken'), { help: msg('server.noTokenHelp') });
  const actor = await deps.authenticate(secret);
  if (!actor)
    return refusal('unauthenticated', 'TW1301', msg('server.badToken'), { help: msg('server.badTokenHelp') });
  return actor;
}

/**
 * Whether the actor's role is at least `role` (viewer < analyst < approver < admin) and, when a
 * business unit is named (writes), whether the token was given it: undefined when it may, else
 * the 403.
 */
export function requireRole(actor: Actor, role: Role, businessUnit?: string): Refusal | undefined {
  if (ROLES.indexOf(actor.role) < ROLES.indexOf(role))
    return refusal('forbidden', 'TW1302', msg('server.roleTooLow', { role: actor.role, needed: role }));
  // The company base ('') belongs to no business unit: only a token for all ('*') writes it.
  if (
    businessUnit !== undefined &&
    !actor.businessUnits.includes('*') &&
    (businessUnit === '' || !actor.businessUnits.includes(businessUnit))
  )
    return refusal('forbidden', 'TW1302', msg('server.businessUnitDenied', { businessUnit }));
  return undefined;
}
