/**
 * A customer's tier as it stands between runs: what `tierwise rerate` reads (--state) and writes,
 * and what `replay` carries from one month to the next. Days are calendar days of the policy's
 * time zone (metadata.timezone, Asia/Shanghai by default), written as 2026-11-30.
 */
export interface TierState {
  customer: string;
  /** The tier the customer holds; undefined: not rated yet (or left without a tier). */
  tier?: string;
  /** The day of the last review (a rating that looked at the customer, whatever it decided). */
  ratedAt?: number;
  /** The score at the last review, when the policy scores. */
  score?: number;
  /** In grace: the tier the customer falls to when the grace ends. */
  graceTier?: string;
  /** In grace: the first day the customer may fall (the grace ends that day). */
  graceUntil?: number;
  /** Flags the policy's triggers set and that still hold (churn-warning). */
  flags: string[];
  /** The account manager, carried through untouched: the service plan groups by it. */
  manager?: string;
}

export type EventType =
  /** First rating of a customer the state did not know. */
  | 'rated'
  | 'upgrade'
  | 'downgrade'
  /** Due review, same tier. */
  | 'reviewed'
  /** Would fall, held by the hysteresis band. */
  | 'held'
  /** Fell below the tier, keeps it until graceUntil. */
  | 'grace'
  /** Was in grace and is back at or above the tier. */
  | 'recovered'
  /** A trigger asked for a re-rating now (spend down 50% two months running). */
  | 'triggered'
  /** A trigger set a flag the customer did not have (churn-warning). */
  | 'flagged'
  /** A flag no trigger sets any more. */
  | 'cleared'
  /** The policy left the customer without a tier: the state is kept as it was. */
  | 'undecided';

export interface RerateEvent {
  customer: string;
  type: EventType;
  /** The day of the run. */
  at: number;
  from?: string;
  to?: string;
  score?: number;
  /** Trigger ids (triggered), the flag (flagged, cleared). */
  triggers?: string[];
  flag?: string;
  /** The band's minScore (held), the grace's last day (grace). */
  hold?: number;
  graceUntil?: number;
  /** Why a review happened: due by cadence, triggered, in grace, or an immediate move. */
  because: 'due' | 'trigger' | 'grace' | 'immediate' | 'new';
}

/** The evaluation of one customer at the run's as-of, as the rerating needs it. */
export interface Computed {
  /** Index in tiers.levels (0 best); undefined: the policy left the customer without a tier. */
  level?: number;
  score?: number;
  /** Fired trigger ids, in the policy's order. */
  triggers: string[];
  /** A fired trigger asks for a re-rating now. */
  rerate: boolean;
  flags: string[];
}
