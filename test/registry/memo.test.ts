import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMO_MS, Registry } from '../../src/registry/registry.js';
import { openStore } from '../../src/registry/store/open.js';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { actor, freshRegistry, ok, policyText, publishText, withVersion } from './fixture.js';

const hq = actor('hana', 'analyst', ['headquarters']);
const lead = actor('li', 'approver', ['*']);

describe('what a registry answers from memory', () => {
  it('sees its own writes at once, and another instance’s within MEMO_MS', async () => {
    const { registry, dir, clock } = await freshRegistry('2026-12-01T00:00:00Z');
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    const other = await openStore(join(dir, 'registry.db'));
    if ('diagnostic' in other) throw new Error(other.diagnostic.message);
    const second = new Registry(other.store, { dataDir: dir, now: () => clock.now });
    const query = { businessUnit: 'headquarters' };
    clock.now = new Date('2026-12-01T00:00:10.000Z');
    expect(ok(await second.resolve(query)).version.id).toBe('seed004-scorecard@1');

    clock.now = new Date('2026-12-01T00:00:10.400Z');
    await publishText(registry, hq, lead, withVersion(policyText('seed004-scorecard'), '1.1.0'));
    // through the registry that wrote: at once
    expect(ok(await registry.resolve(query)).version.id).toBe('seed004-scorecard@2');
    // through another instance: what it answered a moment ago, until its memo expires
    expect(ok(await second.resolve(query)).version.id).toBe('seed004-scorecard@1');
    clock.now = new Date(Date.parse('2026-12-01T00:00:10.000Z') + MEMO_MS);
    expect(ok(await second.resolve(query)).version.id).toBe('seed004-scorecard@2');
  });

  it('forgets a revoked token at once through the registry that revoked it', async () => {
    const { registry } = await freshRegistry();
    const { token, secret } = ok(
      await registry.createToken(LOCAL_ADMIN, { name: 'x', role: 'viewer', businessUnits: ['*'] }),
    );
    expect(await registry.authenticate(secret)).toBeDefined();
    ok(await registry.revokeToken(LOCAL_ADMIN, token.id));
    expect(await registry.authenticate(secret)).toBeUndefined();
  });
});
