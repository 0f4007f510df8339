import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../../src/registry/registry.js';
import { openStore } from '../../src/registry/store/open.js';
import type { Store } from '../../src/registry/store/store.js';
import { planPostgres, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { actor, ok, policyText, publishText, refused } from './fixture.js';

const manager = actor('li', 'analyst', ['headquarters']);
const secondManager = actor('wang', 'analyst', ['headquarters']);
const supervisor = actor('zhao', 'approver', ['headquarters']);
const retailSupervisor = actor('qian', 'approver', ['retail']);

const proposal = (extra: Record<string, unknown> = {}) => ({
  businessUnit: 'headquarters',
  customer: 'C2024002',
  kind: 'tier' as const,
  tier: 'vip',
  reason: 'strategic value',
  evidence: ['https://crm.example.com/cases/4711'],
  expires: 'P3M',
  ...extra,
});

/** The registry's override rules, the same on both stores. */
function overrideRules(kind: string, location: () => Promise<string>): void {
  describe(`overrides on ${kind}`, () => {
    let store: Store;
    let registry: Registry;
    const clock = { now: new Date('2026-12-01T00:00:00.000Z') };
    beforeAll(async () => {
      const opened = await openStore(await location());
      if ('diagnostic' in opened) throw new Error(opened.diagnostic.message);
      store = opened.store;
      registry = new Registry(store, {
        dataDir: mkdtempSync(join(tmpdir(), 'tierwise-ov-')),
        now: () => clock.now,
      });
      await publishText(
        registry,
        actor('hq', 'analyst', ['headquarters']),
        supervisor,
        policyText('seed004-scorecard'),
      );
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps four eyes, the revision, one open override a customer, and an audit entry a step', async () => {
      clock.now = new Date('2026-12-01T00:00:00.000Z');
      const proposed = ok(await registry.proposeOverride(manager, proposal()));
      expect(proposed).toMatchObject({
        id: 'ov-1',
        policy: 'seed004-scorecard',
        status: 'proposed',
        revision: 1,
      });
      expect(refused(await registry.proposeOverride(secondManager, proposal())).diagnostics[0]!.code).toBe(
        'TW1417',
      );
      expect(refused(await registry.approveOverride(manager, 'ov-1', 1)).diagnostics[0]!.code).toBe('TW1201');
      expect(refused(await registry.approveOverride(retailSupervisor, 'ov-1', 1)).diagnostics[0]!.code).toBe(
        'TW1202',
      );
      expect(refused(await registry.approveOverride(supervisor, 'ov-1')).refused).toBe(
        'precondition-required',
      );
      expect(refused(await registry.approveOverride(supervisor, 'ov-1', 7)).refused).toBe('stale');
      clock.now = new Date('2026-12-10T08:00:00.000Z');
      const approved = ok(await registry.approveOverride(supervisor, 'ov-1', 1, 'ok'));
      // P3M from approval, on the policy's calendar (Asia/Shanghai).
      expect(approved).toMatchObject({
        status: 'approved',
        expiresAt: '2027-03-10T08:00:00.000Z',
        revision: 2,
      });
      const key = { policy: 'seed004-scorecard', businessUnit: 'headquarters', customer: 'C2024002' };
      expect((await registry.activeOverride(key))?.id).toBe('ov-1');
      expect(await registry.activeOverride({ ...key, businessUnit: 'retail' })).toBeUndefined();
      expect(await registry.activeOverride(key, Date.parse('2027-03-10T08:00:00.000Z'))).toBeUndefined();
      clock.now = new Date('2027-03-10T08:00:00.000Z');
      expect(ok(await registry.getOverride(manager, 'ov-1')).status).toBe('expired');
      expect(refused(await registry.revokeOverride(supervisor, 'ov-1', 2)).diagnostics[0]!.code).toBe(
        'TW1415',
      );
      // Once expired, the customer may have a new one.
      const next = ok(
        await registry.proposeOverride(manager, proposal({ expires: '2027-04-01T00:00:00+08:00' })),
      );
      expect(next).toMatchObject({ id: 'ov-2', expiresAt: '2027-03-31T16:00:00.000Z' });
      ok(await registry.approveOverride(supervisor, 'ov-2', 1));
      // The proposer may end their own approved override early.
      expect(ok(await registry.revokeOverride(manager, 'ov-2', 2, 'deal closed'))).toMatchObject({
        status: 'revoked',
        closed: { by: 'li', comment: 'deal closed' },
      });
      const trail = (await registry.listAudit()).filter((e) => e.action.startsWith('override.'));
      expect(trail.map((e) => `${e.action} ${e.subject} ${e.actor}`)).toEqual([
        'override.propose ov-1 li',
        'override.approve ov-1 zhao',
        'override.propose ov-2 li',
        'override.approve ov-2 zhao',
        'override.revoke ov-2 li',
      ]);
      expect(trail[1]!.reason).toBe('expiresAt 2027-03-10T08:00:00.000Z; ok');
      expect((await registry.verify()).diagnostics).toEqual([]);
      expect((await registry.listOverrides(manager, { status: 'expired' })).map((o) => o.id)).toEqual([
        'ov-1',
      ]);
      expect(await registry.listOverrides(retailSupervisor)).toEqual([]);
    });

    it('refuses a score override where thresholds do not decide, and an approval past the expiry', async () => {
      clock.now = new Date('2026-12-01T00:00:00.000Z');
      await publishText(
        registry,
        actor('hq', 'analyst', ['headquarters']),
        supervisor,
        policyText('seed004-quota'),
      );
      const score = refused(
        await registry.proposeOverride(
          manager,
          proposal({
            customer: 'C7',
            policy: 'seed004-quota',
            kind: 'score',
            tier: undefined,
            score: { set: 95 },
          }),
        ),
      );
      expect(score.diagnostics[0]).toMatchObject({ code: 'TW1411', pointer: '/kind' });
      const late = ok(
        await registry.proposeOverride(
          manager,
          proposal({ customer: 'C8', policy: 'seed004-scorecard', expires: '2026-12-02T00:00:00Z' }),
        ),
      );
      clock.now = new Date('2026-12-03T00:00:00.000Z');
      expect(refused(await registry.approveOverride(supervisor, late.id, 1)).diagnostics[0]!.code).toBe(
        'TW1413',
      );
      expect(ok(await registry.rejectOverride(supervisor, late.id, 1, 'too late')).status).toBe('rejected');
    });
  });
}

overrideRules('sqlite', async () => join(mkdtempSync(join(tmpdir(), 'tierwise-ov-db-')), 'registry.db'));

const plan = planPostgres();
if (plan.kind === 'none') describe.skip(`overrides on postgres: skipped, ${plan.reason}`, () => {});
else {
  let server: TestPostgres | undefined;
  const started = () => (server ? Promise.resolve(server) : startPostgres(plan).then((s) => (server = s)));
  afterAll(async () => {
    await server?.stop();
  });
  overrideRules('postgres', async () => (await started()).database());
}
