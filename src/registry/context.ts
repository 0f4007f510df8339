import type { AuditFields } from './audit-chain.js';
import { nextEntry } from './audit-chain.js';
import type { AuditEntry } from './records.js';
import type { Store, StoreWriter } from './store/store.js';

/** What the registry's functions share: the store and the clock (tests set the clock). */
export interface RegistryContext {
  store: Store;
  now(): Date;
  /** Where uploaded datasets are kept (content-addressed files). */
  dataDir: string;
  /** DEFAULT_COMPANY_UNIT unless configured: see records.ts. */
  companyUnit: string;
}

export const nowText = (ctx: RegistryContext): string => ctx.now().toISOString();

/** Appends one entry to the audit chain in the write transaction that made the change. */
export async function audit(tx: StoreWriter, fields: AuditFields): Promise<AuditEntry> {
  const entry = nextEntry(await tx.lastAudit(), fields);
  await tx.appendAudit(entry);
  return entry;
}
