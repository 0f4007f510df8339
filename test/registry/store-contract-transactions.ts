import { describe, expect, it } from 'vitest';
import { chunkDecision, type DecisionChunkRecord } from '../../src/registry/records.js';
import { openStore } from '../../src/registry/store/open.js';
import { type ContractContext, conflictOf, open, seed } from './store-contract-kit.js';
import { AT, audit, dataset, decision, policy, token, version } from './store-fixtures.js';

/** The contract's transactional half: rollback, serialised writers, decisions, integrity, reopening. */
export function transactionsContract(ctx: ContractContext): void {
  describe('transactions', () => {
    it('number each sequence on its own, consumed only when the transaction commits', async () => {
      expect(await ctx.store.read((tx) => tx.nextId('cr'))).toBe(1);
      expect(
        await ctx.store.write(async (tx) => [
          await tx.nextId('cr'),
          await tx.nextId('cr'),
          await tx.nextId('tok'),
        ]),
      ).toEqual([1, 2, 1]);
      await expect(
        ctx.store.write(async (tx) => {
          await tx.nextId('cr');
          await tx.nextId('pub');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await ctx.store.read((tx) => tx.nextId('cr'))).toBe(3);
      expect(
        await ctx.store.write(async (tx) => [
          await tx.nextId('cr'),
          await tx.nextId('pub'),
          await tx.nextId('ds'),
        ]),
      ).toEqual([3, 1, 1]);
    });

    it('roll back everything a callback wrote when it throws', async () => {
      await expect(
        ctx.store.write(async (tx) => {
          await seed(tx, 'retail', 2);
          await tx.insertToken(token(1));
          await tx.appendAudit(audit(1));
          await tx.insertDataset(dataset(1));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await ctx.store.read(async (tx) => {
        expect(await tx.listPolicies()).toEqual([]);
        expect(await tx.listVersions('retail')).toEqual([]);
        expect(await tx.listTokens()).toEqual([]);
        expect(await tx.listAudit()).toEqual([]);
        expect(await tx.listDatasets()).toEqual([]);
      });
    });

    it('a conflict dooms the transaction even when the callback catches it', async () => {
      await ctx.store.write((tx) => seed(tx, 'retail', 1));
      const write = ctx.store.write(async (tx) => {
        await tx.insertPolicy(policy('other'));
        await tx.insertVersion(version('retail', 1)).catch(() => {});
        await tx.insertPolicy(policy('third'));
        return 'done';
      });
      await conflictOf(write);
      expect((await ctx.store.read((tx) => tx.listPolicies())).map((p) => p.name)).toEqual(['retail']);
    });

    it('refuse a reader or writer used after its transaction ended', async () => {
      const writer = await ctx.store.write(async (tx) => tx);
      await expect(writer.insertPolicy(policy('late'))).rejects.toThrow(/over/);
      const reader = await ctx.store.read(async (tx) => tx);
      await expect(reader.listPolicies()).rejects.toThrow(/over/);
      expect(await ctx.store.read((tx) => tx.listPolicies())).toEqual([]);
    });

    it('refuse a store call from inside a callback, which would wait for itself', async () => {
      const nested = ctx.store.write(async () => ctx.store.write((tx) => tx.insertPolicy(policy('inner'))));
      await expect(nested).rejects.toThrow(/inside read\(\) or write\(\)/);
      await expect(ctx.store.read(async () => ctx.store.getDecision('dec-1'))).rejects.toThrow(/inside read/);
      // Outside, the store goes on serving.
      await ctx.store.write((tx) => tx.insertPolicy(policy('outer')));
      expect((await ctx.store.read((tx) => tx.listPolicies())).map((p) => p.name)).toEqual(['outer']);
    });

    it('serialise writers: 50 at once, each reading the latest version, make 1..50 without a gap', async () => {
      await ctx.store.write((tx) => tx.insertPolicy(policy('retail')));
      const writes = Array.from({ length: 50 }, (_, i) =>
        ctx.store.write(async (tx) => {
          const latest = await tx.latestVersion('retail');
          const sequence = (latest?.sequence ?? 0) + 1;
          await tx.insertVersion(version('retail', sequence, { author: `writer-${i}` }));
          const seq = ((await tx.lastAudit())?.seq ?? 0) + 1;
          await tx.appendAudit(audit(seq, { subject: `retail@${sequence}` }));
          return sequence;
        }),
      );
      const sequences = await Promise.all(writes);
      expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const versions = await ctx.store.read((tx) => tx.listVersions('retail'));
      expect(versions.map((v) => v.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(versions.map((v) => v.author)).size).toBe(50);
      expect(await ctx.store.integrityCheck()).toEqual([]);
    });

    it('a read never sees what a transaction wrote before it rolled back', async () => {
      let inserted!: () => void;
      const insertedNow = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const write = ctx.store.write(async (tx) => {
        await tx.insertPolicy(policy('uncommitted'));
        inserted();
        await gate;
        throw new Error('rolled back');
      });
      await insertedNow;
      const read = ctx.store.read((tx) => tx.getPolicy('uncommitted'));
      release();
      await expect(write).rejects.toThrow('rolled back');
      expect(await read).toBeUndefined();
    });
  });

  describe('decisions', () => {
    it('insert in batches, get by id, prune by time', async () => {
      const old = Array.from({ length: 1_203 }, (_, i) =>
        decision(`dec-old-${i}`, '2026-01-01T07:59:00.000+08:00'),
      );
      const recent = [
        decision('dec-new', '2026-01-01T00:00:00.000Z', { result: '仅文本' }),
        decision('dec-null', '2026-06-01T00:00:00.000Z', { result: null }),
      ];
      await ctx.store.insertDecisions([]);
      await ctx.store.insertDecisions(old);
      await ctx.store.insertDecisions(recent);
      expect(await ctx.store.getDecision('dec-old-1202')).toStrictEqual(old[1202]);
      expect(await ctx.store.getDecision('dec-new')).toStrictEqual(recent[0]);
      expect(await ctx.store.getDecision('dec-null')).toStrictEqual(recent[1]);
      expect(await ctx.store.getDecision('dec-none')).toBeUndefined();
      // 07:59+08:00 is 23:59Z the day before: older than midnight Z, though its text sorts after.
      expect(await ctx.store.pruneDecisions('2026-01-01T00:00:00.000Z')).toBe(1_203);
      expect(await ctx.store.getDecision('dec-old-0')).toBeUndefined();
      expect(await ctx.store.getDecision('dec-new')).toStrictEqual(recent[0]);
      expect(await ctx.store.pruneDecisions('2026-01-01T00:00:00.000Z')).toBe(0);
    });

    it("keep a batch's chunks: each row's decision reads back as a single one would; pruned by time", async () => {
      const chunk = (batch: string, at: string, rows: number[]): DecisionChunkRecord => ({
        batch,
        at,
        actor: 'tok-1',
        businessUnit: '零售',
        policy: 'retail',
        version: 'retail@1',
        versionDigest: `sha256:${'f'.repeat(64)}`,
        decisions: rows.map((row) => ({
          row,
          inputDigest: `sha256:${String(row).padStart(64, '0')}`,
          result: { tier: row % 2 ? '金卡' : null, score: row + 0.5 },
        })),
      });
      // Row 4 could not be read: the batch has no decision for it.
      const first = chunk('dec-b1', '2026-01-01T07:59:00.000+08:00', [2, 3, 5]);
      const second = chunk('dec-b1', '2026-01-01T07:59:00.000+08:00', [6, 7]);
      const later = chunk('dec-b2', '2026-06-01T00:00:00.000Z', [2]);
      await ctx.store.insertDecisions([decision('dec-single', AT)], [first, second]);
      await ctx.store.insertDecisions([], [later]);
      expect(await ctx.store.getDecision('dec-b1.5')).toStrictEqual({
        ...decision('dec-b1.5', first.at, { result: { tier: '金卡', score: 5.5 } }),
        inputDigest: `sha256:${'5'.padStart(64, '0')}`,
      });
      expect(await ctx.store.getDecision('dec-b1.6')).toStrictEqual(chunkDecision(second, 6));
      expect(await ctx.store.getDecision('dec-b2.2')).toStrictEqual(chunkDecision(later, 2));
      for (const missing of ['dec-b1.4', 'dec-b1.8', 'dec-b1.0', 'dec-b1', 'dec-b3.2', 'dec-b1.2.2'])
        expect(await ctx.store.getDecision(missing), missing).toBeUndefined();
      expect(await ctx.store.getDecision('dec-single')).toStrictEqual(decision('dec-single', AT));
      // 07:59+08:00 is 23:59Z the day before: the two chunks (5 decisions) go, the later stays.
      expect(await ctx.store.pruneDecisions('2026-01-01T00:00:00.000Z')).toBe(5);
      expect(await ctx.store.getDecision('dec-b1.2')).toBeUndefined();
      expect(await ctx.store.getDecision('dec-b2.2')).toStrictEqual(chunkDecision(later, 2));
    });

    it('refuse a chunk written twice, keeping nothing of the write', async () => {
      const again = {
        batch: 'dec-b9',
        at: AT,
        actor: 'tok-1',
        businessUnit: '零售',
        policy: 'retail',
        version: 'retail@1',
        versionDigest: `sha256:${'f'.repeat(64)}`,
        decisions: [{ row: 2, inputDigest: `sha256:${'0'.repeat(64)}`, result: {} }],
      };
      await ctx.store.insertDecisions([], [again]);
      await conflictOf(ctx.store.insertDecisions([decision('dec-x', AT)], [again]));
      expect(await ctx.store.getDecision('dec-x')).toBeUndefined();
    });

    it('refuse a repeated id, keeping nothing of the batch', async () => {
      await ctx.store.insertDecisions([decision('dec-1', AT)]);
      await conflictOf(ctx.store.insertDecisions([decision('dec-2', AT), decision('dec-1', AT)]));
      expect(await ctx.store.getDecision('dec-2')).toBeUndefined();
    });
  });

  describe('integrity check', () => {
    it('is clean on a sound store and names a gap in versions or audit made behind its back', async () => {
      await ctx.store.write(async (tx) => {
        await seed(tx, 'retail', 3);
        await seed(tx, 'b2b', 1, 'b2b');
        for (let i = 1; i <= 3; i++) await tx.appendAudit(audit(i));
      });
      expect(await ctx.store.integrityCheck()).toEqual([]);
      await ctx.harness.raw(ctx.store, "DELETE FROM versions WHERE id = 'retail@2'");
      await ctx.harness.raw(ctx.store, 'DELETE FROM audit WHERE seq = 2');
      const problems = await ctx.store.integrityCheck();
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/retail.*2 versions numbered 1 to 3/);
      expect(problems[1]).toMatch(/audit.*2 entries numbered 1 to 3/);
    });
  });

  // `:memory:` is gone once closed: these are not defined for it rather than skipped.
  if (ctx.harness.reopenable)
    describe('reopening', () => {
      it('keeps everything, and migrates only once', async () => {
        await ctx.store.write(async (tx) => {
          await seed(tx, 'retail', 2, '零售');
          await tx.appendAudit(audit(1));
          await tx.insertToken(token(1));
          await tx.nextId('cr');
        });
        await ctx.store.insertDecisions([decision('dec-1', AT)]);
        await ctx.store.close();
        const again = ctx.track(await open(ctx.location));
        await again.read(async (tx) => {
          expect(await tx.listVersions('retail')).toStrictEqual([version('retail', 1), version('retail', 2)]);
          expect(await tx.listAudit()).toStrictEqual([audit(1)]);
          expect(await tx.getToken('tok-1')).toStrictEqual(token(1));
          expect(await tx.nextId('cr')).toBe(2);
        });
        expect(await again.getDecision('dec-1')).toStrictEqual(decision('dec-1', AT));
        const ledger = await ctx.harness.raw(
          again,
          'SELECT version, name FROM schema_migrations ORDER BY version',
        );
        expect(ledger.map((row) => Number(row.version))).toEqual([1, 2, 3]);
      });

      it('two instances opening a new database at once migrate it once', async () => {
        const other = await ctx.harness.fresh();
        const [a, b] = await Promise.all([open(other), open(other)]);
        ctx.track(a);
        ctx.track(b);
        await a.write((tx) => tx.insertPolicy(policy('retail')));
        expect(await b.read((tx) => tx.getPolicy('retail'))).toStrictEqual(policy('retail'));
        expect(await ctx.harness.raw(other, 'SELECT version FROM schema_migrations')).toHaveLength(3);
      });

      it('refuses, untouched, a database a newer tierwise migrated', async () => {
        await ctx.store.write((tx) => tx.insertPolicy(policy('retail')));
        await ctx.harness.raw(
          ctx.store,
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')",
        );
        await ctx.store.close();
        const refused = await openStore(ctx.location);
        expect('diagnostic' in refused && refused.diagnostic).toMatchObject({
          code: 'TW1255',
          message: expect.stringMatching(/schema version 99, newer than this tierwise knows \(3\)/),
        });
        const ledger = await ctx.harness.raw(
          ctx.location,
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        expect(ledger.map((row) => Number(row.version))).toEqual([1, 2, 3, 99]);
      });

      it('refuses a database that is not a tierwise database', async () => {
        const other = await ctx.harness.fresh();
        await ctx.harness.raw(other, 'CREATE TABLE policies (id INTEGER)');
        const refused = await openStore(other);
        expect('diagnostic' in refused && refused.diagnostic).toMatchObject({ code: 'TW1254' });
        expect(await ctx.harness.raw(other, 'SELECT * FROM policies')).toEqual([]);
      });
    });
}
