import { describe, expect, it } from 'vitest';
import type { OverrideRecord } from '../../src/registry/records.js';
import { type ContractContext, conflictOf } from './store-contract-kit.js';
import { AT } from './store-fixtures.js';

export const override = (n: number, extra: Partial<OverrideRecord> = {}): OverrideRecord => ({
  id: `ov-${n}`,
  policy: 'seed004-scorecard',
  businessUnit: 'headquarters',
  customer: `C${2024000 + n}`,
  kind: 'tier',
  tier: 'vip',
  evidence: [],
  expires: 'P3M',
  status: 'proposed',
  proposedBy: 'li',
  proposedAt: AT,
  updatedAt: AT,
  revision: 1,
  ...extra,
});

/** Overrides (records.ts OverrideRecord) go in and come back exactly, newest first, filtered, compared-and-set. */
export function overridesContract(ctx: ContractContext): void {
  describe('overrides', () => {
    const full = override(2, {
      kind: 'score',
      tier: undefined,
      score: { delta: -2.5 },
      reason: '战略客户：框架合同谈判中',
      evidence: ['https://crm.example.com/cases/4711', '合同草案 v3'],
      expires: '2027-03-01T00:00:00+08:00',
      expiresAt: '2027-02-28T16:00:00.000Z',
      status: 'approved',
      approval: { by: 'zhao', at: AT, comment: '同意' },
      closed: { by: 'zhao', at: AT },
    });
    delete full.tier;

    it('round-trip with every optional field or none, newest first, filtered', async () => {
      await ctx.store.write(async (tx) => {
        expect(await tx.nextId('ov')).toBe(1);
        await tx.insertOverride(override(1));
        await tx.insertOverride(full);
        await tx.insertOverride(override(3, { businessUnit: 'retail', customer: 'C2024001' }));
      });
      await ctx.store.read(async (tx) => {
        expect(await tx.getOverride('ov-1')).toStrictEqual(override(1));
        expect(await tx.getOverride('ov-2')).toStrictEqual(full);
        expect(await tx.getOverride('ov-9')).toBeUndefined();
        expect((await tx.listOverrides()).map((o) => o.id)).toEqual(['ov-3', 'ov-2', 'ov-1']);
        expect((await tx.listOverrides({ customer: 'C2024001' })).map((o) => o.id)).toEqual(['ov-3', 'ov-1']);
        expect(
          (await tx.listOverrides({ customer: 'C2024001', businessUnit: 'headquarters' })).map((o) => o.id),
        ).toEqual(['ov-1']);
        expect((await tx.listOverrides({ status: 'approved' })).map((o) => o.id)).toEqual(['ov-2']);
        expect(await tx.listOverrides({ policy: 'other' })).toEqual([]);
        expect(await tx.nextId('ov')).toBe(2);
      });
    });

    it('update by compare-and-set on the revision, which it advances', async () => {
      await ctx.store.write((tx) => tx.insertOverride(override(1)));
      const approved = { ...override(1), status: 'approved' as const, approval: { by: 'zhao', at: AT } };
      expect(await ctx.store.write((tx) => tx.updateOverride(approved, 1))).toBe(true);
      expect(await ctx.store.read((tx) => tx.getOverride('ov-1'))).toStrictEqual({
        ...approved,
        revision: 2,
      });
      expect(await ctx.store.write((tx) => tx.updateOverride({ ...approved, status: 'revoked' }, 1))).toBe(
        false,
      );
      expect(await ctx.store.read((tx) => tx.getOverride('ov-1'))).toMatchObject({ status: 'approved' });
    });

    it('refuse a duplicate id and a tier override without its tier', async () => {
      await ctx.store.write((tx) => tx.insertOverride(override(1)));
      await conflictOf(ctx.store.write((tx) => tx.insertOverride(override(1))));
      const { tier: _tier, ...tierless } = override(2);
      await conflictOf(ctx.store.write((tx) => tx.insertOverride(tierless)));
      expect((await ctx.store.read((tx) => tx.listOverrides())).map((o) => o.id)).toEqual(['ov-1']);
    });
  });
}
