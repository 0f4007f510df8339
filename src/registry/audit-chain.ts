import { createHash } from 'node:crypto';
import type { AuditEntry } from './records.js';

export type AuditFields = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * Each entry's hash covers the previous entry's hash and every field of its own, so an entry
 * edited, removed or inserted anywhere breaks every hash after it (verify.ts finds where).
 */
export function chainHash(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    entry.prevHash,
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.subject,
    entry.before ?? null,
    entry.after ?? null,
    entry.reason ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/** The entry that follows `last` (undefined: the first entry of the log). */
export function nextEntry(last: AuditEntry | undefined, fields: AuditFields): AuditEntry {
  const unhashed = { seq: (last?.seq ?? 0) + 1, ...fields, prevHash: last?.hash ?? '' };
  return { ...unhashed, hash: chainHash(unhashed) };
}
