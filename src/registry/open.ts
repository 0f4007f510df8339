import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Registry, type RegistryOptions } from './registry.js';
import { type OpenStoreOptions, openStore } from './store/open.js';

/** Where the registry keeps its database and uploaded datasets unless told: beside the caller. */
export const DEFAULT_DB = './tierwise.db';
export const DEFAULT_DATA_DIR = './tierwise-data';

export interface OpenRegistryOptions extends Partial<RegistryOptions> {
  db?: string;
  store?: OpenStoreOptions;
}

/** The registry over the database `--db` names (migrated on the way), or why it cannot be opened. */
export async function openRegistry(
  options: OpenRegistryOptions = {},
): Promise<{ registry: Registry } | { diagnostic: Diagnostic }> {
  const opened = await openStore(options.db ?? DEFAULT_DB, options.store);
  if ('diagnostic' in opened) return opened;
  return {
    registry: new Registry(opened.store, {
      ...options,
      dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
    }),
  };
}
