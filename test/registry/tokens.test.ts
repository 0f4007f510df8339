import { describe, expect, it } from 'vitest';
import { hashSecret, LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { actor, freshRegistry, ok, refused } from './fixture.js';

describe('tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates until revoked', async () => {
    const { registry, store } = await freshRegistry();
    const { token, secret } = ok(
      await registry.createToken(LOCAL_ADMIN, { name: '王芳', role: 'analyst', businessUnits: ['retail'] }),
    );
    expect(secret).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(token.hash).toBe(hashSecret(secret));
    expect(JSON.stringify(await store.read((r) => r.listTokens()))).not.toContain(secret);
    expect(await registry.authenticate(secret)).toEqual({
      id: token.id,
      name: '王芳',
      role: 'analyst',
      businessUnits: ['retail'],
    });
    expect(await registry.authenticate(`${secret}x`)).toBeUndefined();
    ok(await registry.revokeToken(LOCAL_ADMIN, token.id));
    expect(await registry.authenticate(secret)).toBeUndefined();
    expect((await registry.listAudit()).map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
  });

  it('lets only admins manage tokens, and refuses nameless holders and bad units', async () => {
    const { registry } = await freshRegistry();
    const approver = actor('li', 'approver');
    expect(
      refused(await registry.createToken(approver, { name: 'x', role: 'viewer', businessUnits: ['*'] }))
        .diagnostics[0]?.code,
    ).toBe('TW1201');
    for (const [request, pointer] of [
      [{ name: ' ', role: 'viewer', businessUnits: ['*'] }, '/name'],
      [{ name: 'x', role: 'root', businessUnits: ['*'] }, '/role'],
      [{ name: 'x', role: 'viewer', businessUnits: [] }, '/businessUnits'],
      [{ name: 'x', role: 'viewer', businessUnits: ['../etc'] }, '/businessUnits'],
    ] as const) {
      const refusal = refused(await registry.createToken(LOCAL_ADMIN, request as never));
      expect(refusal.diagnostics[0]).toMatchObject({ code: 'TW1216', pointer });
    }
    expect(refused(await registry.revokeToken(LOCAL_ADMIN, 'tok-404')).refused).toBe('not-found');
  });
});
