import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPANY } from '../../src/registry/records.js';
import { openStore } from '../../src/registry/store/open.js';
import { type Store, StoreConflict, type StoreWriter } from '../../src/registry/store/store.js';
import {
  AT,
  audit,
  changeRequest,
  dataset,
  decision,
  policy,
  publication,
  token,
  version,
} from './store-fixtures.js';

/** What the contract needs of a database beyond the store: somewhere new, and a way around the store. */
export interface StoreHarness {
  /** The location (path, `:memory:` or URL) of a new, empty database. */
  fresh(): Promise<string>;
  /** False for `:memory:`, which is gone once closed: the tests of reopening are left out. */
  reopenable: boolean;
  /** SQL run on the store's own connection, or on a connection of its own to a location: to break things. */
  raw(target: Store | string, sql: string): Promise<Record<string, unknown>[]>;
}

async function open(location: string): Promise<Store> {
  const opened = await openStore(location);
  if ('diagnostic' in opened) throw new Error(`${opened.diagnostic.code}: ${opened.diagnostic.message}`);
  return opened.store;
}

/** Writes a policy and its first `n` versions. */
async function seed(tx: StoreWriter, name: string, n: number, businessUnit = ''): Promise<void> {
  await tx.insertPolicy(policy(name, businessUnit));
  for (let i = 1; i <= n; i++) await tx.insertVersion(version(name, i));
}

async function conflictOf(promise: Promise<unknown>): Promise<StoreConflict> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreConflict);
  return error as StoreConflict;
}

/**
 * The contract every store (store.ts) keeps, defined once and run against each adapter, so the
 * registry's logic can rely on it whichever database is behind `--db`.
 */
export function storeContract(name: string, harness: StoreHarness): void {
  describe(`${name}: the store contract`, () => {
    let location: string;
    let store: Store;
    const opened: Store[] = [];
    const track = (s: Store) => {
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      location = await harness.fresh();
      store = track(await open(location));
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close().catch(() => {});
    });

    it('opens empty, of its kind', async () => {
      expect(store.kind).toBe(name.startsWith('postgres') ? 'postgres' : 'sqlite');
      await store.read(async (tx) => {
        expect(await tx.listPolicies()).toEqual([]);
        expect(await tx.lastAudit()).toBeUndefined();
        expect(await tx.listTokens()).toEqual([]);
        expect(await tx.getVersion('x@1')).toBeUndefined();
        expect(await tx.latestVersion('x')).toBeUndefined();
      });
      expect(await store.integrityCheck()).toEqual([]);
    });

    describe('policies', () => {
      it('round-trip, by name and by file name, ordered by business unit then name', async () => {
        const records = [
          policy('retail', '零售'),
          policy('base'),
          policy('b2b-gold', 'b2b'),
          policy('a-retail', '零售'),
        ];
        await store.write(async (tx) => {
          for (const p of records) await tx.insertPolicy(p);
        });
        await store.read(async (tx) => {
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
        await store.write((tx) => tx.insertPolicy(policy('retail')));
        const byName = await conflictOf(
          store.write((tx) => tx.insertPolicy(policy('retail', 'b2b', { fileName: 'x.yaml' }))),
        );
        expect(byName.what).toBe('policy');
        await conflictOf(
          store.write((tx) => tx.insertPolicy(policy('other', '', { fileName: 'retail.tier.yaml' }))),
        );
        expect(await store.read((tx) => tx.listPolicies())).toHaveLength(1);
      });
    });

    describe('versions', () => {
      it('round-trip exactly, optional fields present or absent, ordered by sequence', async () => {
        const second = version('retail', 2, { changeRequest: 'cr-1', rollbackOf: 'retail@1' });
        await store.write(async (tx) => {
          await tx.insertPolicy(policy('retail'));
          await tx.insertChangeRequest(changeRequest(1, 'retail'));
          await tx.insertVersion(version('retail', 1));
          await tx.insertVersion(second);
          await tx.insertVersion(version('retail', 3));
        });
        await store.read(async (tx) => {
          expect(await tx.getVersion('retail@1')).toStrictEqual(version('retail', 1));
          expect(await tx.getVersion('retail@2')).toStrictEqual(second);
          expect((await tx.listVersions('retail')).map((v) => v.sequence)).toEqual([1, 2, 3]);
          expect(await tx.latestVersion('retail')).toStrictEqual(version('retail', 3));
          expect(await tx.listVersions('other')).toEqual([]);
        });
      });

      it('refuse a duplicate, a gap and an unknown policy, rolling back the whole transaction', async () => {
        await store.write((tx) => seed(tx, 'retail', 1));
        const duplicate = await conflictOf(
          store.write(async (tx) => {
            await tx.insertPolicy(policy('other'));
            await tx.insertVersion(version('retail', 1, { content: 'different' }));
          }),
        );
        expect(duplicate.what).toBe('version');
        await conflictOf(store.write((tx) => tx.insertVersion(version('retail', 3))));
        await conflictOf(store.write((tx) => tx.insertVersion(version('ghost', 1))));
        await conflictOf(store.write((tx) => tx.insertVersion({ ...version('retail', 2), id: 'retail@7' })));
        await store.read(async (tx) => {
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
        await store.write(async (tx) => {
          await seed(tx, 'retail', 1, '零售');
          await tx.insertChangeRequest(changeRequest(1, 'retail'));
          await tx.insertChangeRequest(full);
          await tx.insertChangeRequest(changeRequest(3, 'b2b', { businessUnit: 'b2b', state: 'in_review' }));
        });
        await store.read(async (tx) => {
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
        await store.write(async (tx) => {
          await seed(tx, 'retail', 1);
          await tx.insertChangeRequest(full);
        });
        const edited = {
          ...changeRequest(2, 'retail', { title: '新标题', state: 'in_review' }),
          revision: 1,
        };
        expect(await store.write((tx) => tx.updateChangeRequest(edited, 1))).toBe(true);
        const stored = await store.read((tx) => tx.getChangeRequest('cr-2'));
        // The edit dropped the approval and the other optional fields: they are gone, not null.
        expect(stored).toStrictEqual({ ...edited, revision: 2 });
        expect(await store.write((tx) => tx.updateChangeRequest({ ...edited, title: 'stale' }, 1))).toBe(
          false,
        );
        expect(await store.write((tx) => tx.updateChangeRequest({ ...edited, id: 'cr-9' }, 1))).toBe(false);
        expect(await store.read((tx) => tx.getChangeRequest('cr-2'))).toStrictEqual({
          ...edited,
          revision: 2,
        });
        // A list keeps its creation order after an update.
        await store.write((tx) => tx.insertChangeRequest(changeRequest(3, 'retail')));
        expect(await store.write((tx) => tx.updateChangeRequest({ ...edited, state: 'rejected' }, 2))).toBe(
          true,
        );
        expect((await store.read((tx) => tx.listChangeRequests())).map((r) => [r.id, r.revision])).toEqual([
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
        await store.write(async (tx) => {
          await seed(tx, 'retail', 1);
          await tx.insertChangeRequest(changeRequest(1, 'retail'));
          for (const p of [later, earlier, tie]) await tx.insertPublication(p);
        });
        await store.read(async (tx) => {
          expect(await tx.listPublications()).toStrictEqual([earlier, tie, later]);
          expect(await tx.listPublications({ businessUnit: '零售' })).toStrictEqual([earlier, later]);
          expect(await tx.listPublications({ businessUnit: 'b2b', policy: 'retail' })).toStrictEqual([tie]);
          expect(await tx.listPublications({ policy: 'other' })).toEqual([]);
        });
      });

      it('end once', async () => {
        await store.write(async (tx) => {
          await seed(tx, 'retail', 1);
          await tx.insertPublication(publication(1, 'retail'));
        });
        const end = '2027-01-01T00:00:00.000+08:00';
        expect(await store.write((tx) => tx.endPublication('pub-1', end))).toBe(true);
        expect(await store.write((tx) => tx.endPublication('pub-1', '2028-01-01T00:00:00.000Z'))).toBe(false);
        expect(await store.write((tx) => tx.endPublication('pub-9', end))).toBe(false);
        expect(await store.read((tx) => tx.listPublications())).toStrictEqual([
          { ...publication(1, 'retail'), effectiveTo: end },
        ]);
      });

      it('refuse a version that does not exist', async () => {
        await store.write((tx) => seed(tx, 'retail', 1));
        await conflictOf(
          store.write((tx) => tx.insertPublication(publication(1, 'retail', { version: 'retail@5' }))),
        );
        expect(await store.read((tx) => tx.listPublications())).toEqual([]);
      });
    });

    describe('datasets and tokens', () => {
      it('datasets round-trip with and without a row count, in upload order, filtered', async () => {
        const records = [
          dataset(2, { rows: 1_234_567, kind: 'transactions', format: 'ndjson' }),
          dataset(1),
          dataset(3, { businessUnit: 'b2b' }),
        ];
        await store.write(async (tx) => {
          for (const d of records) await tx.insertDataset(d);
        });
        await store.read(async (tx) => {
          expect(await tx.getDataset('ds-2')).toStrictEqual(records[0]);
          expect(await tx.getDataset('ds-1')).toStrictEqual(records[1]);
          expect(await tx.getDataset('ds-9')).toBeUndefined();
          expect(await tx.listDatasets()).toStrictEqual(records);
          expect(await tx.listDatasets({ businessUnit: 'b2b' })).toStrictEqual([records[2]]);
        });
        await conflictOf(store.write((tx) => tx.insertDataset(dataset(1))));
      });

      it('tokens round-trip, are found by hash, unique by hash, revoked once', async () => {
        const admin = token(1, { role: 'admin', businessUnits: ['*'] });
        await store.write(async (tx) => {
          await tx.insertToken(admin);
          await tx.insertToken(token(2));
        });
        await store.read(async (tx) => {
          expect(await tx.getToken('tok-1')).toStrictEqual(admin);
          expect(await tx.getTokenByHash(token(2).hash)).toStrictEqual(token(2));
          expect(await tx.getTokenByHash('sha256:nope')).toBeUndefined();
          expect(await tx.listTokens()).toStrictEqual([admin, token(2)]);
        });
        await conflictOf(store.write((tx) => tx.insertToken(token(3, { hash: admin.hash }))));
        expect(await store.write((tx) => tx.revokeToken('tok-2', AT))).toBe(true);
        expect(await store.write((tx) => tx.revokeToken('tok-2', '2027-01-01T00:00:00.000Z'))).toBe(false);
        expect(await store.write((tx) => tx.revokeToken('tok-9', AT))).toBe(false);
        expect(await store.read((tx) => tx.getToken('tok-2'))).toStrictEqual({ ...token(2), revokedAt: AT });
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
        await store.write(async (tx) => {
          for (const e of entries) await tx.appendAudit(e);
        });
        await store.read(async (tx) => {
          expect(await tx.listAudit()).toStrictEqual(entries);
          expect(await tx.listAudit({ after: 1, limit: 2 })).toStrictEqual([entries[1], entries[2]]);
          expect(await tx.listAudit({ subject: 'cr-1' })).toStrictEqual([entries[1], entries[3]]);
          expect(await tx.listAudit({ after: 2, subject: 'cr-1' })).toStrictEqual([entries[3]]);
          expect(await tx.listAudit({ after: 4 })).toEqual([]);
          expect(await tx.lastAudit()).toStrictEqual(entries[3]);
        });
      });

      it('refuses a gap, a repeat and a first entry other than 1', async () => {
        await conflictOf(store.write((tx) => tx.appendAudit(audit(2))));
        await store.write((tx) => tx.appendAudit(audit(1)));
        const gap = await conflictOf(store.write((tx) => tx.appendAudit(audit(3))));
        expect(gap.what).toBe('audit');
        await conflictOf(store.write((tx) => tx.appendAudit(audit(1))));
        expect(await store.read((tx) => tx.listAudit())).toStrictEqual([audit(1)]);
      });
    });

    describe('transactions', () => {
      it('number each sequence on its own, consumed only when the transaction commits', async () => {
        expect(await store.read((tx) => tx.nextId('cr'))).toBe(1);
        expect(
          await store.write(async (tx) => [
            await tx.nextId('cr'),
            await tx.nextId('cr'),
            await tx.nextId('tok'),
          ]),
        ).toEqual([1, 2, 1]);
        await expect(
          store.write(async (tx) => {
            await tx.nextId('cr');
            await tx.nextId('pub');
            throw new Error('changed my mind');
          }),
        ).rejects.toThrow('changed my mind');
        expect(await store.read((tx) => tx.nextId('cr'))).toBe(3);
        expect(
          await store.write(async (tx) => [
            await tx.nextId('cr'),
            await tx.nextId('pub'),
            await tx.nextId('ds'),
          ]),
        ).toEqual([3, 1, 1]);
      });

      it('roll back everything a callback wrote when it throws', async () => {
        await expect(
          store.write(async (tx) => {
            await seed(tx, 'retail', 2);
            await tx.insertToken(token(1));
            await tx.appendAudit(audit(1));
            await tx.insertDataset(dataset(1));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        await store.read(async (tx) => {
          expect(await tx.listPolicies()).toEqual([]);
          expect(await tx.listVersions('retail')).toEqual([]);
          expect(await tx.listTokens()).toEqual([]);
          expect(await tx.listAudit()).toEqual([]);
          expect(await tx.listDatasets()).toEqual([]);
        });
      });

      it('a conflict dooms the transaction even when the callback catches it', async () => {
        await store.write((tx) => seed(tx, 'retail', 1));
        const write = store.write(async (tx) => {
          await tx.insertPolicy(policy('other'));
          await tx.insertVersion(version('retail', 1)).catch(() => {});
          await tx.insertPolicy(policy('third'));
          return 'done';
        });
        await conflictOf(write);
        expect((await store.read((tx) => tx.listPolicies())).map((p) => p.name)).toEqual(['retail']);
      });

      it('refuse a reader or writer used after its transaction ended', async () => {
        const writer = await store.write(async (tx) => tx);
        await expect(writer.insertPolicy(policy('late'))).rejects.toThrow(/over/);
        const reader = await store.read(async (tx) => tx);
        await expect(reader.listPolicies()).rejects.toThrow(/over/);
        expect(await store.read((tx) => tx.listPolicies())).toEqual([]);
      });

      it('refuse a store call from inside a callback, which would wait for itself', async () => {
        const nested = store.write(async () => store.write((tx) => tx.insertPolicy(policy('inner'))));
        await expect(nested).rejects.toThrow(/inside read\(\) or write\(\)/);
        await expect(store.read(async () => store.getDecision('dec-1'))).rejects.toThrow(/inside read/);
        // Outside, the store goes on serving.
        await store.write((tx) => tx.insertPolicy(policy('outer')));
        expect((await store.read((tx) => tx.listPolicies())).map((p) => p.name)).toEqual(['outer']);
      });

      it('serialise writers: 50 at once, each reading the latest version, make 1..50 without a gap', async () => {
        await store.write((tx) => tx.insertPolicy(policy('retail')));
        const writes = Array.from({ length: 50 }, (_, i) =>
          store.write(async (tx) => {
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
        const versions = await store.read((tx) => tx.listVersions('retail'));
        expect(versions.map((v) => v.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(new Set(versions.map((v) => v.author)).size).toBe(50);
        expect(await store.integrityCheck()).toEqual([]);
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
        const write = store.write(async (tx) => {
          await tx.insertPolicy(policy('uncommitted'));
          inserted();
          await gate;
          throw new Error('rolled back');
        });
        await insertedNow;
        const read = store.read((tx) => tx.getPolicy('uncommitted'));
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
        await store.insertDecisions([]);
        await store.insertDecisions(old);
        await store.insertDecisions(recent);
        expect(await store.getDecision('dec-old-1202')).toStrictEqual(old[1202]);
        expect(await store.getDecision('dec-new')).toStrictEqual(recent[0]);
        expect(await store.getDecision('dec-null')).toStrictEqual(recent[1]);
        expect(await store.getDecision('dec-none')).toBeUndefined();
        // 07:59+08:00 is 23:59Z the day before: older than midnight Z, though its text sorts after.
        expect(await store.pruneDecisions('2026-01-01T00:00:00.000Z')).toBe(1_203);
        expect(await store.getDecision('dec-old-0')).toBeUndefined();
        expect(await store.getDecision('dec-new')).toStrictEqual(recent[0]);
        expect(await store.pruneDecisions('2026-01-01T00:00:00.000Z')).toBe(0);
      });

      it('refuse a repeated id, keeping nothing of the batch', async () => {
        await store.insertDecisions([decision('dec-1', AT)]);
        await conflictOf(store.insertDecisions([decision('dec-2', AT), decision('dec-1', AT)]));
        expect(await store.getDecision('dec-2')).toBeUndefined();
      });
    });

    describe('integrity check', () => {
      it('is clean on a sound store and names a gap in versions or audit made behind its back', async () => {
        await store.write(async (tx) => {
          await seed(tx, 'retail', 3);
          await seed(tx, 'b2b', 1, 'b2b');
          for (let i = 1; i <= 3; i++) await tx.appendAudit(audit(i));
        });
        expect(await store.integrityCheck()).toEqual([]);
        await harness.raw(store, "DELETE FROM versions WHERE id = 'retail@2'");
        await harness.raw(store, 'DELETE FROM audit WHERE seq = 2');
        const problems = await store.integrityCheck();
        expect(problems).toHaveLength(2);
        expect(problems[0]).toMatch(/retail.*2 versions numbered 1 to 3/);
        expect(problems[1]).toMatch(/audit.*2 entries numbered 1 to 3/);
      });
    });

    // `:memory:` is gone once closed: these are not defined for it rather than skipped.
    if (harness.reopenable)
      describe('reopening', () => {
        it('keeps everything, and migrates only once', async () => {
          await store.write(async (tx) => {
            await seed(tx, 'retail', 2, '零售');
            await tx.appendAudit(audit(1));
            await tx.insertToken(token(1));
            await tx.nextId('cr');
          });
          await store.insertDecisions([decision('dec-1', AT)]);
          await store.close();
          const again = track(await open(location));
          await again.read(async (tx) => {
            expect(await tx.listVersions('retail')).toStrictEqual([
              version('retail', 1),
              version('retail', 2),
            ]);
            expect(await tx.listAudit()).toStrictEqual([audit(1)]);
            expect(await tx.getToken('tok-1')).toStrictEqual(token(1));
            expect(await tx.nextId('cr')).toBe(2);
          });
          expect(await again.getDecision('dec-1')).toStrictEqual(decision('dec-1', AT));
          const ledger = await harness.raw(
            again,
            'SELECT version, name FROM schema_migrations ORDER BY version',
          );
          expect(ledger.map((row) => Number(row.version))).toEqual([1]);
        });

        it('two instances opening a new database at once migrate it once', async () => {
          const other = await harness.fresh();
          const [a, b] = await Promise.all([open(other), open(other)]);
          track(a);
          track(b);
          await a.write((tx) => tx.insertPolicy(policy('retail')));
          expect(await b.read((tx) => tx.getPolicy('retail'))).toStrictEqual(policy('retail'));
          expect(await harness.raw(other, 'SELECT version FROM schema_migrations')).toHaveLength(1);
        });

        it('refuses, untouched, a database a newer tierwise migrated', async () => {
          await store.write((tx) => tx.insertPolicy(policy('retail')));
          await harness.raw(
            store,
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')",
          );
          await store.close();
          const refused = await openStore(location);
          expect('diagnostic' in refused && refused.diagnostic).toMatchObject({
            code: 'TW1255',
            message: expect.stringMatching(/schema version 99, newer than this tierwise knows \(1\)/),
          });
          const ledger = await harness.raw(
            location,
            'SELECT version FROM schema_migrations ORDER BY version',
          );
          expect(ledger.map((row) => Number(row.version))).toEqual([1, 99]);
        });

        it('refuses a database that is not a tierwise database', async () => {
          const other = await harness.fresh();
          await harness.raw(other, 'CREATE TABLE policies (id INTEGER)');
          const refused = await openStore(other);
          expect('diagnostic' in refused && refused.diagnostic).toMatchObject({ code: 'TW1254' });
          expect(await harness.raw(other, 'SELECT * FROM policies')).toEqual([]);
        });
      });
  });
}
