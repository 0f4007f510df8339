import type { Localized } from '../i18n/language.js';

/**
 * What a plan item asks of the account manager: a contact of the tier's cadence, the customer's
 * next tier review, or the day a grace ends (the customer may fall to graceTier at that review).
 */
export type PlanItemKind = 'contact' | 'review' | 'grace-end';

export interface PlanItem {
  customer: string;
  /** The state's manager column; UNASSIGNED when it is empty. */
  manager: string;
  tier: string;
  tierLabel: Localized;
  kind: PlanItemKind;
  /** The cadence's action id; `tier-review` and `grace-ends` for the other kinds. */
  action: string;
  /** Both languages: the cadence's label (its action id where the policy gives none). */
  label: Localized;
  channel?: string;
  /** The cadence (ISO 8601 duration) a contact repeats at. */
  every?: string;
  /** The tier's entitlements.followUpWithin: the contact is recorded within it (seed 003: PT24H). */
  followUpWithin?: string;
  /** The day on the manager's calendar (a calendar day of the policy's zone). */
  day: number;
  /** The day the rule gives before it is moved to a working day (contacts) or to --from (overdue reviews). */
  due: number;
  /** Grace ends: the tier the customer falls to. */
  graceTier?: string;
  /** Stable across runs: the same contact keeps its id when a later plan moves it. */
  uid: string;
}

/** The manager id of customers whose state names none. */
export const UNASSIGNED = 'unassigned';

export interface Plan {
  policy: string;
  timezone: string;
  /** First day of the horizon (inclusive). */
  from: number;
  /** The day after the horizon's last (exclusive). */
  until: number;
  horizon: string;
  /** The calendars contacts were moved on: id and version. */
  calendars: { id: string; version: string }[];
  items: PlanItem[];
}
