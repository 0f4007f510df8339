import { expect } from 'vitest';
import { openStore } from '../../src/registry/store/open.js';
import { type Store, StoreConflict, type StoreWriter } from '../../src/registry/store/store.js';
import { policy, version } from './store-fixtures.js';

/** What the contract needs of a database beyond the store: somewhere new, and a way around the store. */
export interface StoreHarness {
  /** The location (path, `:memory:` or URL) of a new, empty database. */
  fresh(): Promise<string>;
  /** False for `:memory:`, which is gone once closed: the tests of reopening are left out. */
  reopenable: boolean;
  /** SQL run on the store's own connection, or on a connection of its own to a location: to break things. */
  raw(target: Store | string, sql: string): Promise<Record<string, unknown>[]>;
}

export async function open(location: string): Promise<Store> {
  const opened = await openStore(location);
  if ('diagnostic' in opened) throw new Error(`${opened.diagnostic.code}: ${opened.diagnostic.message}`);
  return opened.store;
}

/** Writes a policy and its first `n` versions. */
export async function seed(tx: StoreWriter, name: string, n: number, businessUnit = ''): Promise<void> {
  await tx.insertPolicy(policy(name, businessUnit));
  for (let i = 1; i <= n; i++) await tx.insertVersion(version(name, i));
}

export async function conflictOf(promise: Promise<unknown>): Promise<StoreConflict> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreConflict);
  return error as StoreConflict;
}

/** What the two halves of the contract share: the store of the running test, and its location. */
export interface ContractContext {
  readonly store: Store;
  readonly location: string;
  readonly harness: StoreHarness;
  /** Closed after the test. */
  track(store: Store): Store;
}
