import { msg, type Text } from '../../i18n/text.js';
import { maskPhones } from '../../privacy/mask.js';
import type { OverrideRecord, OverrideState, OverrideStatus } from '../records.js';
import { instantOf } from '../times.js';

/** An override as the registry gives it out: its status at the moment asked, phones masked. */
export type OverrideView = Omit<OverrideRecord, 'status'> & { status: OverrideStatus };

/** Approved and past expiresAt is expired, from that instant on: computed, never written by a job. */
export function statusAt(record: Pick<OverrideRecord, 'status' | 'expiresAt'>, at: number): OverrideStatus {
  if (record.status !== 'approved' || record.expiresAt === undefined) return record.status;
  const end = instantOf(record.expiresAt);
  return end !== undefined && end <= at ? 'expired' : 'approved';
}

/** Whether it decides the customer's tier at `at`: approved and not yet expired. */
export const inForceAt = (record: OverrideRecord, at: number) => statusAt(record, at) === 'approved';

/**
 * Evidence and reasons are free text a person typed: a phone number in them is personal data,
 * masked in every answer, export and audit entry (src/privacy). The record keeps what was typed.
 */
export function overrideView(record: OverrideRecord, at: number): OverrideView {
  const view: OverrideView = {
    ...record,
    status: statusAt(record, at),
    evidence: record.evidence.map(maskPhones),
  };
  if (record.reason !== undefined) view.reason = maskPhones(record.reason);
  if (record.approval?.comment !== undefined)
    view.approval = { ...record.approval, comment: maskPhones(record.approval.comment) };
  if (record.closed?.comment !== undefined)
    view.closed = { ...record.closed, comment: maskPhones(record.closed.comment) };
  return view;
}

const STATUS: Record<OverrideStatus, Text> = {
  proposed: msg('overrides.statusProposed'),
  approved: msg('overrides.statusApproved'),
  rejected: msg('overrides.statusRejected'),
  withdrawn: msg('overrides.statusWithdrawn'),
  revoked: msg('overrides.statusRevoked'),
  expired: msg('overrides.statusExpired'),
};

export const statusText = (status: OverrideStatus): Text => STATUS[status];

export const OVERRIDE_STATES: readonly OverrideState[] = [
  'proposed',
  'approved',
  'rejected',
  'withdrawn',
  'revoked',
];
export const OVERRIDE_STATUSES: readonly OverrideStatus[] = [...OVERRIDE_STATES, 'expired'];
