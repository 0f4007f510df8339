import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/registry/store/store.js';
import { type ContractContext, open, type StoreHarness } from './store-contract-kit.js';
import { overridesContract } from './store-contract-overrides.js';
import { recordsContract } from './store-contract-records.js';
import { transactionsContract } from './store-contract-transactions.js';

export type { StoreHarness } from './store-contract-kit.js';

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

    const ctx: ContractContext = {
      get store() {
        return store;
      },
      get location() {
        return location;
      },
      harness,
      track,
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

    recordsContract(ctx);
    overridesContract(ctx);
    transactionsContract(ctx);
  });
}
