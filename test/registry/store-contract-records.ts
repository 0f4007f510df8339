import { describe, expect, it } from 'vitest';

// The store keeps any business unit name; the empty one sorts first.
const COMPANY = '';

import { type ContractContext, conflictOf, seed } from './store-contract-kit.js';
import { AT, audit, changeRequest, dataset, policy, publication, token, version } from './store-fixtures.js';

/** The contract's record-keeping half: each kind of record goes in and comes back exactly, in order. */
export function recordsContract(ctx: ContractContext): void {
  describe('policies', () => {
    it('round-trip, by name and by file name, ordered by business unit then name', async () => {
      const records = [
        policy('retail', '零售'),
        policy('base'),
        policy('b2b-gold', 'b2b'),
        policy('a-retail', '零售'),
      ];
      await ctx.store.write(async (tx) => {
        for (const p of records) await tx.insertPolicy(p);
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.getPolicy('retail')).toStrictEqual(records[0]);
        expect(await tx.getPolicyByFileName('base.tier.yaml')).toStrictEqual(records[1]);
        expect(await tx.getPolicy('nope')).toBeUndefined();
        expect(await tx.getPolicyByFileName('nope.tier.yaml')).toBeUndefined();
        expect((await tx.listPolicies()).map((p) => p.name)).toEqual([
          'base',
          'b2b-gold',
          'a-retail',
          'retail',
        ]);
        expect(await tx.listPolicies({ businessUnit: '零售' })).toStrictEqual([records[3], records[0]]);
        expect(await tx.listPolicies({ businessUnit: COMPANY })).toStrictEqual([records[1]]);
      });
    });

    it('refuse a second policy of the same name or file name', async () => {
      await ctx.store.write((tx) => tx.insertPolicy(policy('retail')));
      const byName = await conflictOf(
        ctx.store.write((tx) => tx.insertPolicy(policy('retail', 'b2b', { fileName: 'x.yaml' }))),
      );
      expect(byName.what).toBe('policy');
      await conflictOf(
        ctx.store.write((tx) => tx.insertPolicy(policy('other', '', { fileName: 'retail.tier.yaml' }))),
      );
      expect(await ctx.store.read((tx) => tx.listPolicies())).toHaveLength(1);
    });
  });

  describe('versions', () => {
    it('round-trip exactly, optional fields present or absent, ordered by sequence', async () => {
      const second = version('retail', 2, { changeRequest: 'cr-1', rollbackOf: 'retail@1' });
      await ctx.store.write(async (tx) => {
        await tx.insertPolicy(policy('retail'));
        await tx.insertChangeRequest(changeRequest(1, 'retail'));
        await tx.insertVersion(version('retail', 1));
        await tx.insertVersion(second);
        await tx.insertVersion(version('retail', 3));
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.getVersion('retail@1')).toStrictEqual(version('retail', 1));
        expect(await tx.getVersion('retail@2')).toStrictEqual(second);
        expect((await tx.listVersions('retail')).map((v) => v.sequence)).toEqual([1, 2, 3]);
        expect(await tx.latestVersion('retail')).toStrictEqual(version('retail', 3));
        expect(await tx.listVersions('other')).toEqual([]);
      });
    });

    it('refuse a duplicate, a gap and an unknown policy, rolling back the whole transaction', async () => {
      await ctx.store.write((tx) => seed(tx, 'retail', 1));
      const duplicate = await conflictOf(
        ctx.store.write(async (tx) => {
          await tx.insertPolicy(policy('other'));
          await tx.insertVersion(version('retail', 1, { content: 'different' }));
        }),
      );
      expect(duplicate.what).toBe('version');
      await conflictOf(ctx.store.write((tx) => tx.insertVersion(version('retail', 3))));
      await conflictOf(ctx.store.write((tx) => tx.insertVersion(version('ghost', 1))));
      await conflictOf(
        ctx.store.write((tx) => tx.insertVersion({ ...version('retail', 2), id: 'retail@7' })),
      );
      await ctx.store.read(async (tx) => {
        expect(await tx.getPolicy('other')).toBeUndefined();
        expect(await tx.listVersions('retail')).toStrictEqual([version('retail', 1)]);
        expect(await tx.listVersions('ghost')).toEqual([]);
      });
    });
  });

  describe('change requests', () => {
    const full = changeRequest(2, 'retail', {
      description: '把金卡门槛从 90 降到 85',
      state: 'approved',
      baseVersion: 'retail@1',
      approval: { by: 'bob', at: AT, digest: `sha256:${'c'.repeat(64)}`, comment: '同意' },
      closed: { by: 'carol', at: AT },
      publishedVersion: 'retail@1',
    });

    it('round-trip with every optional field or none, newest first, filtered', async () => {
      await ctx.store.write(async (tx) => {
        await seed(tx, 'retail', 1, '零售');
        await tx.insertChangeRequest(changeRequest(1, 'retail'));
        await tx.insertChangeRequest(full);
        await tx.insertChangeRequest(changeRequest(3, 'b2b', { businessUnit: 'b2b', state: 'in_review' }));
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.getChangeRequest('cr-1')).toStrictEqual(changeRequest(1, 'retail'));
        expect(await tx.getChangeRequest('cr-2')).toStrictEqual(full);
        expect(await tx.getChangeRequest('cr-9')).toBeUndefined();
        expect((await tx.listChangeRequests()).map((r) => r.id)).toEqual(['cr-3', 'cr-2', 'cr-1']);
        expect((await tx.listChangeRequests({ policy: 'retail' })).map((r) => r.id)).toEqual([
          'cr-2',
          'cr-1',
        ]);
        expect((await tx.listChangeRequests({ businessUnit: 'b2b' })).map((r) => r.id)).toEqual(['cr-3']);
        expect((await tx.listChangeRequests({ state: 'approved' })).map((r) => r.id)).toEqual(['cr-2']);
        expect(await tx.listChangeRequests({ policy: 'retail', state: 'rejected' })).toEqual([]);
      });
    });

    it('update by compare-and-set on the revision, which it advances', async () => {
      await ctx.store.write(async (tx) => {
        await seed(tx, 'retail', 1);
        await tx.insertChangeRequest(full);
      });
      const edited = {
        ...changeRequest(2, 'retail', { title: '新标题', state: 'in_review' }),
        revision: 1,
      };
      expect(await ctx.store.write((tx) => tx.updateChangeRequest(edited, 1))).toBe(true);
      const stored = await ctx.store.read((tx) => tx.getChangeRequest('cr-2'));
      // The edit dropped the approval and the other optional fields: they are gone, not null.
      expect(stored).toStrictEqual({ ...edited, revision: 2 });
      expect(await ctx.store.write((tx) => tx.updateChangeRequest({ ...edited, title: 'stale' }, 1))).toBe(
        false,
      );
      expect(await ctx.store.write((tx) => tx.updateChangeRequest({ ...edited, id: 'cr-9' }, 1))).toBe(false);
      expect(await ctx.store.read((tx) => tx.getChangeRequest('cr-2'))).toStrictEqual({
        ...edited,
        revision: 2,
      });
      // A list keeps its creation order after an update.
      await ctx.store.write((tx) => tx.insertChangeRequest(changeRequest(3, 'retail')));
      expect(await ctx.store.write((tx) => tx.updateChangeRequest({ ...edited, state: 'rejected' }, 2))).toBe(
        true,
      );
      expect((await ctx.store.read((tx) => tx.listChangeRequests())).map((r) => [r.id, r.revision])).toEqual([
        ['cr-3', 1],
        ['cr-2', 3],
      ]);
    });
  });

  describe('publications', () => {
    it('are ordered by the instant of effectiveFrom, then publishedAt, whatever the offsets', async () => {
      const later = publication(1, 'retail', { effectiveFrom: '2026-01-01T09:00:00.000+08:00' }); // 01:00Z
      const earlier = publication(2, 'retail', {
        effectiveFrom: '2026-01-01T00:30:00.000Z',
        effectiveTo: '2026-01-01T09:00:00.000+08:00',
        changeRequest: 'cr-1',
      });
      const tie = publication(3, 'retail', {
        effectiveFrom: '2026-01-01T01:00:00.000Z',
        publishedAt: '2026-12-02T00:00:00.000Z',
        businessUnit: 'b2b',
      });
      await ctx.store.write(async (tx) => {
        await seed(tx, 'retail', 1);
        await tx.insertChangeRequest(changeRequest(1, 'retail'));
        for (const p of [later, earlier, tie]) await tx.insertPublication(p);
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.listPublications()).toStrictEqual([earlier, tie, later]);
        expect(await tx.listPublications({ businessUnit: '零售' })).toStrictEqual([earlier, later]);
        expect(await tx.listPublications({ businessUnit: 'b2b', policy: 'retail' })).toStrictEqual([tie]);
        expect(await tx.listPublications({ policy: 'other' })).toEqual([]);
      });
    });

    it('end once', async () => {
      await ctx.store.write(async (tx) => {
        await seed(tx, 'retail', 1);
        await tx.insertPublication(publication(1, 'retail'));
      });
      const end = '2027-01-01T00:00:00.000+08:00';
      expect(await ctx.store.write((tx) => tx.endPublication('pub-1', end))).toBe(true);
      expect(await ctx.store.write((tx) => tx.endPublication('pub-1', '2028-01-01T00:00:00.000Z'))).toBe(
        false,
      );
      expect(await ctx.store.write((tx) => tx.endPublication('pub-9', end))).toBe(false);
      expect(await ctx.store.read((tx) => tx.listPublications())).toStrictEqual([
        { ...publication(1, 'retail'), effectiveTo: end },
      ]);
    });

    it('refuse a version that does not exist', async () => {
      await ctx.store.write((tx) => seed(tx, 'retail', 1));
      await conflictOf(
        ctx.store.write((tx) => tx.insertPublication(publication(1, 'retail', { version: 'retail@5' }))),
      );
      expect(await ctx.store.read((tx) => tx.listPublications())).toEqual([]);
    });
  });

  describe('datasets and tokens', () => {
    it('datasets round-trip with and without a row count, in upload order, filtered', async () => {
      const records = [
        dataset(2, { rows: 1_234_567, kind: 'transactions', format: 'ndjson' }),
        dataset(1),
        dataset(3, { businessUnit: 'b2b' }),
      ];
      await ctx.store.write(async (tx) => {
        for (const d of records) await tx.insertDataset(d);
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.getDataset('ds-2')).toStrictEqual(records[0]);
        expect(await tx.getDataset('ds-1')).toStrictEqual(records[1]);
        expect(await tx.getDataset('ds-9')).toBeUndefined();
        expect(await tx.listDatasets()).toStrictEqual(records);
        expect(await tx.listDatasets({ businessUnit: 'b2b' })).toStrictEqual([records[2]]);
      });
      await conflictOf(ctx.store.write((tx) => tx.insertDataset(dataset(1))));
    });

    it('tokens round-trip, are found by hash, unique by hash, revoked once', async () => {
      const admin = token(1, { role: 'admin', businessUnits: ['*'] });
      await ctx.store.write(async (tx) => {
        await tx.insertToken(admin);
        await tx.insertToken(token(2));
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.getToken('tok-1')).toStrictEqual(admin);
        expect(await tx.getTokenByHash(token(2).hash)).toStrictEqual(token(2));
        expect(await tx.getTokenByHash('sha256:nope')).toBeUndefined();
        expect(await tx.listTokens()).toStrictEqual([admin, token(2)]);
      });
      await conflictOf(ctx.store.write((tx) => tx.insertToken(token(3, { hash: admin.hash }))));
      expect(await ctx.store.write((tx) => tx.revokeToken('tok-2', AT))).toBe(true);
      expect(await ctx.store.write((tx) => tx.revokeToken('tok-2', '2027-01-01T00:00:00.000Z'))).toBe(false);
      expect(await ctx.store.write((tx) => tx.revokeToken('tok-9', AT))).toBe(false);
      expect(await ctx.store.read((tx) => tx.getToken('tok-2'))).toStrictEqual({
        ...token(2),
        revokedAt: AT,
      });
    });
  });

  describe('audit', () => {
    const entries = [
      audit(1, {
        before: `sha256:${'1'.repeat(64)}`,
        after: `sha256:${'2'.repeat(64)}`,
        reason: '回滚到上一版',
      }),
      audit(2, { subject: 'cr-1' }),
      audit(3),
      audit(4, { subject: 'cr-1', reason: '' }),
    ];

    it('appends in order and lists after, with a limit, by subject', async () => {
      await ctx.store.write(async (tx) => {
        for (const e of entries) await tx.appendAudit(e);
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.listAudit()).toStrictEqual(entries);
        expect(await tx.listAudit({ after: 1, limit: 2 })).toStrictEqual([entries[1], entries[2]]);
        expect(await tx.listAudit({ subject: 'cr-1' })).toStrictEqual([entries[1], entries[3]]);
        expect(await tx.listAudit({ after: 2, subject: 'cr-1' })).toStrictEqual([entries[3]]);
        expect(await tx.listAudit({ after: 4 })).toEqual([]);
        const subjects = [entries[0]!.subject, 'cr-1'];
        expect(await tx.listAudit({ subjects })).toStrictEqual([entries[0], entries[1], entries[3]]);
        expect(await tx.listAudit({ subjects: [] })).toEqual([]);
        expect(await tx.lastAudit()).toStrictEqual(entries[3]);
      });
    });

    it('refuses a gap, a repeat and a first entry other than 1', async () => {
      await conflictOf(ctx.store.write((tx) => tx.appendAudit(audit(2))));
      await ctx.store.write((tx) => tx.appendAudit(audit(1)));
      const gap = await conflictOf(ctx.store.write((tx) => tx.appendAudit(audit(3))));
      expect(gap.what).toBe('audit');
      await conflictOf(ctx.store.write((tx) => tx.appendAudit(audit(1))));
      expect(await ctx.store.read((tx) => tx.listAudit())).toStrictEqual([audit(1)]);
    });
  });
}
