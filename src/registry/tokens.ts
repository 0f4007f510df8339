import { createHash, randomBytes } from 'node:crypto';
import { msg } from '../i18n/text.js';
import { may } from './access.js';
import { audit, nowText, type RegistryContext } from './context.js';
import type { Actor, Outcome } from './outcome.js';
import { ROLES, type Role, type TokenRecord } from './records.js';
import { notFound, refuse } from './refuse.js';

/** The CLI working on the database file directly: whoever can write the file is its admin. */
export const LOCAL_ADMIN: Actor = { id: 'local', name: 'local', role: 'admin', businessUnits: ['*'] };

/** A secret is stored only as this hash; sha256 suffices for 256 random bits (no guessing to slow down). */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

// A business unit is a name: no spaces, slashes or control characters (\p{Cc}).
const UNIT = /^[^\s/\\\p{Cc}]{1,100}$/u;

export interface TokenRequest {
  name: string;
  role: Role;
  businessUnits: string[];
}

/** Creates a token; its secret is returned once and never again. */
export async function createToken(
  ctx: RegistryContext,
  actor: Actor,
  request: TokenRequest,
): Promise<Outcome<{ token: TokenRecord; secret: string }>> {
  const denied = may(actor, 'tokens');
  if (denied) return denied;
  if (request.name.trim() === '' || request.name.length > 200)
    return refuse('invalid', 'TW1216', msg('registry.badTokenName'), { pointer: '/name' });
  if (!ROLES.includes(request.role))
    return refuse('invalid', 'TW1216', msg('registry.badTokenName'), { pointer: '/role' });
  if (request.businessUnits.length === 0 || !request.businessUnits.every((u) => u === '*' || UNIT.test(u)))
    return refuse('invalid', 'TW1216', msg('registry.badUnits'), { pointer: '/businessUnits' });
  const secret = `tw_${randomBytes(32).toString('base64url')}`;
  const at = nowText(ctx);
  const token = await ctx.store.write(async (tx) => {
    const record: TokenRecord = {
      id: `tok-${await tx.nextId('tok')}`,
      name: request.name,
      role: request.role,
      businessUnits: [...request.businessUnits],
      hash: hashSecret(secret),
      createdAt: at,
      createdBy: actor.name,
    };
    await tx.insertToken(record);
    await audit(tx, {
      at,
      actor: actor.name,
      action: 'token.create',
      subject: record.id,
      reason: `${record.name}: ${record.role} ${record.businessUnits.join(',')}`,
    });
    return record;
  });
  return { token, secret };
}

export async function revokeToken(
  ctx: RegistryContext,
  actor: Actor,
  id: string,
): Promise<Outcome<TokenRecord>> {
  const denied = may(actor, 'tokens');
  if (denied) return denied;
  const at = nowText(ctx);
  const revoked = await ctx.store.write(async (tx) => {
    const token = await tx.getToken(id);
    if (!token || !(await tx.revokeToken(id, at))) return undefined;
    await audit(tx, { at, actor: actor.name, action: 'token.revoke', subject: id });
    return { ...token, revokedAt: at };
  });
  return revoked ?? notFound('token', id);
}

/** The actor a bearer secret stands for; undefined for an unknown or revoked one. */
export async function authenticate(ctx: RegistryContext, secret: string): Promise<Actor | undefined> {
  const token = await ctx.store.read((r) => r.getTokenByHash(hashSecret(secret)));
  if (!token || token.revokedAt !== undefined) return undefined;
  return { id: token.id, name: token.name, role: token.role, businessUnits: token.businessUnits };
}
